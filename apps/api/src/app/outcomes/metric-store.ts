import type { Channel, MetricCount, OutcomeMetric } from '@agency-portal/shared';
import { METRIC_COUNTS } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';

/** A checked row as stored: its deliverable and channel are known. */
export interface StoredMetric {
  deliverableId: string;
  date: string;
  channel: Channel;
  counts: Partial<Record<MetricCount, number>>;
  revenueMinor: number | null;
  currency: string | null;
}

export interface StoredOutcome {
  date: string;
  metric: OutcomeMetric;
  value: number | null;
  currency: string | null;
  note: string;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** Rows per statement: a few MB of parameters, well inside PostgreSQL's limits. */
const CHUNK = 5000;

const COLUMNS = METRIC_COUNTS.map((field) => field);

/**
 * Set-based upsert by the natural key (deliverable, day, channel): one statement per chunk, from
 * arrays (unnest), so 10,000 rows are two round trips. A figure a row leaves out keeps the stored
 * one (files from several platforms fill different figures of the same day); a row whose figures
 * are all already stored is not written at all, so a retried batch changes nothing (and the row
 * keeps the import that last changed it). Rows must be unique by key (checked before).
 */
export async function writeMetrics(
  manager: EntityManager,
  importId: string,
  rows: readonly StoredMetric[],
  onChunk: (written: number) => Promise<void> = () => Promise.resolve(),
): Promise<WriteCounts> {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  const merged = (column: string) => `coalesce(EXCLUDED.${column}, t.${column})`;
  const all = [...COLUMNS, 'revenue_minor'];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const written: { inserted: boolean }[] = await manager.query(
      `INSERT INTO performance_metrics AS t
         (deliverable_id, metric_date, channel, ${COLUMNS.join(', ')}, revenue_minor, revenue_currency, import_id)
       SELECT r.*, CAST($12 AS uuid) FROM unnest(
         CAST($1 AS uuid[]), CAST($2 AS date[]), CAST($3 AS text[]),
         CAST($4 AS integer[]), CAST($5 AS integer[]), CAST($6 AS integer[]),
         CAST($7 AS integer[]), CAST($8 AS integer[]), CAST($9 AS integer[]),
         CAST($10 AS bigint[]), CAST($11 AS char(3)[])) AS r
       ON CONFLICT (deliverable_id, metric_date, channel) DO UPDATE SET
         ${all.map((column) => `${column} = ${merged(column)}`).join(', ')},
         revenue_currency = CASE WHEN EXCLUDED.revenue_minor IS NULL THEN t.revenue_currency
                                 ELSE EXCLUDED.revenue_currency END,
         import_id = EXCLUDED.import_id,
         updated_at = now()
       WHERE (${all.map(merged).join(', ')}, coalesce(EXCLUDED.revenue_currency, t.revenue_currency))
             IS DISTINCT FROM (${all.map((column) => `t.${column}`).join(', ')}, t.revenue_currency)
       RETURNING (xmax = 0) AS inserted`,
      [
        chunk.map((row) => row.deliverableId),
        chunk.map((row) => row.date),
        chunk.map((row) => row.channel),
        ...METRIC_COUNTS.map((field) => chunk.map((row) => row.counts[field] ?? null)),
        chunk.map((row) => row.revenueMinor),
        chunk.map((row) => (row.revenueMinor === null ? null : row.currency)),
        importId,
      ],
    );
    const inserted = written.filter((row) => row.inserted).length;
    counts.inserted += inserted;
    counts.updated += written.length - inserted;
    counts.unchanged += chunk.length - written.length;
    await onChunk(Math.min(start + CHUNK, rows.length));
  }
  return counts;
}

/**
 * The same for a goal's own outcomes, keyed (goal, day, metric); a row without a value removes
 * the day's figure. Rows must be unique by key (checked before).
 */
export async function writeGoalOutcomes(
  manager: EntityManager,
  goalId: string,
  importId: string,
  rows: readonly StoredOutcome[],
  onChunk: (written: number) => Promise<void> = () => Promise.resolve(),
): Promise<WriteCounts> {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  const removals = rows.filter((row) => row.value === null);
  if (removals.length > 0) {
    // As a SELECT over the deleted rows: TypeORM answers a bare DELETE with [rows, count].
    const [removed] = await manager.query<{ n: number }[]>(
      `WITH removed AS (
         DELETE FROM goal_outcomes o USING unnest(CAST($2 AS date[]), CAST($3 AS text[])) AS r(day, metric)
          WHERE o.goal_id = $1 AND o.outcome_date = r.day AND o.metric = r.metric RETURNING 1)
       SELECT count(*)::int AS n FROM removed`,
      [goalId, removals.map((row) => row.date), removals.map((row) => row.metric)],
    );
    counts.removed = removed?.n ?? 0;
    counts.unchanged += removals.length - counts.removed;
  }
  const values = rows.filter((row) => row.value !== null);
  for (let start = 0; start < values.length; start += CHUNK) {
    const chunk = values.slice(start, start + CHUNK);
    const written: { inserted: boolean }[] = await manager.query(
      `INSERT INTO goal_outcomes AS t (goal_id, outcome_date, metric, value, currency, note, import_id)
       SELECT CAST($1 AS uuid), r.*, CAST($7 AS uuid) FROM unnest(
         CAST($2 AS date[]), CAST($3 AS text[]), CAST($4 AS bigint[]), CAST($5 AS char(3)[]), CAST($6 AS text[])) AS r
       ON CONFLICT (goal_id, outcome_date, metric) DO UPDATE SET
         value = EXCLUDED.value, currency = EXCLUDED.currency, note = EXCLUDED.note,
         import_id = EXCLUDED.import_id, updated_at = now()
       WHERE (EXCLUDED.value, EXCLUDED.currency, EXCLUDED.note) IS DISTINCT FROM (t.value, t.currency, t.note)
       RETURNING (xmax = 0) AS inserted`,
      [
        goalId,
        chunk.map((row) => row.date),
        chunk.map((row) => row.metric),
        chunk.map((row) => row.value),
        chunk.map((row) => row.currency),
        chunk.map((row) => row.note),
        importId,
      ],
    );
    const inserted = written.filter((row) => row.inserted).length;
    counts.inserted += inserted;
    counts.updated += written.length - inserted;
    counts.unchanged += chunk.length - written.length;
    await onChunk(removals.length + Math.min(start + CHUNK, values.length));
  }
  return counts;
}
