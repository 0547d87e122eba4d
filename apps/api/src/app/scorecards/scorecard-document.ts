import type {
  AgencyScorecardDto,
  KpiContribution,
  ScorecardFigures,
  ScorecardRow,
} from '@agency-portal/shared';
import { msg, type Message } from '../i18n/message';
import type {
  ReportCell,
  ReportColumn,
  ReportDocument,
  ReportTable,
} from '../report-exports/report-document';
import { KPI_METRIC_LABELS } from '../goal-reports/goal-report-labels';
import { slug } from '../goal-reports/goal-report-document';

/**
 * Scorecards as report documents (report-exports/): the same figures the screens show, as typed
 * tables. A figure with too little data is an empty cell, never 0.
 */

const FIGURE_COLUMNS: ReportColumn[] = [
  { label: msg('On-time delivery'), kind: 'percent' },
  { label: msg('Deliverables counted for on-time delivery'), kind: 'integer' },
  { label: msg('First-pass approval'), kind: 'percent' },
  { label: msg('Approved deliverables counted'), kind: 'integer' },
  { label: msg('Average revision rounds'), kind: 'decimal' },
  { label: msg('Median days to first version'), kind: 'decimal' },
  { label: msg('Median review turnaround (hours)'), kind: 'decimal' },
];

function figureCells(figures: ScorecardFigures): ReportCell[] {
  return [
    figures.onTimeRate.value,
    figures.onTimeRate.sample,
    figures.firstPassRate.value,
    figures.firstPassRate.sample,
    figures.averageRevisionRounds.value,
    figures.medianDaysToFirstVersion.value,
    figures.medianReviewHours.value,
  ];
}

const BUDGET_COLUMNS: ReportColumn[] = [
  { label: msg('Currency'), kind: 'text' },
  { label: msg('Committed'), kind: 'money' },
  { label: msg('Invoiced'), kind: 'money' },
  { label: msg('Variance'), kind: 'money' },
  { label: msg('Variance of committed'), kind: 'percent' },
];

function budgetRows(lead: ReportCell[], figures: ScorecardFigures): ReportCell[][] {
  return figures.budgetVariance.map((row) => [
    ...lead,
    row.currency,
    { amountMinor: row.committedMinor, currency: row.currency },
    { amountMinor: row.invoicedMinor, currency: row.currency },
    { amountMinor: row.varianceMinor, currency: row.currency },
    row.varianceRatio,
  ]);
}

const CONTRIBUTION_COLUMNS: ReportColumn[] = [
  { label: msg('KPI'), kind: 'text' },
  { label: msg('Currency'), kind: 'text' },
  { label: msg('Result'), kind: 'decimal' },
  { label: msg('Approved spend'), kind: 'money' },
  { label: msg('Result per 1,000 of spend'), kind: 'decimal' },
];

function contributionRows(lead: ReportCell[], contributions: KpiContribution[]): ReportCell[][] {
  return contributions.map((row) => [
    ...lead,
    KPI_METRIC_LABELS[row.kpiMetric],
    row.currency,
    // Revenue is counted in minor units of its currency: shown as the amount it is.
    row.kpiMetric === 'revenue' ? { amountMinor: row.value, currency: row.currency } : row.value,
    { amountMinor: row.approvedSpendMinor, currency: row.currency },
    row.perThousand,
  ]);
}

const NOTES: Message[] = [
  msg(
    'A figure needs at least three deliverables or reviews behind it; an empty cell means too little data, not zero.',
  ),
  msg('Amounts are in each currency and never added across currencies.'),
];

interface Reader {
  name: string;
  email: string;
}

/** One agency's scorecard over its quarters (the trend), oldest first. */
export function agencyScorecardDocument(
  scorecard: AgencyScorecardDto,
  reader: Reader,
  exportedAt: Date,
): ReportDocument {
  const quarterColumn: ReportColumn = { label: msg('Quarter'), kind: 'text' };
  const tables: ReportTable[] = [
    {
      title: msg('Figures by quarter'),
      columns: [quarterColumn, ...FIGURE_COLUMNS],
      rows: scorecard.quarters.map((quarter) => [quarter.quarter, ...figureCells(quarter.figures)]),
    },
    {
      title: msg('Budget variance'),
      columns: [quarterColumn, ...BUDGET_COLUMNS],
      rows: scorecard.quarters.flatMap((quarter) => budgetRows([quarter.quarter], quarter.figures)),
    },
    {
      title: msg('KPI contribution'),
      columns: [quarterColumn, ...CONTRIBUTION_COLUMNS],
      rows: scorecard.quarters.flatMap((quarter) =>
        contributionRows([quarter.quarter], quarter.figures.kpiContribution),
      ),
    },
  ];
  const first = scorecard.quarters[0];
  const last = scorecard.quarters.at(-1);
  return {
    title: msg('Agency scorecard'),
    subject: scorecard.agencyName,
    fileName: ['scorecard', slug(scorecard.agencyName), exportedAt.toISOString().slice(0, 10)]
      .filter(Boolean)
      .join('-'),
    filters: first && last ? [{ label: msg('Quarters'), value: `${first.quarter} – ${last.quarter}` }] : [],
    facts: [],
    reader,
    exportedAt,
    freshness: { updatedAt: null, throughDay: exportedAt.toISOString().slice(0, 10) },
    tables,
    notes: NOTES,
  };
}

/** The agencies compared for one quarter. */
export function scorecardComparisonDocument(input: {
  quarter: string;
  rows: { items: ScorecardRow[]; more: boolean };
  search: string | undefined;
  reader: Reader;
  exportedAt: Date;
}): ReportDocument {
  const { quarter, rows, search, reader, exportedAt } = input;
  const agencyColumn: ReportColumn = { label: msg('Agency'), kind: 'text' };
  const truncated = rows.more ? { truncated: { shown: rows.items.length } } : {};
  return {
    title: msg('Agency scorecards'),
    subject: quarter,
    fileName: `scorecards-${quarter.toLowerCase()}-${exportedAt.toISOString().slice(0, 10)}`,
    filters: [
      { label: msg('Quarter'), value: quarter },
      ...(search?.trim() ? [{ label: msg('Search'), value: search.trim() }] : []),
    ],
    facts: [],
    reader,
    exportedAt,
    freshness: { updatedAt: null, throughDay: exportedAt.toISOString().slice(0, 10) },
    tables: [
      {
        title: msg('Agencies'),
        columns: [agencyColumn, ...FIGURE_COLUMNS],
        rows: rows.items.map((row) => [row.agencyName, ...figureCells(row.figures)]),
        ...truncated,
      },
      {
        title: msg('Budget variance'),
        columns: [agencyColumn, ...BUDGET_COLUMNS],
        rows: rows.items.flatMap((row) => budgetRows([row.agencyName], row.figures)),
      },
      {
        title: msg('KPI contribution'),
        columns: [agencyColumn, ...CONTRIBUTION_COLUMNS],
        rows: rows.items.flatMap((row) => contributionRows([row.agencyName], row.figures.kpiContribution)),
      },
    ],
    notes: NOTES,
  };
}
