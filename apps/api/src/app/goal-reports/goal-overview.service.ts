import { Injectable } from '@nestjs/common';
import type { GoalOverviewRow, GoalOverviewSortKey, KpiMetric, Page } from '@agency-portal/shared';
import { addDays, can, goalPace } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { paginate, rawText, toPage, whereSearch, type ListSpec, whereEqual } from '../common/lists/paginate';
import { MarketingGoal } from '../goals/goal.entity';
import type { GoalOverviewQueryDto } from './dto/goal-report.dto';
import { KPI_METRIC_COLUMN, reportScopes, rollupFigure, runNamed, servedCte, where } from './goal-report-sql';

const OVERVIEW: ListSpec<GoalOverviewSortKey> = {
  alias: 'goal',
  sorts: {
    name: { expression: 'goal.name', type: 'text' },
    periodStart: { expression: 'goal.period_start', type: 'date' },
    periodEnd: { expression: 'goal.period_end', type: 'date' },
  },
  defaultSort: '-periodStart',
};

/** Each KPI's daily column, picked per goal in SQL; revenue only in the goal's currency. */
const KPI_VALUE = `CASE g.kpi_metric ${Object.entries(KPI_METRIC_COLUMN)
  .filter(([metric, column]) => column !== null && metric !== 'revenue')
  .map(([metric, column]) => `WHEN '${metric}' THEN m.${column ?? ''}`)
  .join(
    ' ',
  )} WHEN 'revenue' THEN CASE WHEN m.revenue_currency = g.target_currency THEN m.revenue_minor END END`;

/** The same per goal from a goal_metric_days row `r`. */
const ROLLUP_KPI_VALUE = `CASE g.kpi_metric ${Object.keys(KPI_METRIC_COLUMN)
  .filter((metric) => KPI_METRIC_COLUMN[metric as KpiMetric] !== null && metric !== 'revenue')
  .map((metric) => `WHEN '${metric}' THEN ${rollupFigure(metric as KpiMetric) ?? 'NULL'}`)
  .join(
    ' ',
  )} WHEN 'revenue' THEN CASE WHEN r.revenue_currency = g.target_currency THEN ${rollupFigure('revenue') ?? 'NULL'} END END`;

/**
 * The goals of a unit (or all units) whose period overlaps a range, side by side: KPI actual
 * against target, pace, allocation and invoiced spend per currency, invoiced cost per KPI unit.
 * Three statements a page: the goals, their KPI actuals, their ledgers. Readers who see every
 * deliverable's figures get the actuals from goal_metric_days (the daily rows of goals marked
 * stale), others from the daily rows of the deliverables they see.
 */
