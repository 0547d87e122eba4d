import type { ListQuery } from '../common/page';
import type { Channel, FunnelStage, GoalStatus, KpiMetric } from '../goals/goal.types';
import type { CostPerResult, KpiPoint, Pace, ReportBucket } from './goal-figures';

/**
 * Whose work the figures cover. `all`: every deliverable and contract of the goal (in-house
 * readers). `own_work`: only the reader's own agency's deliverables and contracts; the goal's own
 * outcomes and other agencies' work are left out, and no pace is given (it depends on work the
 * reader does not see).
 */
export type ReportScope = 'all' | 'own_work';

/** Ledger figures of the goal in one currency (never added across currencies). */
export interface GoalSpendFigures {
  currency: string;
  allocatedMinor: number;
  committedMinor: number;
  invoicedMinor: number;
  approvedMinor: number;
  paidMinor: number;
  remainingMinor: number;
}

/** Results and what they cost, in one currency: the spend and revenue are that currency's. */
export interface CostFigures extends CostPerResult {
  currency: string;
  /** Invoiced (submitted, approved or paid) invoice lines of this goal. */
  spendMinor: number;
  impressions: number | null;
  reach: number | null;
  engagements: number | null;
  clicks: number | null;
  videoViews: number | null;
  conversions: number | null;
  /** Revenue reported in this currency; null when none is known. */
  revenueMinor: number | null;
  /** (revenue − spend) ÷ spend; null without revenue or spend. */
  roi: number | null;
}

export type BreakdownDimension = 'agency' | 'channel' | 'funnel_stage';

export interface BreakdownRow extends CostFigures {
  /** The agency id, channel or funnel stage; null for spend not tied to a deliverable. */
  key: string | null;
  /** The agency's name; for channels and stages the web app labels the key. */
  label: string | null;
}

export interface GoalReportDto {
  goalId: string;
  name: string;
  businessUnitId: string;
  businessUnitName: string;
  kpiMetric: KpiMetric;
  targetValue: number;
  targetCurrency: string | null;
  periodStart: string;
  periodEnd: string;
  status: GoalStatus;
  channels: Channel[];
  funnelStage: FunnelStage;
  scope: ReportScope;
  /** The day the report was computed for (today, UTC); figures run to the day before. */
  asOf: string;
  /** When the newest metric or outcome of the goal was written; null when none is. */
  figuresUpdatedAt: string | null;
  kpi: {
    actual: number;
    /** The part of `actual` from the goal's own outcomes (not tied to a deliverable). */
    fromGoalOutcomes: number;
    bucket: ReportBucket;
    points: KpiPoint[];
  };
  /** Null for an agency reader (`own_work`). */
  pace: Pace | null;
  /** False when the reader's role does not see spend (then `spend` and costs are empty, not zero). */
  spendVisible: boolean;
  spend: GoalSpendFigures[];
  /** Per currency. */
  costs: CostFigures[];
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
}

/** A master asset with every cut-down of it, and what they cost and returned together. */
export interface GoalDeliverableRef {
  id: string;
  title: string;
  channel: Channel | null;
  status: string;
  postUrl: string | null;
  publishedAt: string | null;
}

export interface GoalDeliverableRow extends GoalDeliverableRef {
  briefId: string;
  briefTitle: string;
  agencyId: string;
  agencyName: string;
  /** The master's own figures. */
  own: CostFigures;
  /** The master and all its cuts together. */
  total: CostFigures;
  /** At most NESTED_LIST_LIMIT cuts (at any depth), with the count of all. */
  cuts: (GoalDeliverableRef & { derivedFromId: string | null; figures: CostFigures })[];
  cutCount: number;
}

export const GOAL_DELIVERABLE_SORT_KEYS = ['title', 'dueDate'] as const;
export type GoalDeliverableSortKey = (typeof GOAL_DELIVERABLE_SORT_KEYS)[number];

export type GoalDeliverableQuery = ListQuery;

/** One goal in the overview of a unit's goals. */
export interface GoalOverviewRow {
  goalId: string;
  name: string;
  businessUnitId: string;
  businessUnitName: string;
  kpiMetric: KpiMetric;
  targetValue: number;
  targetCurrency: string | null;
  periodStart: string;
  periodEnd: string;
  status: GoalStatus;
  actual: number;
  pace: Pace;
  spendVisible: boolean;
  /** Per currency: allocated and invoiced, and the invoiced cost per KPI unit (null without results). */
  spend: {
    currency: string;
    allocatedMinor: number;
    invoicedMinor: number;
    costPerKpiUnitMinor: number | null;
  }[];
}

export const GOAL_OVERVIEW_SORT_KEYS = ['name', 'periodStart', 'periodEnd'] as const;
export type GoalOverviewSortKey = (typeof GOAL_OVERVIEW_SORT_KEYS)[number];

export interface GoalOverviewQuery extends ListQuery {
  businessUnitId?: string;
  /** Goals whose period overlaps from … to (YYYY-MM-DD). */
  periodFrom?: string;
  periodTo?: string;
  status?: GoalStatus;
}

/** Where a deliverable or invoice line belongs: the goals its brief serves. */
export interface GoalTrailRef {
  goalId: string;
  goalName: string;
}
