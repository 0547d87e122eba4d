import { ApiProperty } from '@nestjs/swagger';
import type { AuditEventDto, AuditQuery } from '@agency-portal/shared';
import { AUDIT_ENTITIES, AUDIT_SORT_KEYS, TEXT_LIMITS } from '@agency-portal/shared';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsDateOrInstant, OptionalIn } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

export class AuditQueryDto extends ListQueryDto implements AuditQuery {
  @ListSort(AUDIT_SORT_KEYS, '-at')
  sort?: string;

  @OptionalIn(AUDIT_ENTITIES)
  entity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.auditFilter)
  entityId?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.auditFilter)
  action?: string;

  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @IsOptional()
  @IsDateOrInstant()
  to?: string;
}

export class AuditEventResponse implements AuditEventDto {
  id!: string;
  at!: string;
  actorId!: string | null;
  actorEmail!: string | null;
  action!: string;
  entity!: string;
  entityId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  after!: Record<string, unknown> | null;
}

export class AuditEventPage extends PageOf(AuditEventResponse, 'AuditEventPage') {}
