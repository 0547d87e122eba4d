import type { KpiMetric } from '@agency-portal/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Condition } from '../access/access-rules';
import type { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';

/**
 * The SQL the goal dashboard and overview share: which deliverables and contracts of a goal the
 * reader's figures cover, decided by the access service (`deliverable_metrics`, `goal_spend`,
 * `goal_outcomes`), and the statement runner for named parameters.
 */

/** A deliverable's daily figure column for a KPI; followers exist only as goal-level outcomes. */
export const KPI_METRIC_COLUMN: Record<KpiMetric, string | null> = {
  impressions: 'impressions',
  reach: 'reach',
  engagements: 'engagements',
  clicks: 'clicks',
  video_views: 'video_views',
  conversions: 'conversions',
  revenue: 'revenue_minor',
  followers: null,
};

/**
 * A KPI's figure on a goal_metric_days row (alias `r`): the sum of the deliverables' daily
 * figures of the group, NULL when none of them had one (as a sum over the daily rows would be).
 */
export function rollupFigure(metric: KpiMetric, alias = 'r'): string | null {
  const column = KPI_METRIC_COLUMN[metric];
  return column ? `CASE WHEN ${alias}.n_${metric} > 0 THEN ${alias}.${column} END` : null;
}

/**
 * Whether none of the goals `:goalIds` is marked in goal_metric_stale: then goal_metric_days
 * holds exactly what their daily rows add up to (see the migration GoalMetricDays), else their
 * figures are read from the daily rows until the queue rebuilds them.
 */
export const ROLLUP_FRESH = `NOT EXISTS (SELECT 1 FROM goal_metric_stale st WHERE st.goal_id = ANY(CAST(:goalIds AS uuid[])))`;

/** Invoices whose lines count as spent on a goal (the ledger's "invoiced"). */
export const INVOICED_STATUSES = ['submitted', 'approved', 'paid'] as const;

export interface ReportScopes {
  deliverables: Condition | null;
  spend: Condition | null;
  outcomes: Condition | null;
  params: Record<string, unknown>;
}

export function reportScopes(access: AccessService, actor: Actor): ReportScopes {
  const deliverables = access.condition(actor, 'deliverable_metrics', 'sd');
  const spend = access.condition(actor, 'goal_spend', 'sc');
  const outcomes = access.condition(actor, 'goal_outcomes', 'og');
  return {
    deliverables,
    spend,
    outcomes,
    params: { ...deliverables?.params, ...spend?.params, ...outcomes?.params },
  };
}

export const where = (condition: Condition | null): string => (condition ? `AND ${condition.sql}` : '');

/**
 * `served`: the deliverables serving the goals `:goalIds` whose figures the reader sees, with
 * what the breakdowns group by. A deliverable serves every goal its brief names.
 */
export function servedCte(scopes: ReportScopes): string {
  return `served AS (
    SELECT bg.goal_id, sd.id, sd.derived_from_id, sd.channel, b.funnel_stage, c.agency_id, c.currency
      FROM brief_goals bg
      JOIN briefs b ON b.id = bg.brief_id
      JOIN contracts c ON c.id = b.contract_id
      JOIN deliverables sd ON sd.brief_id = b.id
     WHERE bg.goal_id = ANY(CAST(:goalIds AS uuid[])) ${where(scopes.deliverables)}
  )`;
}

/** `lines`: invoiced lines charged to the goals, of the contracts whose money the reader sees. */
export function linesCte(scopes: ReportScopes): string {
  return `lines AS (
    SELECT l.goal_id, l.deliverable_id, sc.agency_id, sc.currency, sum(l.amount_minor) AS amount
      FROM invoice_lines l
      JOIN invoices i ON i.id = l.invoice_id
      JOIN contracts sc ON sc.id = i.contract_id
     WHERE l.goal_id = ANY(CAST(:goalIds AS uuid[])) AND i.status IN (:...invoicedStatuses) ${where(scopes.spend)}
     GROUP BY l.goal_id, l.deliverable_id, sc.agency_id, sc.currency
  )`;
}

/** Runs a statement written with TypeORM's named parameters (`:name`, `:...list`). */
export async function runNamed<T>(
  source: DataSource | EntityManager,
  sql: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const dataSource = 'connection' in source ? source.connection : source;
  const [query, parameters] = dataSource.driver.escapeQueryWithParameters(sql, {
    invoicedStatuses: INVOICED_STATUSES,
    ...params,
  });
  return source.query<T[]>(query, parameters);
}

/** A bigint/numeric sum PostgreSQL sends as text: a number, or null for no figure. */
export function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
