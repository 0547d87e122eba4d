import { Client } from 'pg';
import { Loader } from './copy';
import { writeMetrics, type MetricFacts } from './domains/metrics';
import { migrate } from './generate';
import { BulkLoad } from './load';
import { Random } from './random';
import { volumesFor } from './context';

/** The tables `--only metrics` replaces, children before parents. */
export const METRIC_TABLES = [
  'performance_metrics',
  'goal_outcomes',
  'metric_import_errors',
  'metric_imports',
];

export interface ReplaceOptions {
  databaseUrl: string;
  scale: number;
  seed: number;
  now: Date;
  log: (line: string) => void;
}

/**
 * Replaces the metric rows of an existing large database (the full build takes minutes; this
 * step alone about one and a half at scale 1): one transaction that truncates the outcome tables
 * and the imports, writes them again as the full build does, verifies their foreign keys and
 * commits, then analyses them. Everything else is left as it is; run again, it replaces them again.
 */
export async function replaceMetrics(options: ReplaceOptions): Promise<MetricFacts> {
  const { log } = options;
  const started = performance.now();
  const applied = await migrate(options.databaseUrl);
  if (applied.length) log(`  migrations: ${applied.join(', ')} applied`);
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "SELECT id FROM users WHERE email = 'lead@large.local'",
    );
    const lead = rows[0];
    if (!lead) throw new Error('This database does not hold the large organisation (no lead@large.local).');
    const load = await BulkLoad.begin(client, 'auto', { tables: METRIC_TABLES, replace: true });
    const loader = new Loader(client);
    loader.freeze = load.fast;
    let facts: MetricFacts;
    try {
      facts = await writeMetrics(loader, {
        random: new Random(options.seed).fork('metrics'),
        now: options.now.getTime(),
        rows: volumesFor(options.scale).metricRows,
        importerId: lead.id,
        log,
      });
      await load.commit(log);
    } catch (error) {
      await load.rollback();
      throw error;
    }
    const mark = performance.now();
    await client.query(`ANALYZE ${METRIC_TABLES.join(', ')}`);
    log(`  analysed in ${((performance.now() - mark) / 1000).toFixed(1)} s`);
    log(`Metrics replaced in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return facts;
  } finally {
    await client.end();
  }
}
