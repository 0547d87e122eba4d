import { Injectable } from '@nestjs/common';
import type {
  BreakdownDimension,
  BreakdownRow,
  GoalReportDto,
  GoalSpendFigures,
} from '@agency-portal/shared';
import { bucketFor, can, goalPace, kpiSeries, lastCompleteDay } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { isAgencyActor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { MarketingGoal } from '../goals/goal.entity';
import { fromSums, FIGURE_SUMS, type FigureSums } from './goal-report.mapper';
import {
  KPI_METRIC_COLUMN,
  linesCte,
  num,
  reportScopes,
  ROLLUP_FRESH,
  rollupFigure,
  runNamed,
  servedCte,
  where,
  type ReportScopes,
} from './goal-report-sql';

const today = () => new Date().toISOString().slice(0, 10);

/** Each served deliverable's figures over the period, from its daily rows (when `only` holds). */
const rawMetrics = (only = 'true') => `
  SELECT m.deliverable_id, sum(m.impressions) AS impressions, sum(m.reach) AS reach,
         sum(m.engagements) AS engagements, sum(m.clicks) AS clicks, sum(m.video_views) AS video_views,
         sum(m.conversions) AS conversions,
         sum(m.revenue_minor) FILTER (WHERE m.revenue_currency = s.currency) AS revenue
    FROM served s JOIN performance_metrics m ON m.deliverable_id = s.id
   WHERE ${only} AND m.metric_date BETWEEN :start AND :end
   GROUP BY m.deliverable_id`;

/** A goal_metric_days group's figures (revenue only in its contract's currency), NULL where none. */
const BREAKDOWN_ROLLUP_FIGURES = [
  ...(['impressions', 'reach', 'engagements', 'clicks', 'video_views', 'conversions'] as const).map(
    (metric) => `${rollupFigure(metric) ?? 'NULL'} AS ${metric}`,
  ),
  `CASE WHEN r.revenue_currency = r.currency THEN ${rollupFigure('revenue') ?? 'NULL'} END AS revenue`,
].join(', ');

/** GROUPING(agency, channel, stage) of each grouping set: a bit is 1 for a column grouped away. */
const GROUPING_SETS: Partial<Record<number, BreakdownDimension | 'total'>> = {
  7: 'total',
  3: 'agency',
  5: 'channel',
  6: 'funnel_stage',
};

/**
 * One goal's dashboard: KPI against target over the period, pace, the ledger per currency, and
 * cost per result per currency and by agency, channel and funnel stage. Four statements whatever
 * the goal's size: the goal, the KPI series, the ledger, the breakdowns (one GROUPING SETS query).
 */
@Injectable()
export class GoalReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The goal if the actor may read it (404 as for a missing one). */
  async visibleGoal(actor: Actor, goalId: string): Promise<MarketingGoal> {
    const qb = this.dataSource
      .getRepository(MarketingGoal)
      .createQueryBuilder('goal')
      .leftJoinAndSelect('goal.businessUnit', 'businessUnit')
      .where('goal.id = :goalId', { goalId });
    const goal = await this.access.scope(qb, actor, 'goal', 'goal').getOne();
    if (!goal) throw notFound('Goal');
    return goal;
  }

  async report(actor: Actor, goalId: string): Promise<GoalReportDto> {
    const goal = await this.visibleGoal(actor, goalId);
    const scopes = reportScopes(this.access, actor);
    const spendVisible = isAgencyActor(actor) || can(actor.role, 'spend:read');
    const asOf = today();
    const complete = lastCompleteDay(goal.periodEnd, asOf);
    const params = {
      ...scopes.params,
      goalIds: [goal.id],
      start: goal.periodStart,
      end: complete,
      metric: goal.kpiMetric,
      currency: goal.targetCurrency,
      step: bucketFor(goal.periodStart, goal.periodEnd) === 'day' ? 1 : 7,
    };
    const [series, spend, breakdowns] = await Promise.all([
      this.kpiSums(goal, scopes, params),
      this.ledger(scopes, params),
      this.breakdowns(scopes, params, spendVisible),
    ]);
    const actual = series.sums.reduce((sum, point) => sum + point.value, 0);
    const { bucket, points } = kpiSeries({
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      today: asOf,
      target: goal.targetValue,
      sums: series.sums,
    });
    const scope = isAgencyActor(actor) ? 'own_work' : 'all';
    return {
      goalId: goal.id,
      name: goal.name,
      businessUnitId: goal.businessUnitId,
      businessUnitName: goal.businessUnit?.name ?? '',
      kpiMetric: goal.kpiMetric,
      targetValue: goal.targetValue,
      targetCurrency: goal.targetCurrency,
      periodStart: goal.periodStart,
      periodEnd: goal.periodEnd,
      status: goal.status,
      channels: goal.channels,
      funnelStage: goal.funnelStage,
      scope,
      asOf,
      figuresUpdatedAt: series.updatedAt,
      kpi: { actual, fromGoalOutcomes: series.fromOutcomes, bucket, points },
      pace:
        scope === 'all'
          ? goalPace({
              periodStart: goal.periodStart,
              periodEnd: goal.periodEnd,
              today: asOf,
              target: goal.targetValue,
              actual,
            })
          : null,
      spendVisible,
      spend: spendVisible ? spend : [],
      costs: breakdowns.total,
      breakdowns: breakdowns.by,
    };
  }

  /**
   * The KPI per bucket from the deliverables' daily figures and the goal's own outcomes, up to the
   * last complete day; revenue only in the goal's currency. One statement.
   */
  private async kpiSums(
    goal: MarketingGoal,
    scopes: ReportScopes,
    params: Record<string, unknown>,
  ): Promise<{ sums: { date: string; value: number }[]; fromOutcomes: number; updatedAt: string | null }> {
    const column = KPI_METRIC_COLUMN[goal.kpiMetric];
    const revenue = goal.kpiMetric === 'revenue';
    const raw = (when: string) =>
      `SELECT m.metric_date AS day, m.${column} AS value, false AS outcome, m.updated_at
         FROM served s JOIN performance_metrics m ON m.deliverable_id = s.id
        WHERE ${when} m.metric_date BETWEEN :start AND :end AND m.${column} IS NOT NULL
              ${revenue ? 'AND m.revenue_currency = :currency' : ''}`;
    // Readers who see every deliverable's figures read the goal's daily groups (goal_metric_days).
    const rolledUp = `SELECT r.metric_date AS day, ${rollupFigure(goal.kpiMetric)} AS value, false AS outcome, r.updated_at
         FROM goal_metric_days r
        WHERE ${ROLLUP_FRESH} AND r.goal_id = ANY(CAST(:goalIds AS uuid[]))
          AND r.metric_date BETWEEN :start AND :end AND r.n_${goal.kpiMetric} > 0
              ${revenue ? 'AND r.revenue_currency = :currency' : ''}
       UNION ALL
       ${raw(`NOT ${ROLLUP_FRESH} AND`)}`;
    const fromDeliverables = column
      ? scopes.deliverables
        ? raw('')
        : rolledUp
      : `SELECT NULL::date AS day, NULL::bigint AS value, false AS outcome, NULL::timestamptz AS updated_at WHERE false`;
    const rows = await runNamed<{ day: string; value: string; outcomes: string; updated_at: Date | null }>(
      this.dataSource,
      `WITH ${servedCte(scopes)},
       points AS (
         ${fromDeliverables}
         UNION ALL
         SELECT o.outcome_date, o.value, true, o.updated_at
           FROM goal_outcomes o JOIN marketing_goals og ON og.id = o.goal_id
          WHERE o.goal_id = ANY(CAST(:goalIds AS uuid[])) AND o.metric = :metric
            AND o.outcome_date BETWEEN :start AND :end
            ${revenue ? 'AND o.currency = :currency' : ''} ${where(scopes.outcomes)}
       )
       SELECT to_char(CAST(:start AS date) + ((day - CAST(:start AS date)) / :step) * :step, 'YYYY-MM-DD') AS day,
              sum(value) AS value, COALESCE(sum(value) FILTER (WHERE outcome), 0) AS outcomes,
              max(updated_at) AS updated_at
         FROM points GROUP BY 1 ORDER BY 1`,
      params,
    );
    const newest = rows.reduce<Date | null>(
      (latest, row) => (row.updated_at && (!latest || row.updated_at > latest) ? row.updated_at : latest),
      null,
    );
    return {
      sums: rows.map((row) => ({ date: row.day, value: Number(row.value) })),
      fromOutcomes: rows.reduce((sum, row) => sum + Number(row.outcomes), 0),
      updatedAt: newest ? newest.toISOString() : null,
    };
  }

  /** The goal's ledger per currency over the contracts whose money the reader sees. */
  private async ledger(scopes: ReportScopes, params: Record<string, unknown>): Promise<GoalSpendFigures[]> {
    const rows = await runNamed<Record<string, string>>(
      this.dataSource,
      `SELECT l.currency, sum(l.cap_minor) AS allocated, sum(l.committed_minor) AS committed,
              sum(l.invoiced_minor) AS invoiced, sum(l.approved_minor) AS approved,
              sum(l.paid_minor) AS paid, sum(l.remaining_minor) AS remaining
         FROM goal_budget_ledger l JOIN contracts sc ON sc.id = l.contract_id
        WHERE l.goal_id = ANY(CAST(:goalIds AS uuid[])) ${where(scopes.spend)}
        GROUP BY l.currency ORDER BY l.currency`,
      params,
    );
    return rows.map((row) => ({
      currency: row['currency'] ?? '',
      allocatedMinor: Number(row['allocated']),
      committedMinor: Number(row['committed']),
      invoicedMinor: Number(row['invoiced']),
      approvedMinor: Number(row['approved']),
      paidMinor: Number(row['paid']),
      remainingMinor: Number(row['remaining']),
    }));
  }

  /**
   * Results and invoiced spend per currency, and by agency, channel and funnel stage, in one
   * GROUPING SETS statement. A deliverable's figures and its invoiced lines go to its agency,
   * channel and its brief's funnel stage; lines not tied to a served deliverable (hours, months)
   * count for their agency and the total, under "no channel/stage" (key null) in the others.
   * The facts are summed per (agency, channel, stage, currency) before the grouping sets.
   */
  private async breakdowns(
    scopes: ReportScopes,
    params: Record<string, unknown>,
    spendVisible: boolean,
  ): Promise<{ total: ReturnType<typeof fromSums>[]; by: Record<BreakdownDimension, BreakdownRow[]> }> {
    const rows = await runNamed<
      FigureSums & {
        grouping_set: number;
        agency_id: string | null;
        agency_name: string | null;
        channel: string | null;
        funnel_stage: string | null;
      }
    >(
      this.dataSource,
      `WITH ${servedCte(scopes)}, ${linesCte(scopes)},
       ${
         scopes.deliverables
           ? `metrics AS (${rawMetrics()}),`
           : `metrics AS (${rawMetrics(`NOT ${ROLLUP_FRESH}`)}),
       rolled AS (
         SELECT agency_id, channel, funnel_stage, currency, 0 AS spend, sum(impressions), sum(reach),
                sum(engagements), sum(clicks), sum(video_views), sum(conversions), sum(revenue)
           FROM (SELECT r.agency_id, NULLIF(r.channel, '') AS channel, r.funnel_stage, r.currency,
                        ${BREAKDOWN_ROLLUP_FIGURES}
                   FROM goal_metric_days r
                  WHERE ${ROLLUP_FRESH} AND r.goal_id = ANY(CAST(:goalIds AS uuid[]))
                    AND r.metric_date BETWEEN :start AND :end) days
          GROUP BY 1, 2, 3, 4
       ),`
       }
       facts AS (
         SELECT s.agency_id, s.channel, s.funnel_stage, s.currency, sum(COALESCE(l.amount, 0)) AS spend,
                sum(m.impressions) AS impressions, sum(m.reach) AS reach, sum(m.engagements) AS engagements,
                sum(m.clicks) AS clicks, sum(m.video_views) AS video_views, sum(m.conversions) AS conversions,
                sum(m.revenue) AS revenue
           FROM served s
           LEFT JOIN metrics m ON m.deliverable_id = s.id
           LEFT JOIN lines l ON l.deliverable_id = s.id
          GROUP BY 1, 2, 3, 4
         UNION ALL
         SELECT l.agency_id, NULL, NULL, l.currency, l.amount, NULL, NULL, NULL, NULL, NULL, NULL, NULL
           FROM lines l
          WHERE l.deliverable_id IS NULL OR l.deliverable_id NOT IN (SELECT id FROM served)
         ${scopes.deliverables ? '' : 'UNION ALL SELECT * FROM rolled'}
       ),
       grouped AS (
         SELECT GROUPING(agency_id, channel, funnel_stage) AS grouping_set, agency_id, channel, funnel_stage, currency,
                ${FIGURE_SUMS}
           FROM facts
          GROUP BY GROUPING SETS ((currency), (agency_id, currency), (channel, currency), (funnel_stage, currency))
       )
       SELECT g.*, a.name AS agency_name FROM grouped g LEFT JOIN agencies a ON a.id = g.agency_id
        ORDER BY g.grouping_set, g.currency, a.name, g.channel, g.funnel_stage`,
      params,
    );
    const by: Record<BreakdownDimension, BreakdownRow[]> = { agency: [], channel: [], funnel_stage: [] };
    const total: ReturnType<typeof fromSums>[] = [];
    for (const row of rows) {
      const figures = fromSums(row, spendVisible);
      const set = GROUPING_SETS[num(row.grouping_set) ?? -1];
      if (set === 'total') total.push(figures);
      else if (set === 'agency') by.agency.push({ ...figures, key: row.agency_id, label: row.agency_name });
      else if (set === 'channel') by.channel.push({ ...figures, key: row.channel, label: null });
      else if (set === 'funnel_stage')
        by.funnel_stage.push({ ...figures, key: row.funnel_stage, label: null });
    }
    return { total, by };
  }
}
