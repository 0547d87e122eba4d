#!/usr/bin/env node
/**
 * List benchmark (not a test): every list route, and the brief, contract and deliverable pages,
 * through the real HTTP path with authentication, against the built API on the large organisation
 * (`npm run seed:large`), next to a plain Node `http` + `pg` server (lists-raw-server.mjs) that
 * verifies the same token and runs the same SQL for the same JSON, started here in the same run.
 *
 *   npx nx build api && node tools/bench/lists.mjs      (npm run bench:lists does both)
 *
 * For each route and each actor (a social lead, an agency member; the outbox and the audit log as
 * an admin) it drives four cases: the first page, a deep page (BENCH_DEEP_PAGES pages in, reached
 * by following the cursors), a filter and a text search. Both servers must answer each case with
 * equal JSON before anything is timed. Then autocannon holds BENCH_CONNECTIONS connections open
 * against each server for BENCH_SECONDS, in BENCH_ROUNDS interleaved rounds (API, raw, API, raw …),
 * and the script reports p50/p95 latency, requests per second, CPU per request and SQL statements
 * per request (counted inside both processes) and the API's peak RSS.
 *
 * Targets on the 2-core machine: first and deep pages p95 < 50 ms, the API ≥ 60 % of the raw
 * server's throughput, the API's RSS < 300 MB. Exits 1 when one is missed or an answer differs.
 *
 * Data: without DATABASE_URL it uses the embedded cluster of `seed:large` (LARGE_DATA_DIR, default
 * .data/large, port LARGE_PG_PORT, default 54340) and runs `npm run seed:large` first when that
 * folder holds no finished seed (its summary.json). Sign-ins: lead@large.local, admin@large.local
 * and the `member@` of the agency with the most briefs, password large-password. BENCH_DATA=demo
 * runs on a throwaway demo database instead (quick, for trying the script; its figures mean little).
 *
 * BENCH_EXPLAIN=1 prints, instead of timing, the EXPLAIN (ANALYZE, BUFFERS) of every list case's
 * page query (the raw server's, which is the API's SQL) with its execution time.
 *
 * Environment: BENCH_CONNECTIONS (20), BENCH_SECONDS (2), BENCH_ROUNDS (2), BENCH_DEEP_PAGES (100),
 * BENCH_ONLY (a regular expression on "route · actor · case"), BENCH_API_PORT (3011),
 * BENCH_RAW_PORT (3012), BENCH_LEAD / BENCH_MEMBER / BENCH_ADMIN and BENCH_PASSWORD (sign-ins),
 * BENCH_PG_PORT (the throwaway demo database's port, 54349),
 * BENCH_API_NODE_FLAGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`), BENCH_API_LOG=FILE (keeps the
 * API's output), BENCH_JSON=FILE (writes the results).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const env = process.env;
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 2);
const DEEP_PAGES = Number(env.BENCH_DEEP_PAGES ?? 100);
const ONLY = env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY, 'i') : null;
const API_PORT = Number(env.BENCH_API_PORT ?? 3011);
const RAW_PORT = Number(env.BENCH_RAW_PORT ?? 3012);
const DEMO = env.BENCH_DATA === 'demo';
const PASSWORD = env.BENCH_PASSWORD ?? (DEMO ? 'demo-password' : 'large-password');
/** Sign-ins; on the large data the member is found in the database (the busiest agency's `member@`). */
const ACCOUNTS = {
  lead: env.BENCH_LEAD ?? (DEMO ? 'lead@demo.local' : 'lead@large.local'),
  member: env.BENCH_MEMBER ?? (DEMO ? 'member@northwind.demo.local' : null),
  admin: env.BENCH_ADMIN ?? (DEMO ? 'admin@demo.local' : 'admin@large.local'),
};
const TARGET_P95_MS = 50;
const TARGET_RATIO = 0.6;
const TARGET_RSS_MB = 300;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = join(ROOT, 'dist/apps/api/main.js');
const RAW = join(ROOT, 'tools/bench/lists-raw-server.mjs');
const COUNTER = join(ROOT, 'tools/bench/count-queries.cjs');
const EMBEDDED_USER = 'agency_portal:agency_portal_local';

