import type { ListQuery } from '../common/page';
import type { Channel, KpiMetric } from '../goals/goal.types';

/**
 * What a published deliverable achieved, per day and channel. Counts are whole numbers; revenue is
 * integer minor units with its ISO 4217 currency. A value left out (null) was not reported, which
 * is not the same as 0.
 */
export const METRIC_COUNTS = [
  'impressions',
  'reach',
  'engagements',
  'clicks',
  'video_views',
  'conversions',
] as const;
export type MetricCount = (typeof METRIC_COUNTS)[number];

/** Goal-level outcomes take every KPI metric: the counts above, revenue and followers. */
export type OutcomeMetric = KpiMetric;

/** Largest count one row can hold (a PostgreSQL integer): more than any post gets in a day. */
export const MAX_METRIC_COUNT = 2_147_483_647;
/** Rows per integration request; more goes in several requests (each one transaction). */
export const MAX_METRIC_ROWS_PER_REQUEST = 1000;
/** Rows per imported file: a year of daily figures for 500 posts on one channel. */
export const MAX_IMPORT_ROWS = 200_000;

/** The counts as JSON names them (video_views → videoViews). */
export const METRIC_COUNT_PROPERTIES = {
  impressions: 'impressions',
  reach: 'reach',
  engagements: 'engagements',
  clicks: 'clicks',
  video_views: 'videoViews',
  conversions: 'conversions',
} as const satisfies Record<MetricCount, string>;
export type MetricCountProperty = (typeof METRIC_COUNT_PROPERTIES)[MetricCount];

export type MetricCounts = Record<MetricCountProperty, number | null>;

/** One row pushed by an integration: upserted by (deliverableId, date, channel). */
export interface MetricRowInput extends Partial<MetricCounts> {
  deliverableId: string;
  /** The day the figures are for (YYYY-MM-DD, the platform's reporting day). */
  date: string;
  /** Defaults to the deliverable's own channel. */
  channel?: Channel;
  /** Minor units of `currency`. */
  revenueMinor?: number | null;
  currency?: string | null;
}

export interface MetricUpsertRequest {
  rows: MetricRowInput[];
}

/** What a batch did: every row is inserted, updated or already held exactly these figures. */
export interface MetricUpsertResult {
  importId: string;
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface PerformanceMetricDto extends MetricCounts {
  deliverableId: string;
  date: string;
  channel: Channel;
  revenueMinor: number | null;
  currency: string | null;
  /** The import (file or integration batch) that last wrote the row. */
  importId: string;
}

export const METRIC_SORT_KEYS = ['date'] as const;
export type MetricSortKey = (typeof METRIC_SORT_KEYS)[number];

/** `GET /api/deliverables/:id/metrics`: newest day first by default; ties by channel. */
export interface MetricListQuery extends Omit<ListQuery, 'q'> {
  channel?: Channel;
  from?: string;
  to?: string;
}

/** A goal's outcome not tied to one deliverable (sign-ups from the brand's own analytics). */
export interface GoalOutcomeInput {
  date: string;
  metric: OutcomeMetric;
  /** Whole units; for revenue, minor units of `currency`. Null removes the day's figure. */
  value: number | null;
  currency?: string | null;
  note?: string;
}

export interface GoalOutcomeUpsertRequest {
  rows: GoalOutcomeInput[];
}

export interface GoalOutcomeDto {
  goalId: string;
  date: string;
  metric: OutcomeMetric;
  value: number;
  currency: string | null;
  note: string;
  importId: string;
}

export interface GoalOutcomeUpsertResult extends MetricUpsertResult {
  removed: number;
}

/** `GET /api/goals/:id/outcomes`. */
export interface GoalOutcomeListQuery extends Omit<ListQuery, 'q'> {
  metric?: OutcomeMetric;
  from?: string;
  to?: string;
}
