import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { OutboxListQuery, OutboxMessageDto, OutboxStatus } from '@agency-portal/shared';
import { OUTBOX_SORT_KEYS, OUTBOX_STATUSES } from '@agency-portal/shared';
import { ListQueryDto, ListSort, PageOf } from '../common/lists/list-query.dto';
import { MailService } from './mail.service';
import { Endpoint } from '../auth/endpoint';
import { OptionalIn } from '../common/http/validators';

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

  @OptionalIn(OUTBOX_STATUSES)
  status?: OutboxStatus;
}

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail-outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Endpoint.get('', 'outbox:read', 'The latest e-mails the portal sent or kept (admin).')
  list(@Query() query: OutboxListQueryDto): Promise<OutboxPage> {
    return this.mail.list(query);
  }
}
