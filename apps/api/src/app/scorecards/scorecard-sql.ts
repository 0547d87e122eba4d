import type { BudgetFacts, ContributionFacts, KpiMetric, ScorecardFacts } from '@agency-portal/shared';
import { BUDGET_COMMITTING_BRIEF_STATUSES, EMPTY_FACTS } from '@agency-portal/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { KPI_METRIC_COLUMN, num, runNamed } from '../goal-reports/goal-report-sql';

/**
 * The scorecards' SQL: an agency's raw facts per quarter, aggregated in PostgreSQL over indexed
 * ranges (docs/scorecards.md defines each figure; libs/shared `scorecardFigures` derives them).
 * Three statements for any number of agencies and quarters: the workflow, the budget, the
 * metrics. Every statement is bounded by `:agencyIds` and a date range `[:from, :to)`.
 */

export interface FactsWindow {
  agencyIds: string[];
  /** First day of the first quarter. */
  from: string;
  /** Day after the last quarter (exclusive). */
  to: string;
  /** Today (UTC): deliverables due before it and not delivered count as late. */
  today: string;
}

/** Facts keyed by agency id, then by quarter (`2026-Q3`). */
export type FactsByAgency = Map<string, Map<string, ScorecardFacts>>;

/** Invoices whose lines count as invoiced (the ledger's) and as approved spend. */
const INVOICED = `('submitted', 'approved', 'paid')`;
const APPROVED = `('approved', 'paid')`;
const DELIVERED = `('approved', 'published')`;
const BRIEF_GONE = `('draft', 'declined', 'cancelled')`;

/**
 * The deliverables of the window (due in it, of a brief the agency received and did not lose),
 * per deliverable: delivered or not, when the approved version was submitted, when the first one
 * was, and the change requests over all its versions; and per version whose review ended, how
 * long the review took. Deliverables: `deliverables_brief_due_idx` under `contracts_agency_idx` →
 * `briefs_contract_idx`; versions and decisions by their unique keys.
 */
const WORKFLOW_SQL = `
  WITH d AS (
    SELECT c.agency_id, to_char(dl.due_date, 'YYYY-"Q"Q') AS quarter, dl.id, dl.due_date,
           dl.status IN ${DELIVERED} AS delivered, dl.current_version_id, b.sent_at
      FROM contracts c
      JOIN briefs b ON b.contract_id = c.id
      JOIN deliverables dl ON dl.brief_id = b.id
     WHERE c.agency_id = ANY(CAST(:agencyIds AS uuid[]))
       AND b.status NOT IN ${BRIEF_GONE}
       AND dl.due_date >= CAST(:from AS date) AND dl.due_date < CAST(:to AS date)
  ),
  v AS (
    SELECT d.id AS deliverable_id, v.id, v.submitted_at,
           count(ad.*) FILTER (WHERE ad.decision = 'request_changes') AS changes,
           CASE WHEN bool_or(ad.decision IN ('request_changes', 'reject'))
                  OR (d.delivered AND v.id = d.current_version_id)
                THEN max(ad.decided_at) END AS ended_at
      FROM d
      JOIN deliverable_versions v ON v.deliverable_id = d.id
      LEFT JOIN approval_decisions ad ON ad.version_id = v.id
     GROUP BY d.id, d.delivered, d.current_version_id, v.id, v.submitted_at
  ),
  per AS (
    SELECT d.agency_id, d.quarter, d.due_date, d.delivered, d.sent_at,
           max(v.submitted_at) FILTER (WHERE v.id = d.current_version_id) AS delivered_at,
           min(v.submitted_at) AS first_at,
           COALESCE(sum(v.changes), 0) AS changes
      FROM d LEFT JOIN v ON v.deliverable_id = d.id
     GROUP BY d.agency_id, d.quarter, d.id, d.due_date, d.delivered, d.sent_at
  ),
  workflow AS (
    SELECT agency_id, quarter,
           count(*) FILTER (WHERE delivered OR due_date < CAST(:today AS date)) AS due_count,
           count(*) FILTER (WHERE delivered
             AND delivered_at < (due_date + 1)::timestamp AT TIME ZONE 'UTC') AS on_time_count,
           count(*) FILTER (WHERE delivered) AS approved_count,
           count(*) FILTER (WHERE delivered AND changes = 0) AS first_pass_count,
           COALESCE(sum(changes) FILTER (WHERE delivered), 0) AS change_requests,
           count(*) FILTER (WHERE first_at IS NOT NULL AND sent_at IS NOT NULL) AS first_version_count,
           percentile_cont(0.5) WITHIN GROUP (
             ORDER BY GREATEST(0, extract(epoch FROM first_at - sent_at)) / 86400
           ) FILTER (WHERE first_at IS NOT NULL AND sent_at IS NOT NULL) AS first_version_days
      FROM per GROUP BY agency_id, quarter
  ),
  reviews AS (
    SELECT d.agency_id, d.quarter, count(*) AS review_count,
           percentile_cont(0.5) WITHIN GROUP (
             ORDER BY GREATEST(0, extract(epoch FROM v.ended_at - v.submitted_at)) / 3600
           ) AS review_hours
      FROM v JOIN d ON d.id = v.deliverable_id
     WHERE v.ended_at IS NOT NULL
     GROUP BY d.agency_id, d.quarter
  )
  SELECT w.*, r.review_count, r.review_hours
    FROM workflow w LEFT JOIN reviews r ON r.agency_id = w.agency_id AND r.quarter = w.quarter`;

