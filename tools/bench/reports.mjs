#!/usr/bin/env node
/**
 * Reporting benchmark (not a test): the goal dashboard, the goal overview and the finance spend
 * report through the real HTTP path with authentication, against the built API on the large
 * organisation (`npm run seed:large`: 10M daily metric rows, a million invoice lines), each next
 * to SQL run directly from this process, interleaved request by request so a neighbour's load on
 * the shared machine falls on both alike.
 *
 *   npx nx build api && node tools/bench/reports.mjs      (npm run bench:reports does both)
 *
 * Per case: BENCH_REPEATS requests, p50/p95 of
 *   - API: the request, signed in, through the HTTP stack, access rules and mapping;
 *   - SQL: exactly the statements that request sent to PostgreSQL (capture-sql.cjs), run directly
 *     on a pool, all at once (a lower bound: the API sends some one after another). When the API
 *     reads a rollup, so do these: the ratio is what the API adds to its own best SQL;
 *   - check: the case's hand-written SQL over the raw tables (performance_metrics, goal_outcomes,
 *     invoice lines' totals) for the headline figures, which must equal the API's answer
 *     (a mismatch fails the run), timed too: what the figure costs without any rollup.
 * Targets (issue 14): API p95 < 300 ms and within 1.5× the SQL p95. Exits 1 when one is missed.
 *
 * Adding a case: push an entry onto CASES below (the scorecards' two cases are examples):
 *   { name, as: 'lead' | 'finance' | 'agency' | …  (an account of summary.json, see `account`),
 *     path: (facts) => '/api/…',            // facts: what `facts()` found in the data
 *     check: async (pool, body, facts) => [] // hand-written SQL: mismatches as strings, or []
 *   }
 * and, when it needs a particular record, find it in `facts()` with one query.
 *
 * Environment: BENCH_REPEATS (20), BENCH_API_PORT (3013), BENCH_PG_PORT / LARGE_PG_PORT (the large
 * data's port, 54340), BENCH_PG_DATA_DIR, DATABASE_URL, BENCH_PASSWORD (large-password),
 * BENCH_ONLY=substring (run the cases whose name contains it), BENCH_STATEMENTS=1 (time each
 * captured statement alone), BENCH_JSON=FILE.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import {
  benchTarget,
  capturedSql,
  direct,
  format,
  say,
  signIn,
  startApi,
  stopApi,
  summary,
  timedGet,
  waitForApi,
} from './api-harness.mjs';

const env = process.env;
const REPEATS = Number(env.BENCH_REPEATS ?? 20);
const PASSWORD = env.BENCH_PASSWORD ?? 'large-password';
const TARGET_P95_MS = 300;
const TARGET_RATIO = 1.5;

const today = () => new Date().toISOString().slice(0, 10);

/** The KPI column of a goal's metric, picked in SQL (revenue only in the goal's currency). */
const KPI_VALUE = `CASE g.kpi_metric WHEN 'impressions' THEN m.impressions WHEN 'reach' THEN m.reach
  WHEN 'engagements' THEN m.engagements WHEN 'clicks' THEN m.clicks WHEN 'video_views' THEN m.video_views
  WHEN 'conversions' THEN m.conversions
  WHEN 'revenue' THEN CASE WHEN m.revenue_currency = g.target_currency THEN m.revenue_minor END END`;

/**
 * Each goal's KPI actual from the raw rows: its deliverables' daily figures (of the agency's
 * contracts only, when `agencyId`) and, in-house, its own outcomes, up to yesterday.
 */
