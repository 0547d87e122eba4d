import { isKnownCurrency } from '../money/money';
import { CHANNELS, type Channel } from '../goals/goal.types';
import type { ImportField, ImportTarget } from './imports';
import type { ColumnPlan } from './mapping';
import { MAX_METRIC_COUNT, METRIC_COUNTS, type MetricCount } from './metrics';
import { normalizeHeader } from './mapping';
import { presetById } from './presets';
import type { RowError, RowProblem } from './rules';
import { readAmount, readCount, readDate, readText, type Cell, type DateFormat } from './values';

/** One data row of a file as figures, before its deliverable is looked up. */
export interface ReadRow {
  line: number;
  /** Deliverable id, post link or the platform's post id (deliverables target). */
  deliverable: string | null;
  date: string;
  /** Null: the deliverable's own channel. */
  channel: Channel | null;
  counts: Partial<Record<MetricCount, number>>;
  followers: number | null;
  revenueMinor: number | null;
  currency: string | null;
}

export type RowReading =
  { kind: 'row'; row: ReadRow } | { kind: 'skip' } | { kind: 'errors'; errors: RowError[] };

const cut = (value: Cell): string | null => {
  const text = readText(value);
  return text === null ? null : text.slice(0, 200);
};

/**
 * Reads one row of cells with a valid mapping's column plan. Blank rows and the export's own
 * total rows are skipped; every problem of the row is reported, not just the first.
 */
export function readRow(
  cells: readonly Cell[],
  line: number,
  headers: readonly string[],
  plan: ColumnPlan,
  target: ImportTarget,
  presetId: string | null | undefined,
): RowReading {
  if (cells.every((cell) => readText(cell) === null)) return { kind: 'skip' };
  const preset = presetById(presetId);
  for (const rule of preset?.skipRows ?? []) {
    const index = headers.findIndex((header) => normalizeHeader(header) === normalizeHeader(rule.column));
    if (index >= 0 && readText(cells[index] ?? null) === rule.equals) return { kind: 'skip' };
  }
  const errors: RowError[] = [];
  const fail = (column: number | null, code: RowProblem, params: Record<string, string> = {}) =>
    errors.push({
      line,
      column: column === null ? null : (headers[column] ?? null),
      code,
      value: column === null ? null : cut(cells[column] ?? null),
      params,
    });
  const single = (field: ImportField): number | undefined => plan.fields[field]?.[0];

  let deliverable: string | null = null;
  if (target === 'deliverables') {
    const column = single('deliverable');
    deliverable = column === undefined ? null : readText(cells[column] ?? null);
    if (deliverable === null) fail(column ?? null, 'missing_value');
  }

  const date = readDateField(cells, single('date'), plan, preset?.dateFormats ?? ['iso'], fail);

  let channel: Channel | null = plan.channel;
  const channelColumn = single('channel');
  if (channelColumn !== undefined) {
    const text = readText(cells[channelColumn] ?? null)?.toLowerCase() ?? null;
    if (text !== null) {
      if ((CHANNELS as readonly string[]).includes(text)) channel = text as Channel;
      else fail(channelColumn, 'unknown_channel');
    }
  }

  let currency: string | null = plan.defaults.currency ?? null;
  const currencyColumn = single('currency');
  if (currencyColumn !== undefined) {
    const text = readText(cells[currencyColumn] ?? null)?.toUpperCase() ?? null;
    if (text !== null) {
      if (isKnownCurrency(text)) currency = text;
      else {
        currency = null;
        fail(currencyColumn, 'unknown_currency');
      }
    }
  }

  const counts: Partial<Record<MetricCount, number>> = {};
  for (const field of METRIC_COUNTS) {
    const total = addUp(cells, plan.fields[field], fail);
    if (total !== null) counts[field] = total;
  }
  const followers = addUp(cells, plan.fields.followers, fail);
  const revenueMinor = addUpRevenue(cells, plan.fields.revenue, currency, currencyColumn ?? null, fail);

  if (errors.length > 0) return { kind: 'errors', errors };
  if (Object.keys(counts).length === 0 && followers === null && revenueMinor === null) {
    fail(null, 'no_values');
    return { kind: 'errors', errors };
  }
  return {
    kind: 'row',
    row: { line, deliverable, date: date as string, channel, counts, followers, revenueMinor, currency },
  };
}