/**
 * Per currency, the committed briefs due in the window (estimates) and the live invoice lines
 * billing their deliverables (`invoice_lines_deliverable_idx`).
 */
const BUDGET_SQL = `
  SELECT c.agency_id, to_char(b.due_date, 'YYYY-"Q"Q') AS quarter, c.currency,
         sum(b.budget_estimate_minor) AS committed,
         COALESCE(sum((SELECT sum(l.amount_minor)
                         FROM deliverables bd
                         JOIN invoice_lines l ON l.deliverable_id = bd.id
                         JOIN invoices i ON i.id = l.invoice_id
                        WHERE bd.brief_id = b.id AND i.status IN ${INVOICED})), 0) AS invoiced
    FROM contracts c
    JOIN briefs b ON b.contract_id = c.id
   WHERE c.agency_id = ANY(CAST(:agencyIds AS uuid[]))
     AND b.status IN (:...committing)
     AND b.due_date >= CAST(:from AS date) AND b.due_date < CAST(:to AS date)
   GROUP BY c.agency_id, quarter, c.currency`;

/** Each KPI's daily column; revenue only in the contract's currency (never added across currencies). */
const KPI_VALUE = `CASE s.kpi_metric ${Object.entries(KPI_METRIC_COLUMN)
  .filter(([metric, column]) => column !== null && metric !== 'revenue')
  .map(([metric, column]) => `WHEN '${metric}' THEN m.${column ?? ''}`)
  .join(' ')} WHEN 'revenue' THEN CASE WHEN m.revenue_currency = s.currency THEN m.revenue_minor END END`;

/**
 * **The scorecards' metric aggregation**, in one place so it can be pointed at a rollup: per
 * agency, quarter, KPI and currency, the KPI results of the agency's deliverables on the window's
 * days (each deliverable once per KPI, whatever number of goals with that KPI it serves), beside
 * the approved spend on goals with that KPI invoiced in the window. The figures are read from the
 * quarterly sums per deliverable (`deliverable_metric_quarters`, kept exact by triggers on the
 * daily rows; the windows are whole quarters); invoices by `invoices_agency_issue_idx`.
 */
export const METRIC_CONTRIBUTION_SQL = `
  WITH s AS (
    SELECT DISTINCT c.agency_id, c.currency, g.kpi_metric, dl.id
      FROM contracts c
      JOIN briefs b ON b.contract_id = c.id
      JOIN brief_goals bg ON bg.brief_id = b.id
      JOIN marketing_goals g ON g.id = bg.goal_id
      JOIN deliverables dl ON dl.brief_id = b.id
     WHERE c.agency_id = ANY(CAST(:agencyIds AS uuid[])) AND g.kpi_metric <> 'followers'
       AND dl.published_at IS NOT NULL AND dl.published_at < CAST(:to AS date)
  ),
  results AS (
    SELECT s.agency_id, to_char(m.quarter_start, 'YYYY-"Q"Q') AS quarter, s.kpi_metric, s.currency,
           sum(${KPI_VALUE}) AS value
      FROM s
      JOIN deliverable_metric_quarters m ON m.deliverable_id = s.id
       AND m.quarter_start >= CAST(:from AS date) AND m.quarter_start < CAST(:to AS date)
     GROUP BY s.agency_id, quarter, s.kpi_metric, s.currency
  ),
  spend AS (
    SELECT i.agency_id, to_char(i.issue_date, 'YYYY-"Q"Q') AS quarter, g.kpi_metric, i.currency,
           sum(l.amount_minor) AS spend
      FROM invoices i
      JOIN invoice_lines l ON l.invoice_id = i.id
      JOIN marketing_goals g ON g.id = l.goal_id
     WHERE i.agency_id = ANY(CAST(:agencyIds AS uuid[])) AND i.status IN ${APPROVED}
       AND i.issue_date >= CAST(:from AS date) AND i.issue_date < CAST(:to AS date)
       AND g.kpi_metric <> 'followers'
     GROUP BY i.agency_id, quarter, g.kpi_metric, i.currency
  )
  SELECT COALESCE(r.agency_id, p.agency_id) AS agency_id, COALESCE(r.quarter, p.quarter) AS quarter,
         COALESCE(r.kpi_metric, p.kpi_metric) AS kpi_metric, COALESCE(r.currency, p.currency) AS currency,
         COALESCE(r.value, 0) AS value, COALESCE(p.spend, 0) AS spend
    FROM results r
    FULL JOIN spend p ON p.agency_id = r.agency_id AND p.quarter = r.quarter
                     AND p.kpi_metric = r.kpi_metric AND p.currency = r.currency`;

