import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PasswordService } from '../../../apps/api/src/app/auth/password.service';
import { dataSourceOptions } from '../../../apps/api/src/app/database/data-source-options';
import { Activity } from './activity';
import { Loader, type TableStats } from './copy';
import { BulkLoad, type Checks } from './load';
import { type Domain, type Organisation, type SeedContext, volumesFor, type Volumes } from './context';
import { contracts } from './domains/contracts';
import { goals } from './domains/goals';
import { metrics } from './domains/metrics';
import { LARGE_PASSWORD, organisation } from './domains/organisation';
import { policies } from './domains/policies';
import { spend } from './domains/spend';
import { work } from './domains/work';
import { Random } from './random';
import { Storage } from './storage';
import { DAY } from './time';

/** In writing order; see Domain for how plan() and write() interleave. */
export const DOMAINS: Domain[] = [organisation, goals, contracts, policies, work, spend, metrics];

export interface GenerateOptions {
  databaseUrl: string;
  /** 1 = the large organisation of issue 8 (50 agencies, 500 contracts, 20,000 briefs, 200,000 deliverables). */
  scale?: number;
  seed?: number;
  /** The end of the generated history (default: the moment the run starts). */
  now?: Date;
  /** How many years the brand has worked with its agencies. */
  years?: number;
  /** Where the files' bytes go (the API's STORAGE_DIR for this data), or null for rows only. */
  storageDir: string | null;
  /** VACUUM ANALYZE at the end, so query plans see the real sizes (default true). */
  analyze?: boolean;
  /**
   * How foreign keys are checked: 'per-row' by PostgreSQL's own triggers as rows arrive, or
   * 'at-end' in one pass per constraint before the commit (triggers off while loading, about
   * twice as fast; needs a superuser). 'auto' (the default) takes 'at-end' when allowed.
   */
  checks?: Checks;
  log?: (line: string) => void;
}

export interface GenerateResult {
  volumes: Volumes;
  tables: Map<string, TableStats>;
  ms: number;
  org: Organisation;
}

/** Runs every migration of the API (its own data source), so the data meets the schema the API expects. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * CPU seconds a local process has used (Linux /proc), or null when the server is elsewhere. On a
 * shared 2-core machine wall time swings with the neighbours; CPU time says what the load costs.
 */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Builds the large organisation into an empty, migrated database in one transaction: either all
 * of it is there afterwards or none of it (and the files it linked are removed again).
 */
export async function generateLargeOrganisation(options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const scale = options.scale ?? 1;
  const now = (options.now ?? new Date()).getTime();
  const random = new Random(options.seed ?? 1);
  const storage = new Storage(options.storageDir);
  const ctx: SeedContext = {
    random,
    now,
    since: now - Math.round((options.years ?? 4) * 365 * DAY),
    scale,
    volumes: volumesFor(scale),
    passwordHash: await new PasswordService().hash(LARGE_PASSWORD),
    checksAtEnd: false,
    storage,
    activity: new Activity(random.fork('activity'), now),
    log,
    org: { units: [], staff: new Map(), users: [], agencies: [], accounts: {} },
    goals: [],
    contracts: [],
    policies: [],
    deliverables: [],
  };

  let mark = performance.now();
  for (const domain of DOMAINS) domain.plan(ctx);
  log(`  planned in ${seconds(performance.now() - mark)}`);

  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  const loader = new Loader(client);
  let vacuum = true;
  try {
    const { rows: backend } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const serverPid = backend[0]?.pid ?? 0;
    const cpuAtStart = { generator: process.cpuUsage(), database: cpuSeconds(serverPid) };
    const { rows: walAtStart } = await client.query<{ lsn: string }>(
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    const load = await BulkLoad.begin(client, options.checks ?? 'auto');
    ctx.checksAtEnd = load.fast;
    loader.freeze = load.fast;
    // Frozen rows on an all-visible map need no VACUUM; rows checked one by one (and updated) do.
    vacuum = !load.fast;
    log(
      load.fast
        ? '  fast load: triggers off, rows frozen, foreign keys verified at the end'
        : '  foreign keys checked row by row',
    );
    try {
      storage.prepare();
      for (const domain of DOMAINS) {
        mark = performance.now();
        await domain.write(ctx, loader);
        await ctx.activity.write(loader);
        log(`  ${domain.name} written in ${seconds(performance.now() - mark)}`);
      }
      await load.commit(log);
    } catch (error) {
      await load.rollback();
      throw error;
    }
    mark = performance.now();
    await storage.finish();
    log(`  files linked in ${seconds(performance.now() - mark)}`);
    const generator = process.cpuUsage(cpuAtStart.generator);
    const database = cpuSeconds(serverPid);
    const { rows: wal } = await client.query<{ bytes: string }>(
      'SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::bigint AS bytes',
      [walAtStart[0]?.lsn],
    );
    const cpu = (generator.user + generator.system) / 1e6;
    const peak = process.resourceUsage().maxRSS / 1024;
    const mb = Number(wal[0]?.bytes ?? 0) / 1024 / 1024;
    log(
      `  generator: ${cpu.toFixed(1)} s CPU, ${peak.toFixed(0)} MB peak` +
        (database !== null && cpuAtStart.database !== null
          ? `; database: ${(database - cpuAtStart.database).toFixed(1)} s CPU, ${mb.toFixed(0)} MB WAL`
          : ''),
    );
  } catch (error) {
    await storage.discard();
    throw error;
  } finally {
    await client.end();
  }
  if (options.analyze ?? true) {
    mark = performance.now();
    const maintenance = new Client({ connectionString: options.databaseUrl });
    await maintenance.connect();
    try {
      // A database that grew over years has been vacuumed and analysed; the planner should see that one.
      await maintenance.query(vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE');
    } finally {
      await maintenance.end();
    }
    log(`  ${vacuum ? 'vacuumed and analysed' : 'analysed'} in ${seconds(performance.now() - mark)}`);
  }
  return { volumes: ctx.volumes, tables: loader.stats, ms: performance.now() - started, org: ctx.org };
}
