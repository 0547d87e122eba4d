import type { Channel, MetricCount, OutcomeMetric, RowError, RowProblem } from '@agency-portal/shared';
import {
  CHANNELS,
  checkMinor,
  isKnownCurrency,
  KPI_METRICS,
  MAX_METRIC_COUNT,
  METRIC_COUNT_PROPERTIES,
  METRIC_COUNTS,
  readDate,
} from '@agency-portal/shared';

/**
 * The rows of an integration's batch, checked one by one before anything is looked up: every
 * problem is reported with its item (line, from 1) and property, so a batch is refused whole
 * with all its problems at once. JSON numbers must already be integers: counts whole, revenue in
 * minor units.
 */
export interface MetricWrite {
  line: number;
  deliverableId: string;
  date: string;
  /** Null: the deliverable's own channel. */
  channel: Channel | null;
  counts: Partial<Record<MetricCount, number>>;
  revenueMinor: number | null;
  currency: string | null;
}

export interface OutcomeWrite {
  line: number;
  date: string;
  metric: OutcomeMetric;
  /** Null removes the day's figure. */
  value: number | null;
  currency: string | null;
  note: string;
}

export const MAX_NOTE_LENGTH = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const METRIC_PROPERTIES = [
  'deliverableId',
  'date',
  'channel',
  ...Object.values(METRIC_COUNT_PROPERTIES),
  'revenueMinor',
  'currency',
];
const OUTCOME_PROPERTIES = ['date', 'metric', 'value', 'currency', 'note'];

class RowChecker {
  readonly errors: RowError[] = [];
  constructor(
    readonly line: number,
    readonly row: Record<string, unknown>,
  ) {}

  fail(column: string | null, code: RowProblem, params: Record<string, string> = {}): void {
    const value = column === null ? undefined : this.row[column];
    this.errors.push({
      line: this.line,
      column,
      code,
      value: value === undefined || value === null ? null : shownValue(value),
      params,
    });
  }

  unknown(known: readonly string[]): void {
    for (const key of Object.keys(this.row)) if (!known.includes(key)) this.fail(key, 'unknown_property');
  }

  date(property: string): string | null {
    const value = this.row[property];
    if (value === undefined || value === null || value === '') {
      this.fail(property, 'missing_value');
      return null;
    }
    const read = typeof value === 'string' ? readDate(value, ['iso']) : null;
    if (!read?.ok || read.value !== value) {
      this.fail(property, 'not_a_date');
      return null;
    }
    return read.value;
  }

  /** A whole number ≥ 0 up to `max`; undefined or null: not given. */
  count(property: string, max: number): number | null {
    const value = this.row[property];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) this.fail(property, 'not_a_number');
    else if (value < 0) this.fail(property, 'negative_value');
    else if (value > max) this.fail(property, 'value_too_large');
    else return value;
    return null;
  }

  minor(property: string): number | null {
    const value = this.row[property];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.fail(property, 'not_a_number');
      return null;
    }
    const problem = checkMinor(value);
    if (problem) this.fail(property, problem);
    return problem ? null : value;
  }

  currency(property: string): string | null {
    const value = this.row[property];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || !isKnownCurrency(value)) {
      this.fail(property, 'unknown_currency');
      return null;
    }
    return value;
  }
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function noValues(line: number): RowError {
  return { line, column: null, code: 'no_values', value: null, params: {} };
}

/** A checked row: what to write, and the key a second row of the batch may not repeat. */
interface ReadRow<W> {
  key: string;
  write: W;
}

/**
 * Checks each item of a batch: an item that is no object has no values; otherwise `read` checks
 * its properties through the checker and answers the row (or a line error of its own). The
 * checker's errors refuse the row, and so does a key an earlier line already had.
 */
