import { Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditService } from './audit.service';
import { AuditEventPage, AuditQueryDto } from './dto/audit.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Endpoint.get(
    '',
    'audit:read',
    'The audit log, newest first, filtered by entity, record, actor, action and time (admin).',
  )
  list(@Query() query: AuditQueryDto): Promise<AuditEventPage> {
    return this.audit.list(query);
  }
}
