import type {
  BreakdownDimension,
  BreakdownRow,
  CostFigures,
  GoalDeliverableRow,
  GoalOverviewQuery,
  GoalOverviewRow,
  GoalReportDto,
} from '@agency-portal/shared';
import { msg, type Message } from '../i18n/message';
import type {
  ReportCell,
  ReportColumn,
  ReportDocument,
  ReportField,
  ReportTable,
} from '../report-exports/report-document';
import {
  CHANNEL_LABELS,
  FUNNEL_STAGE_LABELS,
  GOAL_STATUS_LABELS,
  KPI_METRIC_LABELS,
  PACE_LABELS,
} from './goal-report-labels';

/** An ASCII file name part: "Launch reach" → "launch-reach" (empty for a name without Latin letters). */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
}

const money = (amountMinor: number | null, currency: string): ReportCell =>
  amountMinor === null ? null : { amountMinor, currency };

const COST_COLUMNS: ReportColumn[] = [
  { label: msg('Currency'), kind: 'text' },
  { label: msg('Spend'), kind: 'money' },
  { label: msg('Impressions'), kind: 'integer' },
  { label: msg('Engagements'), kind: 'integer' },
  { label: msg('Clicks'), kind: 'integer' },
  { label: msg('Conversions'), kind: 'integer' },
  { label: msg('Revenue'), kind: 'money' },
  { label: msg('ROI'), kind: 'percent' },
  { label: msg('Cost per 1,000 impressions'), kind: 'money' },
  { label: msg('Cost per engagement'), kind: 'money' },
  { label: msg('Cost per click'), kind: 'money' },
  { label: msg('Cost per conversion'), kind: 'money' },
];

function costCells(figures: CostFigures): ReportCell[] {
  const { currency } = figures;
  return [
    currency,
    money(figures.spendMinor, currency),
    figures.impressions,
    figures.engagements,
    figures.clicks,
    figures.conversions,
    money(figures.revenueMinor, currency),
    figures.roi,
    money(figures.perThousandImpressionsMinor, currency),
    money(figures.perEngagementMinor, currency),
    money(figures.perClickMinor, currency),
    money(figures.perConversionMinor, currency),
  ];
}

/** A target of revenue is money in the goal's currency; any other KPI a count. */
function kpiValue(
  value: number | null,
  report: Pick<GoalReportDto, 'kpiMetric' | 'targetCurrency'>,
): ReportCell {
  if (value === null) return null;
  return report.kpiMetric === 'revenue' && report.targetCurrency
    ? { amountMinor: value, currency: report.targetCurrency }
    : value;
}

/** A label from a table of labels, for a key that may be missing or unknown. */
function labelOf(labels: Record<string, Message>, key: string | null): Message | null {
  return key !== null && key in labels ? (labels[key] ?? null) : null;
}

/** The breakdown tables, one per dimension: title, first column, and the label of a row. */
const BREAKDOWNS: {
  dimension: BreakdownDimension;
  title: Message;
  first: Message;
  label: (row: BreakdownRow) => ReportCell;
}[] = [
  {
    dimension: 'agency',
    title: msg('By agency'),
    first: msg('Agency'),
    label: (row) => row.label ?? msg('Not tied to a deliverable'),
  },
  {
    dimension: 'channel',
    title: msg('By channel'),
    first: msg('Channel'),
    label: (row) => labelOf(CHANNEL_LABELS, row.key) ?? msg('No channel'),
  },
  {
    dimension: 'funnel_stage',
    title: msg('By funnel stage'),
    first: msg('Funnel stage'),
    label: (row) => labelOf(FUNNEL_STAGE_LABELS, row.key) ?? msg('No funnel stage'),
  },
];

function breakdownTables(breakdowns: GoalReportDto['breakdowns']): ReportTable[] {
  return BREAKDOWNS.map(({ dimension, title, first, label }) => ({
    title,
    columns: [{ label: first, kind: 'text' }, ...COST_COLUMNS],
    rows: breakdowns[dimension].map((row) => [label(row), ...costCells(row)]),
  }));
}

export interface GoalReportInput {
  report: GoalReportDto;
  deliverables: { items: GoalDeliverableRow[]; more: boolean };
  reader: { name: string; email: string };
  exportedAt: Date;
}

