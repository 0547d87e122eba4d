/**
 * What the API benchmarks share (bench:spend, bench:reports): the built API started on the large
 * data with capture-sql.cjs preloaded, sign-in, timed requests, the captured statements run
 * directly, p50/p95.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = join(ROOT, 'dist/apps/api/main.js');
const CAPTURE = join(ROOT, 'tools/bench/capture-sql.cjs');
const EMBEDDED_USER = 'agency_portal:agency_portal_local';

export const say = (message) => process.stdout.write(`${message}\n`);
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export function format(ms) {
  return Number.isFinite(ms) ? `${ms.toFixed(ms < 100 ? 1 : 0)} ms` : 'n/a';
}

/** The startup flags `npm start` gives the API. */
function startFlags() {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/apps\/api\/main\.js/.exec(scripts.start ?? '');
  if (!match) throw new Error('package.json scripts.start does not run node dist/apps/api/main.js');
  return match[1].split(/\s+/).filter(Boolean);
}

/**
 * Where the large data is and how the API is started on it, or null (with the reason said) when
 * the API is not built or there is no large data.
 * @param {string} script e.g. 'bench:reports', for the messages
 * @param {Record<string, string>} [extra] more environment for the API
 */
export function benchTarget(script, extra = {}) {
  const env = process.env;
  if (!existsSync(MAIN)) {
    say(`${MAIN} is missing: build the API first (npx nx build api), or run npm run ${script}.`);
    return null;
  }
  const dataDir = resolve(
    env.BENCH_PG_DATA_DIR ?? join(ROOT, env.LARGE_DATA_DIR ?? '.data/large', 'postgres'),
  );
  if (!env.DATABASE_URL && !existsSync(join(dirname(dataDir), 'summary.json'))) {
    say(`No large data in ${dataDir}: run npm run seed:large first (or set DATABASE_URL).`);
    return null;
  }
  const pgPort = Number(env.BENCH_PG_PORT ?? env.LARGE_PG_PORT ?? 54340);
  const apiPort = Number(env.BENCH_API_PORT ?? 3013);
  return {
    apiPort,
    base: `http://127.0.0.1:${apiPort}`,
    summaryFile: join(dirname(dataDir), 'summary.json'),
    database: env.DATABASE_URL ?? `postgres://${EMBEDDED_USER}@127.0.0.1:${pgPort}/agency_portal`,
    apiEnv: {
      PATH: env.PATH,
      HOME: env.HOME,
      PORT: String(apiPort),
      JWT_SECRET: randomBytes(32).toString('hex'),
      ACCESS_TOKEN_TTL_SECONDS: '7200',
      SEED_DEMO: 'false',
      JOBS_ENABLED: 'false',
      WEB_DIST_DIR: join(tmpdir(), 'agency-portal-bench-no-web'),
      STORAGE_DIR: join(dirname(dataDir), 'files'),
      ...(env.DATABASE_URL
        ? { DATABASE_URL: env.DATABASE_URL }
        : { EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) }),
      ...extra,
    },
  };
}

export function startApi(apiEnv) {
  const child = spawn(process.execPath, [...startFlags(), '--expose-gc', '--require', CAPTURE, MAIN], {
    cwd: ROOT,
    env: apiEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString('utf8'));
    if (log.length > 200) log.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, log };
}

export async function stopApi(api) {
  if (!api || api.child.exitCode !== null) return;
  const exited = new Promise((done) => api.child.once('exit', done));
  api.child.kill('SIGTERM');
  const timer = setTimeout(() => api.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

export async function waitForApi(base, api) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`The API exited:\n${api.log.join('')}`);
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`The API did not come up in 300 s:\n${api.log.join('')}`);
}

/** The statements the API sent since the last call (capture-sql.cjs). */
export function capturedSql(api) {
  return new Promise((done) => {
    const onMessage = (message) => {
      if (message && Array.isArray(message.statements)) {
        api.child.off('message', onMessage);
        done(message.statements);
      }
    };
    api.child.on('message', onMessage);
    api.child.send('sql');
  });
}

export async function signIn(base, email, password) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`Sign-in as ${email} failed: ${response.status}`);
  return (await response.json()).accessToken;
}

export async function timedGet(base, path, token) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 300)}`);
  return { ms, body };
}

/** Runs the captured statements directly, all at once; the time until the last answers. */
export async function direct(pool, statements) {
  const started = performance.now();
  await Promise.all(statements.map((statement) => pool.query(statement.text, statement.values)));
  return performance.now() - started;
}