async function actuals(pool, goalIds, agencyId = null) {
  const { rows } = await pool.query(
    `WITH g AS (
       SELECT id, kpi_metric, target_currency, period_start, LEAST(period_end, CAST($2 AS date) - 1) AS last_day
         FROM marketing_goals WHERE id = ANY($1::uuid[])
     )
     SELECT g.id,
            COALESCE((SELECT sum(${KPI_VALUE})
                        FROM brief_goals bg JOIN briefs b ON b.id = bg.brief_id JOIN contracts c ON c.id = b.contract_id
                        JOIN deliverables d ON d.brief_id = b.id
                        JOIN performance_metrics m ON m.deliverable_id = d.id
                       WHERE bg.goal_id = g.id AND m.metric_date BETWEEN g.period_start AND g.last_day
                         AND ($3::uuid IS NULL OR c.agency_id = $3)), 0)
          + CASE WHEN $3::uuid IS NULL THEN
              COALESCE((SELECT sum(o.value) FROM goal_outcomes o
                         WHERE o.goal_id = g.id AND o.metric = g.kpi_metric AND o.outcome_date BETWEEN g.period_start AND g.last_day
                           AND (g.kpi_metric <> 'revenue' OR o.currency = g.target_currency)), 0)
            ELSE 0 END AS actual
       FROM g`,
    [goalIds, today(), agencyId],
  );
  return new Map(rows.map((row) => [row.id, Number(row.actual)]));
}

function mismatch(label, api, expected) {
  return api === expected ? [] : [`${label}: API ${api}, SQL ${expected}`];
}