const say = (message) => process.stdout.write(`${message}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** The routes, who reads them, a filter a person would use and the field a search term is taken from. */
const ROUTES = [
  {
    name: 'business units',
    path: '/api/business-units',
    who: ['lead'],
    filter: 'operatingModel=coe',
    searchIn: 'name',
  },
  {
    name: 'agencies',
    path: '/api/agencies',
    who: ['lead', 'member'],
    filter: 'status=active',
    searchIn: 'name',
  },
  { name: 'users', path: '/api/users', who: ['lead'], filter: 'role=agency_member', searchIn: 'name' },
  { name: 'goals', path: '/api/goals', who: ['lead', 'member'], filter: 'status=active', searchIn: 'name' },
  {
    name: 'contracts',
    path: '/api/contracts',
    who: ['lead', 'member'],
    filter: 'status=active',
    searchIn: 'title',
  },
  {
    name: 'briefs',
    path: '/api/briefs',
    who: ['lead', 'member'],
    filter: 'status=in_progress',
    searchIn: 'title',
  },
  {
    name: 'deliverables',
    path: '/api/deliverables',
    who: ['lead', 'member'],
    filter: 'status=in_review',
    searchIn: 'title',
  },
  {
    name: 'review queue',
    path: '/api/deliverables?awaitingMe=true',
    who: ['lead'],
    filter: null,
    searchIn: 'title',
  },
  {
    name: 'approval policies',
    path: '/api/approval-policies',
    who: ['lead'],
    filter: 'kind=business_unit',
    searchIn: 'name',
  },
  { name: 'comments', path: null, who: ['lead', 'member'], filter: 'resolved=false', searchIn: 'body' },
  {
    name: 'notifications',
    path: '/api/notifications',
    who: ['lead', 'member'],
    filter: 'unread=true',
    searchIn: 'title',
  },
  {
    name: 'mail outbox',
    path: '/api/mail-outbox',
    who: ['admin'],
    filter: 'status=not_sent',
    searchIn: 'subject',
  },
  {
    name: 'audit events',
    path: '/api/audit-events',
    who: ['admin'],
    filter: 'entity=deliverable',
    searchIn: 'actorEmail',
  },
];

const withQuery = (path, query) => (query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path);

/** The first word of four or more letters or digits in a value: a term a person might type. */
function searchTerm(value) {
  const match = /[\p{L}\p{N}]{4,}/u.exec(String(value ?? ''));
  return match ? match[0].toLowerCase() : null;
}

async function getJson(base, path, token) {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function signIn(base, email) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200)
    throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return (await response.json()).accessToken;
}

/** The startup flags `npm start` gives the API. */
function startFlags() {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/apps\/api\/main\.js/.exec(scripts.start ?? '');
  if (!match) throw new Error('package.json scripts.start does not run node dist/apps/api/main.js');
  return match[1].split(/\s+/).filter(Boolean);
}

function startProcess(args, childEnv, logFile) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = [];
  const keep = (chunk) => {
    log.push(chunk.toString('utf8'));
    if (log.length > 200) log.shift();
  };
  if (logFile) child.stdout.pipe(createWriteStream(logFile));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return { child, log };
}

async function stopProcess(proc) {
  if (!proc || proc.child.exitCode !== null) return;
  const exited = new Promise((done) => proc.child.once('exit', done));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(base, proc, path, what) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null)
      throw new Error(`${what} exited (${proc.child.exitCode}):\n${proc.log.join('')}`);
    try {
      const response = await fetch(`${base}${path}`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${what} did not come up in 300 s:\n${proc.log.join('')}`);
}

