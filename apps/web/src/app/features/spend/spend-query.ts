import type {
  SpendFilters,
  SpendGroup,
  SpendLinesQuery,
  SpendReportDto,
  SpendReportQuery,
  SpendRowDto,
} from '@agency-portal/shared';
import { INVOICE_STATUSES, SPEND_GROUPS, isKnownCurrency } from '@agency-portal/shared';
import { isoDate, oneOf, uuid } from '../../shared/list/list-query-state';

/** The report's URL parameters (the drill-down's lines list adds `q`, `sort` and its page). */
export const SPEND_FILTERS = [
  'groupBy',
  'from',
  'to',
  'agencyId',
  'businessUnitId',
  'goalId',
  'contractId',
  'status',
  'currency',
  'reportingCurrency',
  /** The group row whose lines are open: `<groupBy>~<key>~<currency>`. */
  'row',
  /** The currency the chart draws (the first of the totals when unset). */
  'chartCurrency',
] as const;
export type SpendFilterName = (typeof SPEND_FILTERS)[number];
export type SpendUrlFilters = Record<SpendFilterName, string>;

export const DEFAULT_GROUP: SpendGroup = 'month';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ROW_SEPARATOR = '~';

function currency(value: string): string | undefined {
  const code = value.toUpperCase();
  return isKnownCurrency(code) ? code : undefined;
}

/** The URL's filters as the API's: anything malformed is left out (a stale link shows everything). */
export function spendFilters(filters: SpendUrlFilters): SpendFilters {
  return {
    from: isoDate(filters.from),
    to: isoDate(filters.to),
    agencyId: uuid(filters.agencyId),
    businessUnitId: uuid(filters.businessUnitId),
    goalId: uuid(filters.goalId),
    contractId: uuid(filters.contractId),
    status: oneOf(INVOICE_STATUSES, filters.status),
    currency: currency(filters.currency),
  };
}

/** The report's query for the URL's filters, grouped as the URL says (by month by default). */
export function reportQuery(filters: SpendUrlFilters): SpendReportQuery {
  return {
    ...spendFilters(filters),
    groupBy: oneOf(SPEND_GROUPS, filters.groupBy) ?? DEFAULT_GROUP,
    reportingCurrency: currency(filters.reportingCurrency),
  };
}

/** A group row of the report, as the drill-down names it in the URL. */
export interface SpendRowRef {
  groupBy: SpendGroup;
  key: string;
  currency: string;
}

export function rowParam(groupBy: SpendGroup, row: Pick<SpendRowDto, 'key' | 'currency'>): string {
  return [groupBy, row.key, row.currency].join(ROW_SEPARATOR);
}

/** The open row of the URL, when it belongs to the grouping shown (a row of another grouping is stale). */
export function openRow(filters: SpendUrlFilters): SpendRowRef | undefined {
  const [groupBy, key, code, ...rest] = filters.row.split(ROW_SEPARATOR);
  const group = oneOf(SPEND_GROUPS, groupBy ?? '');
  const rowCurrency = currency(code ?? '');
  if (!group || !key || !rowCurrency || rest.length > 0) return undefined;
  if (group !== reportQuery(filters).groupBy) return undefined;
  if (group === 'month' ? !MONTH.test(key) : !uuid(key)) return undefined;
  return { groupBy: group, key, currency: rowCurrency };
}

/** The lines behind one group row: the report's filters narrowed to the row's group and currency. */
export function rowLinesQuery(filters: SpendUrlFilters, row: SpendRowRef): SpendLinesQuery {
  const query: SpendLinesQuery = { ...spendFilters(filters), currency: row.currency };
  switch (row.groupBy) {
    case 'month':
      return { ...query, month: row.key };
    case 'agency':
      return { ...query, agencyId: row.key };
    case 'goal':
      return { ...query, goalId: row.key };
    case 'business_unit':
      return { ...query, businessUnitId: row.key };
    case 'contract':
      return { ...query, contractId: row.key };
  }
}

/** Spend over time in one currency, against the budget the filters cover (minor units). */
export interface SpendOverTime {
  currency: string;
  /** Every month from the first to the last with spend, YYYY-MM. */
  months: string[];
  spent: number[];
  cumulative: number[];
  budgetCapMinor: number;
  committedMinor: number;
}

function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * The chart's figures from a report grouped by month: the spend of each month in `currency`
 * (months without spend between the first and the last count 0), its running sum, and the cap
 * and commitments of that currency's contracts. Null when the report has nothing in the currency.
 */
export function spendOverTime(report: SpendReportDto, currency: string): SpendOverTime | null {
  const total = report.totals.find((entry) => entry.currency === currency);
  const byMonth = new Map<string, number>();
  for (const row of report.rows) {
    if (row.currency === currency && MONTH.test(row.key)) {
      byMonth.set(row.key, (byMonth.get(row.key) ?? 0) + row.amountMinor);
    }
  }
  const known = [...byMonth.keys()].sort();
  const first = known[0];
  const last = known[known.length - 1];
  if (!total || first === undefined || last === undefined) return null;
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  const spent = months.map((month) => byMonth.get(month) ?? 0);
  let running = 0;
  const cumulative = spent.map((amount) => (running += amount));
  return {
    currency,
    months,
    spent,
    cumulative,
    budgetCapMinor: total.budgetCapMinor,
    committedMinor: total.committedMinor,
  };
}