/** The records the cases use, found in the data with one query each. */
async function facts(pool, summaryFile) {
  const summaryJson = JSON.parse(readFileSync(summaryFile, 'utf8'));
  const served = `SELECT bg.goal_id, count(*) AS published FROM brief_goals bg
                    JOIN deliverables d ON d.brief_id = bg.brief_id AND d.status = 'published'
                   GROUP BY bg.goal_id`;
  const pick = async (where) => {
    const { rows } = await pool.query(
      `SELECT g.id, g.name, s.published::int FROM marketing_goals g JOIN (${served}) s ON s.goal_id = g.id
        WHERE g.kpi_metric <> 'followers' AND ${where} ORDER BY s.published DESC, g.id LIMIT 1`,
    );
    if (!rows[0]) throw new Error(`no goal where ${where}`);
    return rows[0];
  };
  const biggest = await pick('true');
  const active = await pick(`g.period_start <= CURRENT_DATE AND g.period_end >= CURRENT_DATE`);
  const revenue = await pick(`g.kpi_metric = 'revenue'`);
  const agencyAdmin = summaryJson.agencies.biggest.admin;
  const { rows: agencyRows } = await pool.query(`SELECT u.agency_id FROM users u WHERE u.email = $1`, [
    agencyAdmin,
  ]);
  const agencyId = agencyRows[0]?.agency_id;
  const { rows: agencyGoal } = await pool.query(
    `SELECT bg.goal_id AS id, count(*)::int AS published FROM brief_goals bg JOIN briefs b ON b.id = bg.brief_id
       JOIN contracts c ON c.id = b.contract_id JOIN deliverables d ON d.brief_id = b.id AND d.status = 'published'
       JOIN marketing_goals g ON g.id = bg.goal_id AND g.kpi_metric <> 'followers'
      WHERE c.agency_id = $1 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    [agencyId],
  );
  const { rows: year } = await pool.query(`SELECT extract(year FROM CURRENT_DATE)::int - 1 AS year`);
  return {
    summary: summaryJson,
    biggest,
    active,
    revenue,
    agency: { email: agencyAdmin, id: agencyId, goal: agencyGoal[0] },
    lastYear: year[0].year,
  };
}

/** The goal dashboard's headline figure against the raw rows. */
function dashboardCase(name, as, goalOf, scoped = false) {
  return {
    name,
    as,
    path: (f) => `/api/goal-reports/${goalOf(f).id}`,
    check: async (pool, body, f) => {
      const expected = await actuals(pool, [goalOf(f).id], scoped ? f.agency.id : null);
      return mismatch('KPI actual', body.kpi.actual, expected.get(goalOf(f).id));
    },
  };
}

/** Every row of an overview page against the raw rows. */
function overviewCheck() {
  return async (pool, body) => {
    const expected = await actuals(
      pool,
      body.items.map((row) => row.goalId),
    );
    return body.items.flatMap((row) =>
      mismatch(`actual of ${row.name}`, row.actual, expected.get(row.goalId)),
    );
  };
}

/** The quarter before the current one, as `2026-Q3`. */
function lastQuarter(now = new Date()) {
  const index = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) - 1;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

const CASES = [
  dashboardCase('dashboard, goal with most deliverables', 'lead', (f) => f.biggest),
  dashboardCase('dashboard, a running goal', 'lead', (f) => f.active),
  dashboardCase('dashboard, a revenue goal', 'lead', (f) => f.revenue),
  dashboardCase('dashboard, agency admin (own work)', 'agency', (f) => f.agency.goal, true),
  {
    name: 'overview, newest 25 goals',
    as: 'lead',
    path: () => '/api/goal-reports?limit=25',
    check: overviewCheck(),
  },
  {
    name: 'overview, last year, 100 goals',
    as: 'lead',
    path: (f) => `/api/goal-reports?limit=100&periodFrom=${f.lastYear}-01-01&periodTo=${f.lastYear}-12-31`,
    check: overviewCheck(),
  },
  {
    name: 'scorecards, last quarter, by on-time rate',
    as: 'lead',
    path: () => `/api/scorecards?quarter=${lastQuarter()}&sort=-onTimeRate&withTotal=true&limit=25`,
    check: async (pool, body) => {
      // Every agency is compared; each row's on-time figure is a share of its own sample.
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM agencies');
      const mismatches =
        body.total?.count === rows[0].n ? [] : [`agencies ${body.total?.count} ≠ ${rows[0].n}`];
      for (const row of body.items ?? []) {
        const { count, sample, value } = row.figures.onTimeRate;
        if (value !== null && Math.abs(value - count / sample) > 1e-9)
          mismatches.push(`${row.agencyName} on time`);
      }
      return mismatches;
    },
  },
  {
    name: 'scorecard of the agency, 8 quarters',
    as: 'agency',
    path: (f) => `/api/scorecards/agencies/${f.agency.id}?quarters=8`,
    check: async (_pool, body, f) =>
      body.agencyId === f.agency.id && body.quarters?.length === 8 ? [] : ['trend of 8 quarters'],
  },
  ...['goal', 'agency', 'month'].map((group) => ({
    name: `spend report by ${group}`,
    as: 'finance',
    path: () => `/api/spend/report?groupBy=${group}`,
    check: async (pool, body) => {
      const { rows } = await pool.query(
        `SELECT i.currency, sum(t.amount_minor)::text AS amount FROM invoice_goal_totals t
           JOIN invoices i ON i.id = t.invoice_id WHERE i.status IN ('submitted', 'approved', 'paid')
          GROUP BY 1 ORDER BY 1`,
      );
      return rows.flatMap((row) =>
        mismatch(
          `${row.currency} total`,
          body.totals.find((total) => total.currency === row.currency)?.amountMinor,
          Number(row.amount),
        ),
      );
    },
  })),
];

/** The account a case signs in as: a key of summary.json's accounts, or 'agency' (the biggest agency's admin). */
function account(f, key) {
  if (key === 'agency') return f.agency.email;
  const found = f.summary.accounts[key];
  if (!found) throw new Error(`no account ${key} in summary.json`);
  return found.email;
}

async function main() {
  const target = benchTarget('bench:reports');
  if (!target) {
    process.exitCode = 1;
    return;
  }
  const { base, database, apiEnv, summaryFile } = target;
  let api;
  let pool;
  const cleanUp = async () => {
    await pool?.end();
    await stopApi(api);
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));
  const failures = [];
  const results = [];
  try {
    api = startApi(apiEnv);
    await waitForApi(base, api);
    pool = new pg.Pool({ connectionString: database, max: 8 });
    const found = await facts(pool, summaryFile);
    const { rows: volume } = await pool.query(`
      SELECT (SELECT reltuples FROM pg_class WHERE oid = 'performance_metrics'::regclass)::bigint AS metrics,
             (SELECT count(*) FROM goal_outcomes)::int AS outcomes,
             (SELECT count(*) FROM deliverables)::int AS deliverables,
             (SELECT count(*) FROM marketing_goals)::int AS goals,
             (SELECT reltuples FROM pg_class WHERE oid = 'invoice_lines'::regclass)::bigint AS lines`);
    const v = volume[0];
    say(
      `Reports benchmark: ~${Number(v.metrics).toLocaleString('en')} daily metric rows, ${v.outcomes.toLocaleString('en')} goal outcomes, ` +
        `${v.deliverables.toLocaleString('en')} deliverables, ${v.goals} goals, ~${Number(v.lines).toLocaleString('en')} invoice lines; ` +
        `${REPEATS} requests per case; load average ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}`,
    );
    say(
      `  goals: most deliverables "${found.biggest.name}" (${found.biggest.published} published), running "${found.active.name}" ` +
        `(${found.active.published}), revenue "${found.revenue.name}" (${found.revenue.published}); agency ${found.agency.email}`,
    );
    const tokens = new Map();
    const tokenFor = async (key) => {
      const email = account(found, key);
      if (!tokens.has(email)) tokens.set(email, await signIn(base, email, PASSWORD));
      return tokens.get(email);
    };
    say('');
    say(
      '  case                                        API p50   API p95   SQL p50   SQL p95   ratio p95   check p50',
    );
    for (const entry of CASES.filter(
      (candidate) => !env.BENCH_ONLY || candidate.name.includes(env.BENCH_ONLY),
    )) {
      const token = await tokenFor(entry.as);
      const path = entry.path(found);
      const first = await timedGet(base, path, token); // warm up, check, and capture its statements
      await capturedSql(api);
      const problems = await entry.check(pool, JSON.parse(first.body), found);
      await timedGet(base, path, token);
      const statements = await capturedSql(api);
      const apiTimes = [];
      const sqlTimes = [];
      const checkTimes = [];
      for (let index = 0; index < REPEATS; index += 1) {
        apiTimes.push((await timedGet(base, path, token)).ms);
        sqlTimes.push(await direct(pool, statements));
        if (index < 5) {
          const started = performance.now();
          await entry.check(pool, JSON.parse(first.body), found);
          checkTimes.push(performance.now() - started);
        }
      }
      await capturedSql(api);
      if (env.BENCH_STATEMENTS === '1') {
        // Each statement alone, for finding the slow one.
        for (const statement of statements) {
          const started = performance.now();
          await pool.query(statement.text, statement.values);
          say(
            `      ${format(performance.now() - started).padStart(9)}  ${statement.text.replace(/\s+/g, ' ').slice(0, 110)}`,
          );
        }
      }
      const apiFigures = summary(apiTimes);
      const sqlFigures = summary(sqlTimes);
      const checkFigures = summary(checkTimes);
      const ratio = apiFigures.p95 / sqlFigures.p95;
      results.push({
        ...(env.BENCH_STATEMENTS === '1' ? { sent: statements } : {}),
        name: entry.name,
        path,
        statements: statements.length,
        api: apiFigures,
        sql: sqlFigures,
        check: checkFigures,
        ratio,
        problems,
      });
      say(
        `  ${entry.name.padEnd(42)} ${format(apiFigures.p50).padStart(8)}  ${format(apiFigures.p95).padStart(8)}  ` +
          `${format(sqlFigures.p50).padStart(8)}  ${format(sqlFigures.p95).padStart(8)}   ${ratio.toFixed(2).padStart(5)}×    ` +
          `${format(checkFigures.p50).padStart(8)}  (${statements.length} statements)`,
      );
      for (const problem of problems) failures.push(`${entry.name}: ${problem}`);
      if (apiFigures.p95 > TARGET_P95_MS) failures.push(`${entry.name}: p95 ${format(apiFigures.p95)}`);
      if (ratio > TARGET_RATIO) failures.push(`${entry.name}: ${ratio.toFixed(2)}× the direct SQL`);
    }
    if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, JSON.stringify(results, null, 2));
    say('');
    say(
      `  load average at the end: ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')}`,
    );
    for (const failure of failures) say(`  MISSED ${failure}`);
    say(failures.length ? `${failures.length} target(s) missed.` : 'Every target met, every answer checked.');
    process.exitCode = failures.length ? 1 : 0;
  } catch (error) {
    if (api?.child.exitCode !== null)
      say(`The API exited (${api?.child.exitCode}); its last output:\n${api?.log.join('')}`);
    throw error;
  } finally {
    await cleanUp();
  }
}

main().catch((error) => {
  process.stderr.write(
    `bench:reports failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
