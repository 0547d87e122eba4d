import type { Channel, MetricCount, RowError, RowProblemAt } from '@agency-portal/shared';
import { checkAgainstDeliverable } from '@agency-portal/shared';
import type { DeliverableRecord } from './deliverable-facts';
import type { StoredMetric } from './metric-store';

/** A read row with the deliverable it named (null: none the writer may report on; 'ambiguous': several). */
export interface ResolvedRow {
  line: number;
  record: DeliverableRecord | null | 'ambiguous';
  date: string;
  channel: Channel | null;
  counts: Partial<Record<MetricCount, number>>;
  revenueMinor: number | null;
  currency: string | null;
  /** The values as written, for the error answer. */
  written: { deliverable: string | null; channel: string | null; currency: string | null; date: string };
}

/** The file's columns (or the request's properties) each kind of problem is reported in. */
export interface ProblemColumns {
  deliverable: string | null;
  date: string | null;
  channel: string | null;
  currency: string | null;
}

/**
 * The rules a row must meet against its deliverable (published, a day of its life, the right
 * currency, a channel) and uniqueness by the stored key once the channel is known. Every
 * problem of every row is reported.
 */
export function checkResolvedRows(
  rows: readonly ResolvedRow[],
  columns: ProblemColumns,
  now: Date = new Date(),
): { stored: StoredMetric[]; errors: RowError[] } {
  const stored: StoredMetric[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const fail = (at: RowProblemAt | { column: 'channel'; code: 'missing_value'; params?: undefined }) =>
      errors.push({
        line: row.line,
        column: columns[at.column],
        code: at.code,
        value: at.column === 'date' ? row.written.date : row.written[at.column],
        params: at.params ?? {},
      });
    if (row.record === null) {
      fail({ column: 'deliverable', code: 'deliverable_not_found' });
      continue;
    }
    if (row.record === 'ambiguous') {
      fail({ column: 'deliverable', code: 'deliverable_ambiguous' });
      continue;
    }
    const problems = checkAgainstDeliverable(row, row.record, now);
    problems.forEach(fail);
    const channel = row.channel ?? row.record.channel;
    if (!channel) fail({ column: 'channel', code: 'missing_value' });
    if (problems.length > 0 || !channel) continue;
    const key = `${row.record.id}|${row.date}|${channel}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line: row.line,
        column: null,
        code: 'duplicate_row',
        value: null,
        params: { line: String(first) },
      });
      continue;
    }
    seen.set(key, row.line);
    stored.push({
      deliverableId: row.record.id,
      date: row.date,
      channel,
      counts: row.counts,
      revenueMinor: row.revenueMinor,
      currency: row.currency,
    });
  }
  return { stored, errors };
}