interface WorkflowRow {
  agency_id: string;
  quarter: string;
  due_count: string;
  on_time_count: string;
  approved_count: string;
  first_pass_count: string;
  change_requests: string;
  first_version_count: string;
  first_version_days: number | null;
  review_count: string | null;
  review_hours: number | null;
}

interface BudgetRow {
  agency_id: string;
  quarter: string;
  currency: string;
  committed: string;
  invoiced: string;
}

interface ContributionRow {
  agency_id: string;
  quarter: string;
  kpi_metric: KpiMetric;
  currency: string;
  value: string;
  spend: string;
}

/** The raw facts of the agencies over the window, per agency and quarter (empty facts where nothing happened). */
export async function loadScorecardFacts(
  source: DataSource | EntityManager,
  window: FactsWindow,
): Promise<FactsByAgency> {
  const result: FactsByAgency = new Map();
  if (window.agencyIds.length === 0) return result;
  const params = {
    agencyIds: window.agencyIds,
    from: window.from,
    to: window.to,
    today: window.today,
    committing: BUDGET_COMMITTING_BRIEF_STATUSES,
  };
  const [workflow, budget, contribution] = await Promise.all([
    runNamed<WorkflowRow>(source, WORKFLOW_SQL, params),
    runNamed<BudgetRow>(source, BUDGET_SQL, params),
    runNamed<ContributionRow>(source, METRIC_CONTRIBUTION_SQL, params),
  ]);
  const facts = (agencyId: string, quarter: string): ScorecardFacts => {
    const quarters = result.get(agencyId) ?? new Map<string, ScorecardFacts>();
    result.set(agencyId, quarters);
    const existing = quarters.get(quarter);
    if (existing) return existing;
    const fresh: ScorecardFacts = { ...EMPTY_FACTS, budget: [], contribution: [] };
    quarters.set(quarter, fresh);
    return fresh;
  };
  for (const row of workflow) {
    Object.assign(facts(row.agency_id, row.quarter), {
      dueCount: Number(row.due_count),
      onTimeCount: Number(row.on_time_count),
      approvedCount: Number(row.approved_count),
      firstPassCount: Number(row.first_pass_count),
      changeRequestCount: Number(row.change_requests),
      firstVersionCount: Number(row.first_version_count),
      firstVersionMedianDays: num(row.first_version_days),
      reviewCount: Number(row.review_count ?? 0),
      reviewMedianHours: num(row.review_hours),
    } satisfies Partial<ScorecardFacts>);
  }
  for (const row of budget) {
    const entry: BudgetFacts = {
      currency: row.currency,
      committedMinor: Number(row.committed),
      invoicedMinor: Number(row.invoiced),
    };
    facts(row.agency_id, row.quarter).budget.push(entry);
  }
  for (const row of contribution) {
    const entry: ContributionFacts = {
      kpiMetric: row.kpi_metric,
      currency: row.currency,
      value: Number(row.value),
      approvedSpendMinor: Number(row.spend),
    };
    facts(row.agency_id, row.quarter).contribution.push(entry);
  }
  return result;
}

/** The facts of one agency in one quarter, empty when nothing happened. */
export function factsOf(all: FactsByAgency, agencyId: string, quarter: string): ScorecardFacts {
  return all.get(agencyId)?.get(quarter) ?? EMPTY_FACTS;
}