/** The goal dashboard as a report: KPI, the KPI by period (and its chart), spend, costs, breakdowns, deliverables. */
export function goalReportDocument({
  report,
  deliverables,
  reader,
  exportedAt,
}: GoalReportInput): ReportDocument {
  const metric = KPI_METRIC_LABELS[report.kpiMetric];
  const pace = report.pace;
  const facts: ReportField[] = [
    { label: msg('Business unit'), value: report.businessUnitName },
    {
      label: msg('Period'),
      value: msg('{start} to {end}', { start: report.periodStart, end: report.periodEnd }),
    },
    { label: msg('Status'), value: GOAL_STATUS_LABELS[report.status] },
    { label: msg('Funnel stage'), value: FUNNEL_STAGE_LABELS[report.funnelStage] },
    {
      label: msg('Scope'),
      value: report.scope === 'all' ? msg('All agencies’ work') : msg('Your agency’s work only'),
    },
  ];
  const tables: ReportTable[] = [
    {
      title: msg('KPI'),
      columns: [
        { label: msg('KPI'), kind: 'text' },
        { label: msg('Target'), kind: report.kpiMetric === 'revenue' ? 'money' : 'integer' },
        { label: msg('Actual'), kind: report.kpiMetric === 'revenue' ? 'money' : 'integer' },
        { label: msg('Of target'), kind: 'percent' },
        { label: msg('Expected to date'), kind: report.kpiMetric === 'revenue' ? 'money' : 'integer' },
        { label: msg('Projected at end'), kind: report.kpiMetric === 'revenue' ? 'money' : 'integer' },
        { label: msg('Pace'), kind: 'text' },
      ],
      rows: [
        [
          metric,
          kpiValue(report.targetValue, report),
          kpiValue(report.kpi.actual, report),
          pace?.percentOfTarget == null ? null : pace.percentOfTarget / 100,
          kpiValue(pace?.expectedToDate ?? null, report),
          kpiValue(pace?.projectedEnd ?? null, report),
          pace ? PACE_LABELS[pace.status] : null,
        ],
      ],
    },
    {
      title: report.kpi.bucket === 'day' ? msg('KPI by day') : msg('KPI by week'),
      columns: [
        { label: msg('From'), kind: 'date' },
        { label: msg('Actual'), kind: 'integer' },
        { label: msg('Cumulative'), kind: 'integer' },
        { label: msg('Planned cumulative'), kind: 'integer' },
      ],
      rows: report.kpi.points.map((point) => [
        point.date,
        point.value,
        point.cumulative,
        point.plannedCumulative,
      ]),
    },
  ];
  if (report.spendVisible) {
    tables.push({
      title: msg('Spend'),
      columns: [
        { label: msg('Currency'), kind: 'text' },
        { label: msg('Allocated'), kind: 'money' },
        { label: msg('Committed'), kind: 'money' },
        { label: msg('Invoiced'), kind: 'money' },
        { label: msg('Approved'), kind: 'money' },
        { label: msg('Paid'), kind: 'money' },
        { label: msg('Remaining'), kind: 'money' },
      ],
      rows: report.spend.map((row) => [
        row.currency,
        money(row.allocatedMinor, row.currency),
        money(row.committedMinor, row.currency),
        money(row.invoicedMinor, row.currency),
        money(row.approvedMinor, row.currency),
        money(row.paidMinor, row.currency),
        money(row.remainingMinor, row.currency),
      ]),
    });
  }
  tables.push(
    { title: msg('Cost per result'), columns: COST_COLUMNS, rows: report.costs.map(costCells) },
    ...breakdownTables(report.breakdowns),
    {
      title: msg('Contributing deliverables'),
      columns: [
        { label: msg('Deliverable'), kind: 'text' },
        { label: msg('Agency'), kind: 'text' },
        { label: msg('Channel'), kind: 'text' },
        { label: msg('Published'), kind: 'date' },
        { label: msg('Cut-downs'), kind: 'integer' },
        { label: msg('Currency'), kind: 'text' },
        { label: msg('Spend'), kind: 'money' },
        { label: msg('Impressions'), kind: 'integer' },
        { label: msg('Engagements'), kind: 'integer' },
        { label: msg('Clicks'), kind: 'integer' },
        { label: msg('Conversions'), kind: 'integer' },
      ],
      rows: deliverables.items.map((row) => [
        row.title,
        row.agencyName,
        row.channel ? CHANNEL_LABELS[row.channel] : null,
        row.publishedAt ? row.publishedAt.slice(0, 10) : null,
        row.cutCount,
        row.total.currency,
        money(row.total.spendMinor, row.total.currency),
        row.total.impressions,
        row.total.engagements,
        row.total.clicks,
        row.total.conversions,
      ]),
      ...(deliverables.more ? { truncated: { shown: deliverables.items.length } } : {}),
    },
  );
  const throughDay = report.kpi.points.filter((point) => point.cumulative !== null).at(-1)?.date ?? null;
  return {
    title: msg('Goal report'),
    subject: report.name,
    fileName: `goal-report-${slug(report.name) || report.goalId.slice(0, 8)}-${exportedAt.toISOString().slice(0, 10)}`,
    filters: [],
    facts,
    reader,
    exportedAt,
    freshness: {
      updatedAt: report.figuresUpdatedAt,
      throughDay: report.figuresUpdatedAt ? throughDay : null,
    },
    tables,
    chart: {
      title: msg('KPI: actual against target'),
      dates: report.kpi.points.map((point) => point.date),
      series: [
        {
          label: msg('Actual (cumulative)'),
          values: report.kpi.points.map((point) => point.cumulative),
          style: 'actual',
        },
        {
          label: msg('Planned to target'),
          values: report.kpi.points.map((point) => point.plannedCumulative),
          style: 'target',
        },
      ],
    },
    notes: [msg('Amounts are in each currency and never added across currencies.')],
  };
}

