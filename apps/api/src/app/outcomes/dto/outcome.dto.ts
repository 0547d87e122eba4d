import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type {
  Channel,
  ColumnTarget,
  GoalOutcomeDto,
  GoalOutcomeListQuery,
  GoalOutcomeUpsertResult,
  ImportSource,
  ImportStatus,
  ImportTarget,
  MappingDefaults,
  MetricImportListQuery,
  MetricListQuery,
  MetricUpsertResult,
  OutcomeMetric,
  PerformanceMetricDto,
  StartImportRequest,
} from '@agency-portal/shared';
import {
  CHANNELS,
  IMPORT_SORT_KEYS,
  IMPORT_SOURCES,
  IMPORT_STATUSES,
  IMPORT_TARGETS,
  KPI_METRICS,
  MAX_METRIC_ROWS_PER_REQUEST,
  METRIC_SORT_KEYS,
} from '@agency-portal/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { IsCurrencyCode, NestedObject, OptionalDate, OptionalIn } from '../../common/http/validators';
import { ListQueryDto, ListSort } from '../../common/lists/list-query.dto';

/** One day of one deliverable on one channel, as an integration sends it. */
export class MetricRowSchema {
  @ApiProperty({ format: 'uuid' })
  deliverableId!: string;
  @ApiProperty({ format: 'date', description: "The platform's reporting day." })
  date!: string;
  @ApiPropertyOptional({ enum: CHANNELS, description: "Defaults to the deliverable's own channel." })
  channel?: Channel;
  @ApiPropertyOptional({ type: Number, nullable: true }) impressions?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) reach?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) engagements?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) clicks?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) videoViews?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) conversions?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Integer minor units of `currency`.' })
  revenueMinor?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 4217; required with revenue.' })
  currency?: string | null;
}

/** The rows are checked one by one by the service, so every line's problem is answered at once. */
export class MetricUpsertDto {
  @ApiProperty({ type: [MetricRowSchema], minItems: 1, maxItems: MAX_METRIC_ROWS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_METRIC_ROWS_PER_REQUEST)
  rows!: unknown[];
}

export class GoalOutcomeRowSchema {
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ enum: KPI_METRICS })
  metric!: OutcomeMetric;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Whole units; revenue in minor units of the goal's currency. Null removes the day's figure.",
  })
  value!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'ISO 4217; required with revenue.' })
  currency?: string | null;
  @ApiPropertyOptional({ maxLength: 500, description: 'Where the figure comes from.' })
  note?: string;
}

export class GoalOutcomeUpsertDto {
  @ApiProperty({ type: [GoalOutcomeRowSchema], minItems: 1, maxItems: MAX_METRIC_ROWS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_METRIC_ROWS_PER_REQUEST)
  rows!: unknown[];
}

export class MetricUpsertResponse implements MetricUpsertResult {
  @ApiProperty({ description: 'The import record of the batch.' })
  importId!: string;
  received!: number;
  inserted!: number;
  updated!: number;
  @ApiProperty({ description: 'Rows that already held exactly these figures (a retried batch).' })
  unchanged!: number;
}

export class GoalOutcomeUpsertResponse extends MetricUpsertResponse implements GoalOutcomeUpsertResult {
  removed!: number;
}

export class PerformanceMetricResponse implements PerformanceMetricDto {
  deliverableId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ enum: CHANNELS })
  channel!: Channel;
  @ApiProperty({ type: Number, nullable: true }) impressions!: number | null;
  @ApiProperty({ type: Number, nullable: true }) reach!: number | null;
  @ApiProperty({ type: Number, nullable: true }) engagements!: number | null;
  @ApiProperty({ type: Number, nullable: true }) clicks!: number | null;
  @ApiProperty({ type: Number, nullable: true }) videoViews!: number | null;
  @ApiProperty({ type: Number, nullable: true }) conversions!: number | null;
  @ApiProperty({ type: Number, nullable: true }) revenueMinor!: number | null;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  importId!: string;
}

export class GoalOutcomeResponse implements GoalOutcomeDto {
  goalId!: string;
  @ApiProperty({ format: 'date' })
  date!: string;
  @ApiProperty({ enum: KPI_METRICS })
  metric!: OutcomeMetric;
  value!: number;
  @ApiProperty({ type: String, nullable: true }) currency!: string | null;
  note!: string;
  importId!: string;
}

class DateRangeQueryDto extends OmitType(ListQueryDto, ['q'] as const) {
  @OptionalDate()
  from?: string;

  @OptionalDate()
  to?: string;
}

export class MetricListQueryDto extends DateRangeQueryDto implements MetricListQuery {
  @ListSort(METRIC_SORT_KEYS, '-date')
  sort?: string;

  @OptionalIn(CHANNELS)
  channel?: Channel;
}

export class GoalOutcomeListQueryDto extends DateRangeQueryDto implements GoalOutcomeListQuery {
  @ListSort(METRIC_SORT_KEYS, '-date')
  sort?: string;

  @OptionalIn(KPI_METRICS)
  metric?: OutcomeMetric;
}

export class MetricImportListQueryDto
  extends OmitType(ListQueryDto, ['q'] as const)
  implements MetricImportListQuery
{
  @ListSort(IMPORT_SORT_KEYS, '-createdAt')
  sort?: string;

  @OptionalIn(IMPORT_STATUSES)
  status?: ImportStatus;

  @OptionalIn(IMPORT_SOURCES)
  source?: ImportSource;

  @OptionalIn(IMPORT_TARGETS)
  target?: ImportTarget;

  @IsOptional()
  @IsUUID()
  goalId?: string;
}

export class MappingDefaultsDto implements MappingDefaults {
  @ApiPropertyOptional({
    format: 'date',
    description: 'The day of every row, for exports without a date column.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  date?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  channel?: Channel;

  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}

/** The mapping step: a preset, or each of the file's columns → a field or `ignore` (checked against the file). */
export class StartImportDto implements StartImportRequest {
  @ApiProperty({ enum: IMPORT_TARGETS })
  @IsIn(IMPORT_TARGETS)
  target!: ImportTarget;

  @ApiPropertyOptional({ format: 'uuid', description: 'The goal a `goal` import is for.' })
  @ValidateIf((body: StartImportDto) => body.target === 'goal' || body.goalId !== undefined)
  @IsUUID()
  goalId?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A preset id (`GET /api/metric-presets`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  presetId?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: "Column name → field (or `ignore`); left out: the preset's mapping.",
  })
  @IsOptional()
  @IsObject()
  columns!: Record<string, ColumnTarget>;

  // columns may be left out when a preset is named; the service fills them from the preset.

  @ApiPropertyOptional({ type: MappingDefaultsDto })
  @IsOptional()
  @NestedObject(() => MappingDefaultsDto)
  defaults?: MappingDefaultsDto;
}

/** A refused import's line errors, in the file's order (no other sort). */
export class ImportErrorListQueryDto extends OmitType(ListQueryDto, ['q', 'withTotal'] as const) {}

/** Which template to download. */
export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_TARGETS, default: 'deliverables' })
  @IsOptional()
  @IsIn(IMPORT_TARGETS)
  target?: ImportTarget;
}
