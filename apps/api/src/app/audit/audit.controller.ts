import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../auth/decorators';
import { AuditService } from './audit.service';
import { AuditEventPage, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit:read')
  list(@Query() query: AuditQueryDto): Promise<AuditEventPage> {
    return this.audit.list(query);
  }
}