type Fail = (column: number | null, code: RowProblem, params?: Record<string, string>) => void;

function readDateField(
  cells: readonly Cell[],
  column: number | undefined,
  plan: ColumnPlan,
  formats: readonly DateFormat[],
  fail: Fail,
): string | null {
  if (column === undefined) return plan.defaults.date ?? null;
  const read = readDate(cells[column] ?? null, formats);
  if (!read.ok) fail(column, read.problem);
  else if (read.value === null) {
    if (plan.defaults.date) return plan.defaults.date;
    fail(column, 'missing_value');
  }
  return read.ok ? read.value : null;
}

/** The sum of a count's columns; null when every one of them is blank. */
function addUp(cells: readonly Cell[], columns: number[] | undefined, fail: Fail): number | null {
  let total: number | null = null;
  for (const column of columns ?? []) {
    const read = readCount(cells[column] ?? null);
    if (!read.ok) fail(column, read.problem);
    else if (read.value !== null) total = (total ?? 0) + read.value;
  }
  if (total !== null && total > MAX_METRIC_COUNT) {
    fail(columns?.[0] ?? null, 'value_too_large');
    return null;
  }
  return total;
}

function addUpRevenue(
  cells: readonly Cell[],
  columns: number[] | undefined,
  currency: string | null,
  currencyColumn: number | null,
  fail: Fail,
): number | null {
  let total: number | null = null;
  for (const column of columns ?? []) {
    const cell = cells[column] ?? null;
    if (readText(cell) === null) continue;
    if (!currency) {
      fail(currencyColumn ?? column, 'currency_required');
      continue;
    }
    const read = readAmount(cell, currency);
    if (!read.ok) fail(column, read.problem);
    else if (read.value !== null) total = (total ?? 0) + read.value;
  }
  if (total !== null && !Number.isSafeInteger(total)) {
    fail(columns?.[0] ?? null, 'value_too_large');
    return null;
  }
  return total;
}

/** A read row with the key it is stored under (deliverable id, day and channel, or day for a goal). */
export interface KeyedRow {
  row: ReadRow;
  key: string;
}

/**
 * Rows of one file under the same key: added together when the preset says the export splits a
 * day by further dimensions (media source), otherwise refused as duplicates naming the first line.
 */
export function combineRows(
  rows: readonly KeyedRow[],
  sumDuplicates: boolean,
): { rows: KeyedRow[]; errors: RowError[] } {
  const byKey = new Map<string, KeyedRow>();
  const errors: RowError[] = [];
  for (const entry of rows) {
    const first = byKey.get(entry.key);
    if (!first) {
      byKey.set(entry.key, { key: entry.key, row: { ...entry.row, counts: { ...entry.row.counts } } });
      continue;
    }
    if (!sumDuplicates) {
      errors.push({
        line: entry.row.line,
        column: null,
        code: 'duplicate_row',
        value: null,
        params: { line: String(first.row.line) },
      });
      continue;
    }
    const into = first.row;
    for (const field of METRIC_COUNTS) {
      const value = entry.row.counts[field];
      if (value !== undefined) into.counts[field] = (into.counts[field] ?? 0) + value;
    }
    if (entry.row.followers !== null) into.followers = (into.followers ?? 0) + entry.row.followers;
    if (entry.row.revenueMinor !== null) {
      if (into.revenueMinor !== null && into.currency !== entry.row.currency) {
        errors.push({
          line: entry.row.line,
          column: null,
          code: 'currency_mismatch',
          value: entry.row.currency,
          params: { expected: into.currency ?? '' },
        });
        continue;
      }
      into.revenueMinor = (into.revenueMinor ?? 0) + entry.row.revenueMinor;
      into.currency = entry.row.currency;
    }
  }
  for (const { row } of byKey.values()) {
    for (const field of METRIC_COUNTS) {
      if ((row.counts[field] ?? 0) > MAX_METRIC_COUNT) {
        errors.push({ line: row.line, column: null, code: 'value_too_large', value: null, params: {} });
      }
    }
  }
  return { rows: [...byKey.values()], errors };
}
