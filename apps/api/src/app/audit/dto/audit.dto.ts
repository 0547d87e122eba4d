import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEventDto, AuditQuery, Page } from '@agency-portal/shared';
import { AUDIT_ENTITIES, MAX_PAGE_SIZE } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { toInt } from '../../common/http/transformers';
import { IsDateOrInstant } from '../../common/http/validators';

export class AuditQueryDto implements AuditQuery {
  @ApiPropertyOptional({ enum: AUDIT_ENTITIES })
  @IsOptional()
  @IsIn(AUDIT_ENTITIES)
  entity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @IsOptional()
  @IsDateOrInstant()
  from?: string;

  @IsOptional()
  @IsDateOrInstant()
  to?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  page?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
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

export class AuditEventPage implements Page<AuditEventDto> {
  @ApiProperty({ type: [AuditEventResponse] })
  items!: AuditEventResponse[];
  total!: number;
  page!: number;
  pageSize!: number;
}
