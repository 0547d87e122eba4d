import type { ListQuery } from '../common/page';
import type { UserRef } from '../organisation/organisation.types';

export const KPI_METRICS = [
  'impressions',
  'reach',
  'engagements',
  'clicks',
  'video_views',
  'conversions',
  'revenue',
  'followers',
] as const;
export type KpiMetric = (typeof KPI_METRICS)[number];
export const FUNNEL_STAGES = ['awareness', 'consideration', 'conversion', 'retention'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
/** Social networks plus the brand's other owned channels. */
export const CHANNELS = [
  'instagram',
  'facebook',
  'tiktok',
  'youtube',
  'x',
  'linkedin',
  'pinterest',
  'threads',
  'kakao',
  'line',
  'email',
  'web',
  'app',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const GOAL_STATUSES = ['draft', 'active', 'achieved', 'missed', 'archived'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export interface GoalContractRef {
  contractId: string;
  reference: string;
  title: string;
  agencyId: string;
  agencyName: string;
  status: string;
  currency: string;
  /** Percent of the contract's budget allocated to this goal. */
  percent: number;
  /** The allocated share of the budget cap, in minor units (floor of cap × percent / 100). */
  allocatedMinor: number;
  /** Whether the reader may open the contract itself (a viewer reads the allocation, not the contract). */
  mayOpen: boolean;
}

export interface GoalDto {
  id: string;
  businessUnitId: string;
  businessUnitName: string;
  owner: UserRef;
  name: string;
  description: string;
  kpiMetric: KpiMetric;
  /** Target value of the KPI; for revenue, minor units of targetCurrency. */
  targetValue: number;
  targetCurrency: string | null;
  periodStart: string;
  periodEnd: string;
  channels: Channel[];
  funnelStage: FunnelStage;
  status: GoalStatus;
  createdAt: string;
  updatedAt: string;
}

export interface GoalDetailDto extends GoalDto {
  /** The first NESTED_LIST_LIMIT contracts the actor may open; all of them: `GET /api/contracts?goalId=`. */
  contracts: GoalContractRef[];
  contractCount: number;
}

export interface CreateGoalRequest {
  businessUnitId: string;
  ownerId: string;
  name: string;
  description?: string;
  kpiMetric: KpiMetric;
  targetValue: number;
  targetCurrency?: string | null;
  periodStart: string;
  periodEnd: string;
  channels: Channel[];
  funnelStage: FunnelStage;
  status?: GoalStatus;
}

export type UpdateGoalRequest = Partial<CreateGoalRequest>;

export const GOAL_SORT_KEYS = ['periodStart', 'periodEnd', 'name', 'createdAt'] as const;
export type GoalSortKey = (typeof GOAL_SORT_KEYS)[number];

/** `GET /api/goals`: `q` searches the name. */
export interface GoalListQuery extends ListQuery {
  businessUnitId?: string;
  ownerId?: string;
  kpiMetric?: KpiMetric;
  status?: GoalStatus;
  channel?: Channel;
  /** Goals whose period overlaps [periodFrom, periodTo] (ISO dates). */
  periodFrom?: string;
  periodTo?: string;
}