@Injectable()
export class GoalOverviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: GoalOverviewQueryDto): Promise<Page<GoalOverviewRow>> {
    const qb = this.dataSource
      .getRepository(MarketingGoal)
      .createQueryBuilder('goal')
      .innerJoin('business_units', 'unit', 'unit.id = goal.business_unit_id')
      .addSelect('unit.name', 'unit_name');
    this.access.scope(qb, actor, 'goal', 'goal');
    whereEqual(qb, {
      'goal.business_unit_id': query.businessUnitId,
      'goal.status': query.status,
    });
    if (query.periodFrom) qb.andWhere('goal.period_end >= :periodFrom', { periodFrom: query.periodFrom });
    if (query.periodTo) qb.andWhere('goal.period_start <= :periodTo', { periodTo: query.periodTo });
    whereSearch(qb, query.q, ['goal.name']);
    const page = await paginate(qb, OVERVIEW, query);
    const goalIds = page.rows.map((goal) => goal.id);
    const today = new Date().toISOString().slice(0, 10);
    const [actuals, ledgers] = await Promise.all([
      this.actuals(actor, goalIds, today),
      this.ledgers(actor, goalIds),
    ]);
    const spendVisible = can(actor.role, 'spend:read');
    return toPage(page, (goal) => {
      const actual = actuals.get(goal.id) ?? 0;
      return {
        goalId: goal.id,
        name: goal.name,
        businessUnitId: goal.businessUnitId,
        businessUnitName: rawText(page.raw.get(goal.id), 'unit_name'),
        kpiMetric: goal.kpiMetric,
        targetValue: goal.targetValue,
        targetCurrency: goal.targetCurrency,
        periodStart: goal.periodStart,
        periodEnd: goal.periodEnd,
        status: goal.status,
        actual,
        pace: goalPace({
          periodStart: goal.periodStart,
          periodEnd: goal.periodEnd,
          today,
          target: goal.targetValue,
          actual,
        }),
        spendVisible,
        spend: spendVisible
          ? (ledgers.get(goal.id) ?? []).map((row) => ({
              ...row,
              costPerKpiUnitMinor:
                goal.kpiMetric !== 'revenue' && actual > 0 && row.invoicedMinor > 0
                  ? Math.round(row.invoicedMinor / actual)
                  : null,
            }))
          : [],
      };
    });
  }

  /** Each goal's KPI actual (deliverables' daily figures and its own outcomes up to yesterday). */
  private async actuals(actor: Actor, goalIds: string[], today: string): Promise<Map<string, number>> {
    if (goalIds.length === 0) return new Map();
    const scopes = reportScopes(this.access, actor);
    const rows = await runNamed<{ id: string; actual: string }>(
      this.dataSource,
      `WITH ${servedCte(scopes)},
       g AS (
         SELECT id, kpi_metric, target_currency, period_start, LEAST(period_end, CAST(:yesterday AS date)) AS last_day,
                EXISTS (SELECT 1 FROM goal_metric_stale st WHERE st.goal_id = marketing_goals.id) AS stale
           FROM marketing_goals WHERE id = ANY(CAST(:goalIds AS uuid[]))
       ),
       d AS (
         SELECT s.goal_id, sum(${KPI_VALUE}) AS value
           FROM served s JOIN g ON g.id = s.goal_id
           JOIN performance_metrics m ON m.deliverable_id = s.id AND m.metric_date BETWEEN g.period_start AND g.last_day
          WHERE ${scopes.deliverables ? 'true' : 'g.stale'}
          GROUP BY s.goal_id
         ${
           scopes.deliverables
             ? ''
             : `UNION ALL
         SELECT r.goal_id, sum(${ROLLUP_KPI_VALUE}) AS value
           FROM g JOIN goal_metric_days r ON r.goal_id = g.id AND r.metric_date BETWEEN g.period_start AND g.last_day
          WHERE NOT g.stale
          GROUP BY r.goal_id`
         }
       ),
       o AS (
         SELECT o.goal_id, sum(o.value) AS value
           FROM goal_outcomes o JOIN g ON g.id = o.goal_id JOIN marketing_goals og ON og.id = o.goal_id
          WHERE o.metric = g.kpi_metric AND o.outcome_date BETWEEN g.period_start AND g.last_day
            AND (g.kpi_metric <> 'revenue' OR o.currency = g.target_currency) ${where(scopes.outcomes)}
          GROUP BY o.goal_id
       )
       SELECT g.id, COALESCE(d.value, 0) + COALESCE(o.value, 0) AS actual
         FROM g LEFT JOIN d ON d.goal_id = g.id LEFT JOIN o ON o.goal_id = g.id`,
      { ...scopes.params, goalIds, yesterday: addDays(today, -1) },
    );
    return new Map(rows.map((row) => [row.id, Number(row.actual)]));
  }

  private async ledgers(
    actor: Actor,
    goalIds: string[],
  ): Promise<Map<string, { currency: string; allocatedMinor: number; invoicedMinor: number }[]>> {
    const result = new Map<string, { currency: string; allocatedMinor: number; invoicedMinor: number }[]>();
    if (goalIds.length === 0) return result;
    const scopes = reportScopes(this.access, actor);
    const rows = await runNamed<{ goal_id: string; currency: string; allocated: string; invoiced: string }>(
      this.dataSource,
      `SELECT l.goal_id, l.currency, sum(l.cap_minor) AS allocated, sum(l.invoiced_minor) AS invoiced
         FROM goal_budget_ledger l JOIN contracts sc ON sc.id = l.contract_id
        WHERE l.goal_id = ANY(CAST(:goalIds AS uuid[])) ${where(scopes.spend)}
        GROUP BY l.goal_id, l.currency ORDER BY l.currency`,
      { ...scopes.params, goalIds },
    );
    for (const row of rows) {
      const list = result.get(row.goal_id) ?? [];
      list.push({
        currency: row.currency,
        allocatedMinor: Number(row.allocated),
        invoicedMinor: Number(row.invoiced),
      });
      result.set(row.goal_id, list);
    }
    return result;
  }
}
