import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { OutboxMessageDto } from '@agency-portal/shared';
import { RequirePermission } from '../auth/decorators';
import { MailService } from './mail.service';

export class OutboxMessageResponse implements OutboxMessageDto {
  id!: string;
  to!: string;
  subject!: string;
  body!: string;
  @ApiProperty({ enum: ['pending', 'sent', 'not_sent', 'failed'] })
  status!: 'pending' | 'sent' | 'not_sent' | 'failed';
  error!: string | null;
  createdAt!: string;
}

@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail-outbox')
export class OutboxController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @ApiOperation({ description: 'The latest e-mails the portal sent or kept (admin).' })
  @RequirePermission('outbox:read')
  list(): Promise<OutboxMessageResponse[]> {
    return this.mail.list();
  }
}
