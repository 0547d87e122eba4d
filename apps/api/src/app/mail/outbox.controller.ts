import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { OutboxListQuery, OutboxMessageDto, OutboxStatus } from '@agency-portal/shared';
import { OUTBOX_SORT_KEYS, OUTBOX_STATUSES } from '@agency-portal/shared';
import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto, ListSort, PageOf } from '../common/lists/list-query.dto';
import { RequirePermission } from '../auth/decorators';
import { MailService } from './mail.service';

export class OutboxMessageResponse implements OutboxMessageDto {
  id!: string;
  to!: string;
  subject!: string;
  body!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES })
  status!: OutboxStatus;
  error!: string | null;
  createdAt!: string;
}

export class OutboxPage extends PageOf(OutboxMessageResponse, 'OutboxPage') {}

export class OutboxListQueryDto extends ListQueryDto implements OutboxListQuery {
  @ListSort(OUTBOX_SORT_KEYS, '-createdAt')
  sort?: string;

  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;
}

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail-outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiOperation({ description: 'The latest e-mails the portal sent or kept (admin).' })
  @RequirePermission('outbox:read')
  list(@Query() query: OutboxListQueryDto): Promise<OutboxPage> {
    return this.mail.list(query);
  }
}