/** The statements a process has sent to PostgreSQL so far (count-queries.cjs, or the raw server's own). */
function queriesOf(proc) {
  return new Promise((done) => {
    const onMessage = (message) => {
      if (message && typeof message.queries === 'number') {
        proc.child.off('message', onMessage);
        done(message.queries);
      }
    };
    proc.child.on('message', onMessage);
    proc.child.send('queries');
  });
}

function rssOf(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

function cpuSecondsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Holds the connections open for the run; returns latencies (ms), throughput and CPU per request. */
async function load(base, path, token, pid, rss) {
  const latencies = [];
  let failures = 0;
  const cpuBefore = cpuSecondsOf(pid);
  const sampler = setInterval(() => {
    rss.peak = Math.max(rss.peak, rssOf(pid));
  }, 100);
  const result = await new Promise((done, fail) => {
    const instance = autocannon(
      {
        url: `${base}${path}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
      },
      (error, outcome) => (error ? fail(error) : done(outcome)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode !== 200) failures += 1;
      latencies.push(responseTime);
    });
  });
  clearInterval(sampler);
  const cpu = cpuSecondsOf(pid) - cpuBefore;
  latencies.sort((a, b) => a - b);
  const requests = result.requests.total;
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: requests / (result.duration || SECONDS),
    cpuMsPerRequest: requests ? (cpu * 1000) / requests : NaN,
    failures: failures + result.errors + result.timeouts,
  };
}

/** Statements per request: the counter's difference over a few sequential requests. */
async function queriesPerRequest(proc, base, path, token) {
  const times = 10;
  const before = await queriesOf(proc);
  for (let index = 0; index < times; index += 1) await getJson(base, path, token);
  return ((await queriesOf(proc)) - before) / times;
}

/** Where two JSON values first differ, for the report. */
function firstDifference(a, b, path = '$') {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `${path}: API ${JSON.stringify(a)?.slice(0, 80)} vs raw ${JSON.stringify(b)?.slice(0, 80)}`;
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference(a[key], b[key], `${path}.${key}`);
    if (found) return found;
  }
  return `${path}: differs`;
}

async function ensureLargeData(dataDir) {
  if (env.DATABASE_URL || existsSync(join(dirname(dataDir), 'summary.json'))) return;
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  if (!scripts['seed:large']) {
    throw new Error(
      `No large data in ${dataDir} and no \`npm run seed:large\` to make it (set DATABASE_URL or BENCH_DATA=demo).`,
    );
  }
  say(`No large data in ${dataDir}: running npm run seed:large first …`);
  await new Promise((done, fail) => {
    const child = spawn('npm', ['run', 'seed:large'], { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`seed:large exited with ${code}`))));
    child.on('error', fail);
  });
}

/** The `member@` account of the agency with the most briefs. */
async function busiestMember(database) {
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT u.email FROM users u
         JOIN (SELECT c.agency_id, count(*) AS briefs FROM briefs b JOIN contracts c ON c.id = b.contract_id
                GROUP BY c.agency_id) busy ON busy.agency_id = u.agency_id
        WHERE u.role = 'agency_member' AND u.email LIKE 'member@%' AND u.active
        ORDER BY busy.briefs DESC LIMIT 1`,
    );
    if (!rows[0]) throw new Error('No member@ account of an agency with briefs: set BENCH_MEMBER.');
    return rows[0].email;
  } finally {
    await client.end();
  }
}

/** Builds every case: URLs, who asks, and the ids the detail routes open. */
async function buildCases(apiBase, tokens, database) {
  const cases = [];
  const first = async (path, who) => {
    const answer = await getJson(apiBase, path, tokens[who]);
    if (answer.status !== 200)
      throw new Error(`${path} as ${who}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const client = new pg.Client({ connectionString: database });
  await client.connect();
  const memberAgency = (await client.query('SELECT agency_id FROM users WHERE email = $1', [ACCOUNTS.member]))
    .rows[0]?.agency_id;
  const busiestVersion = (
    await client.query(
      `SELECT cm.version_id FROM comments cm JOIN deliverable_versions v ON v.id = cm.version_id
         JOIN deliverables d ON d.id = v.deliverable_id JOIN briefs b ON b.id = d.brief_id
         JOIN contracts c ON c.id = b.contract_id
        WHERE c.agency_id = $1 AND c.status <> 'draft' AND b.status <> 'draft'
        GROUP BY cm.version_id ORDER BY count(*) DESC, cm.version_id LIMIT 1`,
      [memberAgency],
    )
  ).rows[0]?.version_id;
  await client.end();

  for (const route of ROUTES) {
    const path = route.path ?? (busiestVersion ? `/api/versions/${busiestVersion}/comments` : null);
    if (!path) continue;
    for (const who of route.who) {
      const firstPage = await first(path, who);
      let cursor = firstPage.nextCursor;
      let depth = 1;
      while (cursor && depth < DEEP_PAGES) {
        const next = await first(withQuery(path, `cursor=${encodeURIComponent(cursor)}`), who);
        if (!next.nextCursor) break;
        cursor = next.nextCursor;
        depth += 1;
      }
      const term = searchTerm(firstPage.items[0]?.[route.searchIn]);
      const add = (kind, url) => cases.push({ route: route.name, who, kind, path: url });
      add('first page', path);
      if (cursor) add(`page ${depth + 1}`, withQuery(path, `cursor=${encodeURIComponent(cursor)}`));
      if (route.filter) add(`filter ${route.filter}`, withQuery(path, route.filter));
      if (term) add(`search "${term}"`, withQuery(path, `q=${encodeURIComponent(term)}`));
    }
  }
  const memberBriefs = await first('/api/briefs?status=in_progress', 'member');
  const memberContracts = await first('/api/contracts?status=active', 'member');
  const inReview = await first('/api/deliverables?status=in_review', 'member');
  for (const who of ['lead', 'member']) {
    const add = (routeName, id, prefix) =>
      id && cases.push({ route: routeName, who, kind: 'detail', path: `${prefix}/${id}`, detail: true });
    add('brief page', memberBriefs.items[0]?.id, '/api/briefs');
    add('contract page', memberContracts.items[0]?.id, '/api/contracts');
    add('deliverable page', inReview.items[0]?.id, '/api/deliverables');
  }
  return cases.filter((entry) => !ONLY || ONLY.test(`${entry.route} · ${entry.who} · ${entry.kind}`));
}

function formatRow(result) {
  const { api, raw } = result;
  const ratio = raw.rps ? api.rps / raw.rps : NaN;
  return `| ${result.route} | ${result.who} | ${result.kind} | ${api.p50.toFixed(1)} | ${api.p95.toFixed(1)} | ${api.rps.toFixed(0)} | ${raw.p95.toFixed(1)} | ${raw.rps.toFixed(0)} | ${(ratio * 100).toFixed(0)} % | ${api.cpuMsPerRequest.toFixed(2)} / ${raw.cpuMsPerRequest.toFixed(2)} | ${result.queries.api} / ${result.queries.raw} |`;
}

async function main() {
  if (!existsSync(MAIN)) {
    say(`${MAIN} is missing: build the API first (npx nx build api), or run npm run bench:lists.`);
    process.exitCode = 1;
    return;
  }
  const demo = DEMO;
  const work = demo ? mkdtempSync(join(tmpdir(), 'agency-portal-bench-lists-')) : null;
  if (work) chmodSync(work, 0o755);
  const dataDir = demo
    ? join(work, 'postgres')
    : resolve(env.BENCH_PG_DATA_DIR ?? join(ROOT, '.data/large/postgres'));
  const pgPort = Number(env.BENCH_PG_PORT ?? (demo ? 54349 : 54340));
  let api;
  let raw;
  const cleanUp = async () => {
    await stopProcess(raw);
    await stopProcess(api);
    if (work) rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));

  try {
    if (!demo) await ensureLargeData(dataDir);
    const database = env.DATABASE_URL ?? `postgres://${EMBEDDED_USER}@127.0.0.1:${pgPort}/agency_portal`;
    const jwtSecret = randomBytes(32).toString('hex');
    const apiEnv = {
      PATH: env.PATH,
      HOME: env.HOME,
      PORT: String(API_PORT),
      JWT_SECRET: jwtSecret,
      ACCESS_TOKEN_TTL_SECONDS: '7200',
      SEED_DEMO: demo ? 'true' : 'false',
      JOBS_ENABLED: 'false',
      WEB_DIST_DIR: join(tmpdir(), 'agency-portal-bench-no-web'),
      STORAGE_DIR: demo ? join(work, 'files') : join(dirname(dataDir), 'files'),
      ...(env.DATABASE_URL
        ? { DATABASE_URL: env.DATABASE_URL }
        : { EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) }),
      ...(env.LOG_LEVEL ? { LOG_LEVEL: env.LOG_LEVEL } : {}),
    };
    const flags = [...startFlags(), ...(env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean)];
    say(
      `List benchmark: ${CONNECTIONS} connections, ${SECONDS} s × ${ROUNDS} interleaved rounds per server and case`,
    );
    say(`  data: ${env.DATABASE_URL ? 'DATABASE_URL' : dataDir}${demo ? ' (demo, throwaway)' : ''}`);
    say(
      `  API started as npm start does: node ${[...flags, '--require count-queries.cjs', 'main.js'].join(' ')}`,
    );
    api = startProcess([...flags, '--require', COUNTER, MAIN], apiEnv, env.BENCH_API_LOG);
    const apiBase = `http://127.0.0.1:${API_PORT}`;
    const rawBase = `http://127.0.0.1:${RAW_PORT}`;
    await waitFor(apiBase, api, '/api/health', 'The API');
    raw = startProcess([RAW], {
      PATH: env.PATH,
      PORT: String(RAW_PORT),
      DATABASE_URL: database,
      JWT_SECRET: jwtSecret,
    });
    await waitFor(rawBase, raw, '/api/briefs', 'The raw server');
    say(`  API pid ${api.child.pid}, raw server pid ${raw.child.pid}`);

    if (!ACCOUNTS.member) ACCOUNTS.member = await busiestMember(database);
    say(`  signed in as ${Object.values(ACCOUNTS).join(', ')}`);
    const tokens = {};
    for (const [who, email] of Object.entries(ACCOUNTS)) tokens[who] = await signIn(apiBase, email);
    const cases = await buildCases(apiBase, tokens, database);
    say(`  ${cases.length} cases; checking that both servers answer the same JSON …`);

    const mismatches = [];
    for (const entry of cases) {
      const [fromApi, fromRaw] = await Promise.all([
        getJson(apiBase, entry.path, tokens[entry.who]),
        getJson(rawBase, entry.path, tokens[entry.who]),
      ]);
      const difference =
        fromApi.status !== 200 || fromRaw.status !== 200
          ? `status API ${fromApi.status}, raw ${fromRaw.status}`
          : firstDifference(fromApi.body, fromRaw.body);
      if (difference) mismatches.push(`${entry.route} · ${entry.who} · ${entry.kind}: ${difference}`);
      entry.items = fromApi.body?.items?.length ?? null;
    }
    for (const line of mismatches) say(`  DIFFERENT ${line}`);

    if (env.BENCH_EXPLAIN === '1') {
      for (const entry of cases.filter((item) => !item.detail)) {
        const response = await fetch(`${rawBase}${entry.path}`, {
          headers: { authorization: `Bearer ${tokens[entry.who]}`, 'x-explain': '1' },
        });
        const { plan = [] } = await response.json();
        const time = plan.find((line) => line.startsWith('Execution Time')) ?? '';
        say(`\n### ${entry.route} · ${entry.who} · ${entry.kind} — ${time}`);
        for (const line of plan.filter((row) => !/^(Planning|Execution) Time/.test(row))) say(`    ${line}`);
      }
      return;
    }

    const rss = { peak: rssOf(api.child.pid) };
    const results = [];
    for (const entry of cases) {
      const runs = { api: [], raw: [] };
      for (let round = 0; round < ROUNDS; round += 1) {
        runs.api.push(await load(apiBase, entry.path, tokens[entry.who], api.child.pid, rss));
        runs.raw.push(await load(rawBase, entry.path, tokens[entry.who], raw.child.pid, { peak: 0 }));
      }
      const summarise = (list) => ({
        p50: median(list.map((run) => run.p50)),
        p95: median(list.map((run) => run.p95)),
        rps: median(list.map((run) => run.rps)),
        cpuMsPerRequest: median(list.map((run) => run.cpuMsPerRequest)),
        failures: list.reduce((sum, run) => sum + run.failures, 0),
      });
      const result = {
        ...entry,
        api: summarise(runs.api),
        raw: summarise(runs.raw),
        queries: {
          api: await queriesPerRequest(api, apiBase, entry.path, tokens[entry.who]),
          raw: await queriesPerRequest(raw, rawBase, entry.path, tokens[entry.who]),
        },
      };
      results.push(result);
      say(formatRow(result));
    }

    say('');
    say(
      `| route | as | case | API p50 ms | API p95 ms | API req/s | raw p95 ms | raw req/s | API/raw | CPU ms/req API / raw | SQL/req API / raw |`,
    );
    say('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const result of results) say(formatRow(result));
    say('');

    const pages = results.filter((result) => result.kind === 'first page' || result.kind.startsWith('page '));
    const slow = pages.filter((result) => !(result.api.p95 < TARGET_P95_MS));
    const ratios = results.map((result) => result.api.rps / result.raw.rps);
    const behind = results.filter((result) => !(result.api.rps / result.raw.rps >= TARGET_RATIO));
    const failed = results.filter((result) => result.api.failures + result.raw.failures > 0);
    const peakMb = rss.peak / 1024 / 1024;
    say(
      `First and deep pages: API p95 worst ${Math.max(...pages.map((result) => result.api.p95)).toFixed(1)} ms (target < ${TARGET_P95_MS} ms)`,
    );
    say(
      `API/raw throughput: median ${(median(ratios) * 100).toFixed(0)} %, lowest ${(Math.min(...ratios) * 100).toFixed(0)} % (target ≥ ${TARGET_RATIO * 100} %)`,
    );
    say(`API peak RSS under load: ${peakMb.toFixed(0)} MB (target < ${TARGET_RSS_MB} MB)`);
    for (const result of slow)
      say(`  MISSED p95: ${result.route} · ${result.who} · ${result.kind} ${result.api.p95.toFixed(1)} ms`);
    for (const result of behind) {
      say(
        `  MISSED ratio: ${result.route} · ${result.who} · ${result.kind} ${((result.api.rps / result.raw.rps) * 100).toFixed(0)} %`,
      );
    }
    for (const result of failed) say(`  NON-200 answers: ${result.route} · ${result.who} · ${result.kind}`);
    say(
      mismatches.length
        ? `${mismatches.length} cases answered differently:`
        : 'Both servers answered every case with equal JSON.',
    );
    for (const line of mismatches) say(`  DIFFERENT ${line}`);
    if (env.BENCH_JSON)
      writeFileSync(env.BENCH_JSON, JSON.stringify({ results, peakRssMb: peakMb, mismatches }, null, 2));
    if (mismatches.length || slow.length || behind.length || failed.length || peakMb >= TARGET_RSS_MB)
      process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
