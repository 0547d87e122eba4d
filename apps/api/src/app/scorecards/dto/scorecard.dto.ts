import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AgencyScorecardDto,
  AgencyScorecardQuery,
  BudgetVariance,
  KpiContribution,
  KpiMetric,
  RateFigure,
  SampleFigure,
  ScorecardFigures,
  ScorecardPage,
  ScorecardQuarter,
  ScorecardQuery,
  ScorecardRow,
} from '@agency-portal/shared';
import {
  DEFAULT_TREND_QUARTERS,
  KPI_METRICS,
  MAX_TREND_QUARTERS,
  QUARTER_PATTERN,
  SCORECARD_SORT_KEYS,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { toInt } from '../../common/http/transformers';
import { ListQueryDto, ListSort, PageTotalResponse } from '../../common/lists/list-query.dto';
import { EXPORT_FORMATS, type ExportFormat } from '../../report-exports/report-export.service';

const QUARTER_MESSAGE = '$property must be a quarter as YYYY-Qn, e.g. 2026-Q3.';

export class ScorecardQueryDto extends ListQueryDto implements ScorecardQuery {
  @ListSort(SCORECARD_SORT_KEYS, 'name')
  sort?: string;

  @ApiPropertyOptional({ example: '2026-Q3', description: 'The quarter; the current one when absent.' })
  @IsOptional()
  @Matches(QUARTER_PATTERN, { message: QUARTER_MESSAGE })
  quarter?: string;
}

export class AgencyScorecardQueryDto implements AgencyScorecardQuery {
  @ApiPropertyOptional({
    example: '2026-Q3',
    description: 'The last quarter of the trend; the current one when absent.',
  })
  @IsOptional()
  @Matches(QUARTER_PATTERN, { message: QUARTER_MESSAGE })
  quarter?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_TREND_QUARTERS, default: DEFAULT_TREND_QUARTERS })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_TREND_QUARTERS)
  quarters?: number;
}

export class ScorecardExportQueryDto extends ScorecardQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}

export class AgencyScorecardExportQueryDto extends AgencyScorecardQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}

export class RateFigureResponse implements RateFigure {
  @ApiProperty({ type: Number, nullable: true, description: '0…1; null with too little data.' })
  value!: number | null;
  count!: number;
  sample!: number;
}

export class SampleFigureResponse implements SampleFigure {
  @ApiProperty({ type: Number, nullable: true, description: 'Null with too little data.' })
  value!: number | null;
  sample!: number;
}

export class BudgetVarianceResponse implements BudgetVariance {
  currency!: string;
  committedMinor!: number;
  invoicedMinor!: number;
  @ApiProperty({ description: 'invoiced − committed, minor units; positive is over the estimates.' })
  varianceMinor!: number;
  @ApiProperty({ type: Number, nullable: true })
  varianceRatio!: number | null;
}

export class KpiContributionResponse implements KpiContribution {
  @ApiProperty({ enum: KPI_METRICS })
  kpiMetric!: KpiMetric;
  currency!: string;
  value!: number;
  approvedSpendMinor!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'KPI results per 1,000 major units of spend.' })
  perThousand!: number | null;
}

export class ScorecardFiguresResponse implements ScorecardFigures {
  onTimeRate!: RateFigureResponse;
  firstPassRate!: RateFigureResponse;
  averageRevisionRounds!: SampleFigureResponse;
  medianDaysToFirstVersion!: SampleFigureResponse;
  medianReviewHours!: SampleFigureResponse;
  @ApiProperty({ type: [BudgetVarianceResponse] })
  budgetVariance!: BudgetVarianceResponse[];
  @ApiProperty({ type: [KpiContributionResponse] })
  kpiContribution!: KpiContributionResponse[];
}

export class ScorecardRowResponse implements ScorecardRow {
  agencyId!: string;
  agencyName!: string;
  @ApiProperty({ enum: ['active', 'offboarded'] })
  status!: 'active' | 'offboarded';
  quarter!: string;
  figures!: ScorecardFiguresResponse;
}

export class ScorecardPageResponse implements ScorecardPage {
  quarter!: string;
  @ApiProperty({ format: 'date' })
  start!: string;
  @ApiProperty({ format: 'date', description: 'Exclusive.' })
  end!: string;
  open!: boolean;
  @ApiProperty({ type: [ScorecardRowResponse] })
  items!: ScorecardRowResponse[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
  limit!: number;
  @ApiPropertyOptional({ type: PageTotalResponse })
  total?: PageTotalResponse;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the oldest figure shown was computed: the open and previous quarter are at most 15 minutes old, older quarters a day.',
  })
  figuresAsOf!: string | null;
}

export class ScorecardQuarterResponse implements ScorecardQuarter {
  quarter!: string;
  @ApiProperty({ format: 'date' })
  start!: string;
  @ApiProperty({ format: 'date', description: 'Exclusive.' })
  end!: string;
  open!: boolean;
  figures!: ScorecardFiguresResponse;
}

export class AgencyScorecardResponse implements AgencyScorecardDto {
  agencyId!: string;
  agencyName!: string;
  @ApiProperty({ enum: ['active', 'offboarded'] })
  status!: 'active' | 'offboarded';
  @ApiProperty({ type: [ScorecardQuarterResponse] })
  quarters!: ScorecardQuarterResponse[];
  minimumSample!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When the oldest figure shown was computed: the open and previous quarter are at most 15 minutes old, older quarters a day.',
  })
  figuresAsOf!: string | null;
}
