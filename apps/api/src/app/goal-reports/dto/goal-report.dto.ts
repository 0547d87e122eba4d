import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  BreakdownDimension,
  BreakdownRow,
  Channel,
  CostFigures,
  FunnelStage,
  GoalDeliverableQuery,
  GoalDeliverableRow,
  GoalOverviewQuery,
  GoalOverviewRow,
  GoalReportDto,
  GoalSpendFigures,
  GoalStatus,
  KpiMetric,
  KpiPoint,
  Pace,
  PaceStatus,
  ReportBucket,
  ReportScope,
} from '@agency-portal/shared';
import {
  CHANNELS,
  FUNNEL_STAGES,
  GOAL_DELIVERABLE_SORT_KEYS,
  GOAL_OVERVIEW_SORT_KEYS,
  GOAL_STATUSES,
  KPI_METRICS,
} from '@agency-portal/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate, OptionalIn } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import { EXPORT_FORMATS, type ExportFormat } from '../../report-exports/report-export.service';

const PACE_STATUSES: PaceStatus[] = ['not_started', 'on_track', 'behind', 'achieved', 'missed'];

export class GoalDeliverableQueryDto extends ListQueryDto implements GoalDeliverableQuery {
  @ListSort(GOAL_DELIVERABLE_SORT_KEYS, 'title')
  sort?: string;
}

export class GoalOverviewQueryDto extends ListQueryDto implements GoalOverviewQuery {
  @ListSort(GOAL_OVERVIEW_SORT_KEYS, '-periodStart')
  sort?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @OptionalIn(GOAL_STATUSES)
  status?: GoalStatus;

  @ApiPropertyOptional({ format: 'date', description: 'Goals whose period ends on or after this day.' })
  @IsOptional()
  @IsIsoDate()
  periodFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Goals whose period starts on or before this day.' })
  @IsOptional()
  @IsIsoDate()
  periodTo?: string;
}

export class PaceResponse implements Pace {
  @ApiProperty({ enum: PACE_STATUSES })
  status!: PaceStatus;
  elapsedDays!: number;
  totalDays!: number;
  expectedToDate!: number;
  percentOfTarget!: number | null;
  projectedEnd!: number | null;
}

export class KpiPointResponse implements KpiPoint {
  @ApiProperty({ format: 'date' })
  date!: string;
  value!: number;
  cumulative!: number | null;
  plannedCumulative!: number;
}

export class KpiSeriesResponse {
  actual!: number;
  fromGoalOutcomes!: number;
  @ApiProperty({ enum: ['day', 'week'] })
  bucket!: ReportBucket;
  @ApiProperty({ type: [KpiPointResponse] })
  points!: KpiPointResponse[];
}

export class GoalSpendResponse implements GoalSpendFigures {
  currency!: string;
  allocatedMinor!: number;
  committedMinor!: number;
  invoicedMinor!: number;
  approvedMinor!: number;
  paidMinor!: number;
  remainingMinor!: number;
}

export class CostFiguresResponse implements CostFigures {
  currency!: string;
  spendMinor!: number;
  impressions!: number | null;
  reach!: number | null;
  engagements!: number | null;
  clicks!: number | null;
  videoViews!: number | null;
  conversions!: number | null;
  revenueMinor!: number | null;
  roi!: number | null;
  perThousandImpressionsMinor!: number | null;
  perEngagementMinor!: number | null;
  perClickMinor!: number | null;
  perConversionMinor!: number | null;
}

export class BreakdownRowResponse extends CostFiguresResponse implements BreakdownRow {
  key!: string | null;
  label!: string | null;
}

export class BreakdownsResponse implements Record<BreakdownDimension, BreakdownRow[]> {
  @ApiProperty({ type: [BreakdownRowResponse] })
  agency!: BreakdownRowResponse[];
  @ApiProperty({ type: [BreakdownRowResponse] })
  channel!: BreakdownRowResponse[];
  @ApiProperty({ type: [BreakdownRowResponse] })
  funnel_stage!: BreakdownRowResponse[];
}

/** What the goal dashboard and a goal overview row both say of the goal. */
abstract class GoalFactsResponse {
  goalId!: string;
  name!: string;
  businessUnitId!: string;
  businessUnitName!: string;
  @ApiProperty({ enum: KPI_METRICS })
  kpiMetric!: KpiMetric;
  targetValue!: number;
  targetCurrency!: string | null;
  @ApiProperty({ format: 'date' })
  periodStart!: string;
  @ApiProperty({ format: 'date' })
  periodEnd!: string;
  @ApiProperty({ enum: GOAL_STATUSES })
  status!: GoalStatus;
}

export class GoalReportResponse extends GoalFactsResponse implements GoalReportDto {
  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels!: Channel[];
  @ApiProperty({ enum: FUNNEL_STAGES })
  funnelStage!: FunnelStage;
  @ApiProperty({ enum: ['all', 'own_work'] })
  scope!: ReportScope;
  @ApiProperty({ format: 'date' })
  asOf!: string;
  figuresUpdatedAt!: string | null;
  kpi!: KpiSeriesResponse;
  @ApiProperty({ type: PaceResponse, nullable: true })
  pace!: PaceResponse | null;
  spendVisible!: boolean;
  @ApiProperty({ type: [GoalSpendResponse] })
  spend!: GoalSpendResponse[];
  @ApiProperty({ type: [CostFiguresResponse] })
  costs!: CostFiguresResponse[];
  breakdowns!: BreakdownsResponse;
}

export class GoalCutResponse {
  id!: string;
  title!: string;
  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;
  status!: string;
  postUrl!: string | null;
  publishedAt!: string | null;
  derivedFromId!: string | null;
  figures!: CostFiguresResponse;
}

export class GoalDeliverableResponse implements GoalDeliverableRow {
  id!: string;
  title!: string;
  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;
  status!: string;
  postUrl!: string | null;
  publishedAt!: string | null;
  briefId!: string;
  briefTitle!: string;
  agencyId!: string;
  agencyName!: string;
  own!: CostFiguresResponse;
  total!: CostFiguresResponse;
  @ApiProperty({ type: [GoalCutResponse] })
  cuts!: GoalCutResponse[];
  cutCount!: number;
}

export class GoalDeliverablePage extends PageOf(GoalDeliverableResponse, 'GoalDeliverablePage') {}

export class GoalOverviewSpendResponse {
  currency!: string;
  allocatedMinor!: number;
  invoicedMinor!: number;
  costPerKpiUnitMinor!: number | null;
}

export class GoalOverviewRowResponse extends GoalFactsResponse implements GoalOverviewRow {
  actual!: number;
  pace!: PaceResponse;
  spendVisible!: boolean;
  @ApiProperty({ type: [GoalOverviewSpendResponse] })
  spend!: GoalOverviewSpendResponse[];
}

export class GoalOverviewPage extends PageOf(GoalOverviewRowResponse, 'GoalOverviewPage') {}

export class GoalReportExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}

export class GoalOverviewExportQueryDto extends GoalOverviewQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: ExportFormat;
}
