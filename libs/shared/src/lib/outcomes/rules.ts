import type { KpiMetric } from '../goals/goal.types';
import { addDays, utcDate, type ValueProblem } from './values';

/**
 * What can be wrong with one row of a batch or a file. A batch or file with any of them is refused
 * whole, with every problem by line, and nothing is stored.
 */
export const ROW_PROBLEMS = [
  'not_a_number',
  'negative_value',
  'value_too_large',
  'too_many_decimals',
  'not_a_date',
  'missing_value',
  'no_values',
  'unknown_channel',
  'unknown_currency',
  'unknown_metric',
  'unknown_property',
  'not_text',
  'deliverable_not_found',
  'deliverable_ambiguous',
  'not_published',
  'date_before_publication',
  'date_in_future',
  'date_outside_goal_period',
  'currency_required',
  'currency_mismatch',
  'revenue_goals_disagree',
  'revenue_needs_goal_currency',
  'duplicate_row',
] as const;
export type RowProblem = (typeof ROW_PROBLEMS)[number];

/** One problem of one row. `line` is the file's line (header = its own line) or the batch's item (from 1). */
export interface RowError {
  line: number;
  /** The file's column, or the request property, the problem is in; null for the whole row. */
  column: string | null;
  code: RowProblem;
  /** The value as written (cut to 200 characters). */
  value: string | null;
  /** What the message needs: the expected currency, the publication day, … */
  params: Record<string, string>;
}

export const MAX_STORED_ROW_ERRORS = 1000;

/** A value problem as a row problem (they share their codes). */
export function asRowProblem(problem: ValueProblem): RowProblem {
  return problem;
}

/**
 * The days a deliverable's figures can be for. Platforms report by their own calendar day, in
 * zones from UTC−12 to UTC+14, so the window is one day wider than the UTC dates on each side:
 * from the day before the UTC publication day to the day after today in UTC.
 */
export function metricDateWindow(
  publishedAt: string | Date,
  now: Date = new Date(),
): {
  earliest: string;
  latest: string;
} {
  return { earliest: addDays(utcDate(publishedAt), -1), latest: addDays(utcDate(now), 1) };
}

/** A goal as the revenue rule needs it. */
export interface RevenueGoal {
  kpiMetric: KpiMetric;
  targetCurrency: string | null;
}

export type RevenueCurrency = { currency: string } | { conflict: string[] };

/**
 * The currency a deliverable's revenue must be in: that of the revenue goals it serves (their
 * KPI is counted in it), else its contract's (so ROI against spend needs no exchange rate). When
 * the revenue goals it serves disagree, no revenue can be counted for both.
 */
export function revenueCurrencyFor(goals: readonly RevenueGoal[], contractCurrency: string): RevenueCurrency {
  const currencies = [
    ...new Set(
      goals
        .filter((goal) => goal.kpiMetric === 'revenue' && goal.targetCurrency)
        .map((goal) => goal.targetCurrency as string),
    ),
  ].sort();
  if (currencies.length > 1) return { conflict: currencies };
  return { currency: currencies[0] ?? contractCurrency };
}

/** What the checks know of the deliverable a row names. */
export interface PublishedDeliverableFacts {
  status: string;
  publishedAt: string | Date | null;
  revenue: RevenueCurrency;
}

export interface RowProblemAt {
  column: 'date' | 'currency' | 'deliverable';
  code: RowProblem;
  params?: Record<string, string>;
}

/** The rules a row must meet against its deliverable: published, a day of its life, the right currency. */
export function checkAgainstDeliverable(
  row: { date: string; revenueMinor: number | null; currency: string | null },
  facts: PublishedDeliverableFacts,
  now: Date = new Date(),
): RowProblemAt[] {
  if (facts.status !== 'published' || !facts.publishedAt) {
    return [{ column: 'deliverable', code: 'not_published' }];
  }
  const problems: RowProblemAt[] = [];
  const { earliest, latest } = metricDateWindow(facts.publishedAt, now);
  if (row.date < earliest) {
    problems.push({ column: 'date', code: 'date_before_publication', params: { earliest } });
  } else if (row.date > latest) {
    problems.push({ column: 'date', code: 'date_in_future', params: { latest } });
  }
  if (row.revenueMinor !== null) {
    problems.push(...checkCurrency(row.currency, facts.revenue));
  }
  return problems;
}

function checkCurrency(currency: string | null, expected: RevenueCurrency): RowProblemAt[] {
  if ('conflict' in expected) {
    return [
      {
        column: 'currency',
        code: 'revenue_goals_disagree',
        params: { currencies: expected.conflict.join(', ') },
      },
    ];
  }
  if (!currency)
    return [{ column: 'currency', code: 'currency_required', params: { expected: expected.currency } }];
  if (currency !== expected.currency) {
    return [{ column: 'currency', code: 'currency_mismatch', params: { expected: expected.currency } }];
  }
  return [];
}

/** What the checks know of the goal a goal-level outcome is for. */
export interface GoalFacts {
  periodStart: string;
  periodEnd: string;
  targetCurrency: string | null;
}

/** A goal-level outcome must be for a day of the goal's period that has begun, revenue in the goal's currency. */
export function checkAgainstGoal(
  row: { date: string; metric: KpiMetric; currency: string | null },
  goal: GoalFacts,
  now: Date = new Date(),
): RowProblemAt[] {
  const problems: RowProblemAt[] = [];
  const latest = addDays(utcDate(now), 1);
  if (row.date < goal.periodStart || row.date > goal.periodEnd) {
    problems.push({
      column: 'date',
      code: 'date_outside_goal_period',
      params: { start: goal.periodStart, end: goal.periodEnd },
    });
  } else if (row.date > latest) {
    problems.push({ column: 'date', code: 'date_in_future', params: { latest } });
  }
  if (row.metric === 'revenue') {
    if (!goal.targetCurrency) problems.push({ column: 'currency', code: 'revenue_needs_goal_currency' });
    else problems.push(...checkCurrency(row.currency, { currency: goal.targetCurrency }));
  }
  return problems;
}