function checkRows<W>(
  items: readonly unknown[],
  known: readonly string[],
  read: (check: RowChecker, row: Record<string, unknown>) => ReadRow<W> | RowError,
): { rows: W[]; errors: RowError[] } {
  const rows: W[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const line = index + 1;
    const row = asObject(item);
    if (!row) {
      errors.push(noValues(line));
      return;
    }
    const check = new RowChecker(line, row);
    check.unknown(known);
    const result = read(check, row);
    const first = 'key' in result ? seen.get(result.key) : undefined;
    if (check.errors.length > 0) errors.push(...check.errors);
    else if (!('key' in result)) errors.push(result);
    else if (first !== undefined) {
      errors.push({
        line,
        column: null,
        code: 'duplicate_row',
        value: null,
        params: { line: String(first) },
      });
    } else {
      seen.set(result.key, line);
      rows.push(result.write);
    }
  });
  return { rows, errors };
}

export function checkMetricRows(items: readonly unknown[]): { rows: MetricWrite[]; errors: RowError[] } {
  return checkRows(items, METRIC_PROPERTIES, (check, row) => {
    const deliverableId = row['deliverableId'];
    if (deliverableId === undefined || deliverableId === null || deliverableId === '') {
      check.fail('deliverableId', 'missing_value');
    } else if (typeof deliverableId !== 'string' || !UUID.test(deliverableId)) {
      check.fail('deliverableId', 'deliverable_not_found');
    }
    const date = check.date('date');
    let channel: Channel | null = null;
    const channelValue = row['channel'];
    if (channelValue !== undefined && channelValue !== null) {
      if (typeof channelValue === 'string' && (CHANNELS as readonly string[]).includes(channelValue)) {
        channel = channelValue as Channel;
      } else check.fail('channel', 'unknown_channel');
    }
    const counts: Partial<Record<MetricCount, number>> = {};
    for (const field of METRIC_COUNTS) {
      const value = check.count(METRIC_COUNT_PROPERTIES[field], MAX_METRIC_COUNT);
      if (value !== null) counts[field] = value;
    }
    const revenueMinor = check.minor('revenueMinor');
    const currency = check.currency('currency');
    if (Object.keys(counts).length === 0 && revenueMinor === null) return noValues(check.line);
    const id = String(deliverableId).toLowerCase();
    return {
      key: `${id}|${date}|${channel ?? ''}`,
      write: {
        line: check.line,
        deliverableId: id,
        date: date as string,
        channel,
        counts,
        revenueMinor,
        currency: revenueMinor === null ? null : currency,
      },
    };
  });
}

export function checkOutcomeRows(items: readonly unknown[]): { rows: OutcomeWrite[]; errors: RowError[] } {
  return checkRows(items, OUTCOME_PROPERTIES, (check, row) => {
    const date = check.date('date');
    const metricValue = row['metric'];
    let metric: OutcomeMetric | null = null;
    if (metricValue === undefined || metricValue === null) check.fail('metric', 'missing_value');
    else if (typeof metricValue === 'string' && (KPI_METRICS as readonly string[]).includes(metricValue)) {
      metric = metricValue as OutcomeMetric;
    } else check.fail('metric', 'unknown_metric');
    if (!('value' in row)) check.fail('value', 'missing_value');
    const value = metric === 'revenue' ? check.minor('value') : check.count('value', Number.MAX_SAFE_INTEGER);
    const currency = check.currency('currency');
    const note = row['note'];
    if (note !== undefined && note !== null && typeof note !== 'string') check.fail('note', 'not_text');
    if (typeof note === 'string' && note.length > MAX_NOTE_LENGTH) check.fail('note', 'value_too_large');
    return {
      key: `${date}|${metric}`,
      write: {
        line: check.line,
        date: date as string,
        metric: metric as OutcomeMetric,
        value,
        currency: metric === 'revenue' ? currency : null,
        note: typeof note === 'string' ? note.trim() : '',
      },
    };
  });
}

/** The offending value as a line error shows it: text as it came, anything else as JSON, cut at 200. */
function shownValue(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return text.slice(0, 200);
}
