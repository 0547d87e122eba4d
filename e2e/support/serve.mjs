// Starts the built portal for the journeys on a fresh embedded database.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const dataDir = resolve(process.env.EMBEDDED_PG_DATA_DIR ?? 'tmp/e2e/postgres');
rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
await import(resolve('dist/apps/api/main.js'));