const throughYesterday = (now: Date) => new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);

export interface GoalOverviewInput {
  rows: { items: GoalOverviewRow[]; more: boolean };
  query: GoalOverviewQuery;
  businessUnitName: string | null;
  reader: { name: string; email: string };
  exportedAt: Date;
}

/** The goal overview as a report: one row per goal and currency of its spend. */
export function goalOverviewDocument({
  rows,
  query,
  businessUnitName,
  reader,
  exportedAt,
}: GoalOverviewInput): ReportDocument {
  const filters: ReportField[] = [];
  if (businessUnitName) filters.push({ label: msg('Business unit'), value: businessUnitName });
  if (query.status) filters.push({ label: msg('Status'), value: GOAL_STATUS_LABELS[query.status] });
  if (query.periodFrom) filters.push({ label: msg('Period ends on or after'), value: query.periodFrom });
  if (query.periodTo) filters.push({ label: msg('Period starts on or before'), value: query.periodTo });
  if (query.q) filters.push({ label: msg('Search'), value: query.q });
  const spendVisible = rows.items.some((row) => row.spendVisible);
  const table: ReportTable = {
    title: msg('Goals'),
    columns: [
      { label: msg('Goal'), kind: 'text' },
      { label: msg('Business unit'), kind: 'text' },
      { label: msg('Status'), kind: 'text' },
      { label: msg('Start'), kind: 'date' },
      { label: msg('End'), kind: 'date' },
      { label: msg('KPI'), kind: 'text' },
      { label: msg('Target'), kind: 'decimal' },
      { label: msg('Actual'), kind: 'decimal' },
      { label: msg('Of target'), kind: 'percent' },
      { label: msg('Pace'), kind: 'text' },
      ...(spendVisible
        ? ([
            { label: msg('Currency'), kind: 'text' },
            { label: msg('Allocated'), kind: 'money' },
            { label: msg('Invoiced'), kind: 'money' },
            { label: msg('Cost per KPI unit'), kind: 'money' },
          ] satisfies ReportColumn[])
        : []),
    ],
    rows: rows.items.flatMap((row) => {
      const goal: ReportCell[] = [
        row.name,
        row.businessUnitName,
        GOAL_STATUS_LABELS[row.status],
        row.periodStart,
        row.periodEnd,
        KPI_METRIC_LABELS[row.kpiMetric],
        kpiValue(row.targetValue, row),
        kpiValue(row.actual, row),
        row.pace.percentOfTarget === null ? null : row.pace.percentOfTarget / 100,
        PACE_LABELS[row.pace.status],
      ];
      if (!spendVisible) return [goal];
      if (row.spend.length === 0) return [[...goal, null, null, null, null]];
      return row.spend.map((spend) => [
        ...goal,
        spend.currency,
        money(spend.allocatedMinor, spend.currency),
        money(spend.invoicedMinor, spend.currency),
        money(spend.costPerKpiUnitMinor, spend.currency),
      ]);
    }),
    ...(rows.more ? { truncated: { shown: rows.items.length } } : {}),
  };
  return {
    title: msg('Goal overview'),
    subject: businessUnitName ?? msg('All business units'),
    fileName: `goal-overview-${exportedAt.toISOString().slice(0, 10)}`,
    filters,
    facts: [],
    reader,
    exportedAt,
    freshness: { updatedAt: null, throughDay: throughYesterday(exportedAt) },
    tables: [table],
    notes: [
      msg('KPI actuals run to yesterday. Amounts are in each currency and never added across currencies.'),
    ],
  };
}
