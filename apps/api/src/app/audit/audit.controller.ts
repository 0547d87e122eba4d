import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags, ApiOperation } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { AuditService } from './audit.service';
import { AuditEventPage, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    description: 'The audit log, newest first, filtered by entity, record, actor, action and time (admin).',
  })
  @RequirePermission('audit:read')
  list(@Query() query: AuditQueryDto): Promise<AuditEventPage> {
    return this.audit.list(query);
  }
}
