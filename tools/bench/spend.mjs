#!/usr/bin/env node
/**
 * Spend benchmark (not a test): the finance spend report and its exports through the real HTTP
 * path with authentication, against the built API on the large organisation (`npm run
 * seed:large`: a million invoice lines in KRW, IDR and USD), next to the same SQL run directly in
 * the same run.
 *
 *   npx nx build api && node tools/bench/spend.mjs      (npm run bench:spend does both)
 *
 * The API runs with capture-sql.cjs preloaded, which hands over the statements each request sent
 * to PostgreSQL (text and parameters); "direct" runs exactly those statements with `pg` from this
 * process, all at once on a pool (a lower bound: the API sends some of them one after another).
 *
 * Report: each grouping (month, agency, business unit, goal, contract) over all the data, plus a
 * filtered one (a currency and a year) and one with the reporting-currency column, each
 * BENCH_REPEATS times sequentially through the API and directly, p50/p95 of both and their ratio.
 * Export: the lines CSV and the XLSX of a period holding ~BENCH_EXPORT_LINES lines, and the CSV of
 * every line, streamed to nowhere; time to the last byte, rows received (parsed back), and the
 * API's RSS before and at its peak (sampled every 20 ms), next to the same cursor read directly.
 * Then the same XLSX read by a slow client (BENCH_SLOW_READ_KBPS, 512 kB/s: slower than the API
 * writes it), which must not grow the API's live memory: the rows are pulled only as fast as the
 * client reads. Its file is checked to end in a whole zip (the end of its central directory).
 *
 * Targets (issue 13): report p95 < 300 ms and within 1.5× of the direct SQL; the export of 100k
 * lines streams in constant memory (peak RSS growth under 100 MB, and the full export's no more
 * than the 100k one's plus 50 MB; behind the slow client, live memory after collection grows
 * under 25 MB). Exits 1 when one is missed.
 *
 * Environment: BENCH_REPEATS (20), BENCH_ONLY_EXPORTS=1 (skips the report cases), BENCH_EXPORT_LINES (100000),
 * BENCH_EXPORT_CASES (csv,xlsx,full,slow: which exports run), BENCH_SLOW_READ_KBPS (512), BENCH_API_PORT (3013),
 * BENCH_PG_PORT / LARGE_PG_PORT (the large data's port, 54340), BENCH_PG_DATA_DIR, DATABASE_URL,
 * BENCH_FINANCE (finance@large.local), BENCH_PASSWORD (large-password), BENCH_JSON=FILE.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
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
const EXPORT_LINES = Number(env.BENCH_EXPORT_LINES ?? 100_000);
const PASSWORD = env.BENCH_PASSWORD ?? 'large-password';
const FINANCE = env.BENCH_FINANCE ?? 'finance@large.local';
const TARGET_P95_MS = 300;
const TARGET_RATIO = 1.5;
const TARGET_EXPORT_GROWTH_MB = 100;
const TARGET_FULL_EXTRA_MB = 50;
const TARGET_SLOW_LIVE_GROWTH_MB = 25;
const EXPORT_CASES = new Set((env.BENCH_EXPORT_CASES ?? 'csv,xlsx,full,slow').split(','));
const SLOW_READ_BYTES_PER_SECOND = Number(env.BENCH_SLOW_READ_KBPS ?? 512) * 1024;
const mb = (bytes) => bytes / 1024 / 1024;

function rssOf(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** A period of whole months from the newest back, holding about `lines` live invoice lines. */
async function periodOf(pool, lines) {
  const { rows } = await pool.query(`
    SELECT to_char(date_trunc('month', i.issue_date), 'YYYY-MM-DD') AS month, count(*)::int AS lines
      FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
     WHERE i.status IN ('submitted', 'approved', 'paid')
     GROUP BY 1 ORDER BY 1 DESC`);
  let total = 0;
  let from = rows[0]?.month;
  for (const row of rows) {
    if (total >= lines) break;
    total += row.lines;
    from = row.month;
  }
  const to = rows[0] ? new Date(Date.parse(`${rows[0].month}T00:00:00Z`)) : new Date();
  to.setUTCMonth(to.getUTCMonth() + 1);
  to.setUTCDate(0);
  return { from, to: to.toISOString().slice(0, 10), lines: total };
}

/** The API's memory still live after a full collection (capture-sql.cjs), in bytes. */
function liveHeap(api) {
  return new Promise((done) => {
    const onMessage = (message) => {
      if (message && message.heap) {
        api.child.off('message', onMessage);
        done(message.heap.live);
      }
    };
    api.child.on('message', onMessage);
    api.child.send('heap');
  });
}

/**
 * Reads a download at `bytesPerSecond` (16 kB at a time, each after its share of the second), as
 * a client on a slow link would: the server's writes wait on the socket. Counts the bytes and keeps
 * the last 64 kB (to check the zip is whole).
 */
async function slowRead(body, bytesPerSecond) {
  let bytes = 0;
  let tail = Buffer.alloc(0);
  const reader = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk, _encoding, done) {
      bytes += chunk.length;
      tail = Buffer.concat([tail, chunk]).subarray(-64 * 1024);
      setTimeout(done, (chunk.length / bytesPerSecond) * 1000);
    },
  });
  await pipeline(Readable.fromWeb(body), reader);
  return { bytes, tail };
}

/** A zip ends with its end-of-central-directory record (PK 5 6), 22 bytes plus a comment. */
function endsAsZip(tail) {
  return tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) >= tail.length - 22 - 0xffff;
}

/**
 * Streams an export, sampling the API's RSS every 20 ms and its live memory (after a forced
 * collection) every second; parses the CSV rows (or the XLSX lines sheet) back, or, with
 * `slowBytesPerSecond`, only reads the file that slowly.
 */
async function timedExport(base, path, token, api, slowBytesPerSecond = 0) {
  const pid = api.child.pid;
  const liveBefore = await liveHeap(api);
  let livePeak = liveBefore;
  let sampling = Promise.resolve();
  const liveSampler = setInterval(() => {
    sampling = sampling.then(async () => {
      livePeak = Math.max(livePeak, await liveHeap(api));
    });
  }, 1000);
  const rssBefore = rssOf(pid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    if (existsSync(`/proc/${pid}`)) peak = Math.max(peak, rssOf(pid));
  }, 20);
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let rows = 0;
  let whole = null;
  const counter = new Writable({
    write(chunk, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const body = response.body;
  if (slowBytesPerSecond) {
    const read = await slowRead(body, slowBytesPerSecond);
    bytes = read.bytes;
    whole = endsAsZip(read.tail);
  } else if (path.includes('format=csv')) {
    const parser = parse({ relax_column_count: true, bom: true });
    parser.on('data', () => {
      rows += 1;
    });
    const [forCount, forParse] = body.tee();
    await Promise.all([pipeline(forCount, counter), pipeline(forParse, parser)]);
  } else {
    const [forCount, forParse] = body.tee();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.fromWeb(forParse), {
      sharedStrings: 'ignore',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
    });
    const parsing = (async () => {
      for await (const sheet of reader) {
        if (sheet.name !== 'Lines') {
          for await (const row of sheet) void row;
          continue;
        }
        for await (const row of sheet) {
          void row;
          rows += 1;
        }
      }
    })();
    await Promise.all([pipeline(forCount, counter), parsing]);
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  clearInterval(liveSampler);
  await sampling;
  return {
    ms,
    bytes,
    rows,
    whole,
    rssBeforeMb: mb(rssBefore),
    rssPeakMb: mb(peak),
    growthMb: mb(peak - rssBefore),
    liveBeforeMb: mb(liveBefore),
    livePeakMb: mb(livePeak),
    liveGrowthMb: mb(livePeak - liveBefore),
  };
}

/** The export's cursor statement read directly with pg-query-stream, rows counted. */
async function directCursor(pool, statement) {
  const client = await pool.connect();
  try {
    const started = performance.now();
    let rows = 0;
    const stream = client.query(new QueryStream(statement.text, statement.values, { batchSize: 500 }));
    for await (const row of stream) {
      void row;
      rows += 1;
    }
    return { ms: performance.now() - started, rows };
  } finally {
    client.release();
  }
}

async function main() {
  const target = benchTarget('bench:spend');
  if (!target) {
    process.exitCode = 1;
    return;
  }
  const { base, database, apiEnv } = target;
  let api;
  let pool;
  const cleanUp = async () => {
    await pool?.end();
    await stopApi(api);
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void cleanUp().finally(() => process.exit(143)));
  const failures = [];
  const results = { report: [], exports: [] };
  try {
    api = startApi(apiEnv);
    await waitForApi(base, api);
    pool = new pg.Pool({ connectionString: database, max: 8 });
    const token = await signIn(base, FINANCE, PASSWORD);
    const { rows: volume } = await pool.query(
      `SELECT (SELECT count(*) FROM invoice_lines)::int AS lines, (SELECT count(*) FROM invoices)::int AS invoices`,
    );
    say(
      `Spend benchmark: ${volume[0].lines.toLocaleString('en')} invoice lines in ${volume[0].invoices.toLocaleString('en')} invoices; ` +
        `${REPEATS} sequential requests per case, API pid ${api.child.pid}, signed in as ${FINANCE}`,
    );

    const year = (
      await pool.query(`SELECT extract(year FROM max(issue_date))::int - 1 AS year FROM invoices`)
    ).rows[0].year;
    const cases = [
      ...['month', 'agency', 'business_unit', 'goal', 'contract'].map((group) => ({
        name: `by ${group}, everything`,
        path: `/api/spend/report?groupBy=${group}`,
      })),
      {
        name: `by month, KRW in ${year}`,
        path: `/api/spend/report?groupBy=month&currency=KRW&from=${year}-01-01&to=${year}-12-31`,
      },
      {
        name: 'by agency, in USD at finance rates',
        path: '/api/spend/report?groupBy=agency&reportingCurrency=USD',
      },
    ];
    say('\nReport (GET /api/spend/report)');
    say('  case                                   API p50   API p95   SQL p50   SQL p95   ratio p95');
    for (const entry of env.BENCH_ONLY_EXPORTS === '1' ? [] : cases) {
      await timedGet(base, entry.path, token); // warm up, and capture its statements
      await capturedSql(api);
      await timedGet(base, entry.path, token);
      const statements = await capturedSql(api);
      const apiTimes = [];
      const sqlTimes = [];
      // Interleaved, so a neighbour's load on the shared machine falls on both alike.
      for (let index = 0; index < REPEATS; index += 1) {
        apiTimes.push((await timedGet(base, entry.path, token)).ms);
        sqlTimes.push(await direct(pool, statements));
      }
      await capturedSql(api);
      const apiFigures = summary(apiTimes);
      const sqlFigures = summary(sqlTimes);
      const ratio = apiFigures.p95 / sqlFigures.p95;
      results.report.push({
        ...entry,
        statements: statements.length,
        api: apiFigures,
        sql: sqlFigures,
        ratio,
      });
      say(
        `  ${entry.name.padEnd(38)} ${format(apiFigures.p50).padStart(8)}  ${format(apiFigures.p95).padStart(8)}  ` +
          `${format(sqlFigures.p50).padStart(8)}  ${format(sqlFigures.p95).padStart(8)}   ${ratio.toFixed(2)}× (${statements.length} statements)`,
      );
      if (apiFigures.p95 > TARGET_P95_MS)
        failures.push(`report ${entry.name}: p95 ${format(apiFigures.p95)}`);
      if (ratio > TARGET_RATIO) failures.push(`report ${entry.name}: ${ratio.toFixed(2)}× the direct SQL`);
    }

    const period = await periodOf(pool, EXPORT_LINES);
    const filter = `from=${period.from}&to=${period.to}`;
    const exports = [
      {
        key: 'csv',
        name: `CSV lines, ${period.from} – ${period.to}`,
        path: `/api/spend/export?groupBy=month&format=csv&view=lines&${filter}`,
        expected: period.lines,
      },
      {
        key: 'xlsx',
        name: `XLSX, ${period.from} – ${period.to}`,
        path: `/api/spend/export?groupBy=month&format=xlsx&${filter}`,
        expected: period.lines,
      },
      {
        key: 'full',
        name: 'CSV lines, everything',
        path: '/api/spend/export?groupBy=month&format=csv&view=lines',
        expected: null,
      },
      {
        key: 'slow',
        name: `XLSX at ${SLOW_READ_BYTES_PER_SECOND / 1024} kB/s, same period`,
        path: `/api/spend/export?groupBy=month&format=xlsx&${filter}`,
        expected: period.lines,
        slow: SLOW_READ_BYTES_PER_SECOND,
      },
    ].filter((entry) => EXPORT_CASES.has(entry.key));
    say(
      `\nExport (GET /api/spend/export), streamed; about ${EXPORT_LINES.toLocaleString('en')} lines in the period`,
    );
    say(
      '  case                                   lines      MB      API time  cursor direct  RSS before → peak     live after GC',
    );
    for (const entry of exports) {
      await capturedSql(api);
      const run = await timedExport(base, entry.path, token, api, entry.slow);
      const cursor = (await capturedSql(api)).find((statement) => statement.cursor);
      const directRun = cursor ? await directCursor(pool, cursor) : { ms: NaN, rows: NaN };
      results.exports.push({ ...entry, ...run, directMs: directRun.ms, directRows: directRun.rows });
      say(
        `  ${entry.name.padEnd(38)} ${String(directRun.rows).padStart(8)}  ${mb(run.bytes).toFixed(1).padStart(6)}  ` +
          `${format(run.ms).padStart(10)}  ${format(directRun.ms).padStart(12)}  ${run.rssBeforeMb.toFixed(0)} → ${run.rssPeakMb.toFixed(0)} MB (+${run.growthMb.toFixed(0)})` +
          `   ${run.liveBeforeMb.toFixed(0)} → ${run.livePeakMb.toFixed(0)} MB (+${run.liveGrowthMb.toFixed(0)})`,
      );
      if (entry.expected !== null && directRun.rows !== entry.expected)
        failures.push(
          `export ${entry.name}: the cursor read ${directRun.rows} lines, the period has ${entry.expected}`,
        );
      if (entry.path.includes('format=csv') && run.rows < directRun.rows)
        failures.push(`export ${entry.name}: ${run.rows} CSV rows for ${directRun.rows} lines`);
      if (entry.slow && !run.whole) failures.push(`export ${entry.name}: the file is not a whole zip`);
      if (!entry.slow && entry.path.includes('format=xlsx') && run.rows !== directRun.rows + 1)
        failures.push(`export ${entry.name}: ${run.rows - 1} XLSX lines for ${directRun.rows}`);
      if (entry.slow && run.liveGrowthMb > TARGET_SLOW_LIVE_GROWTH_MB)
        failures.push(`export ${entry.name}: live memory grew ${run.liveGrowthMb.toFixed(0)} MB`);
      if (run.growthMb > TARGET_EXPORT_GROWTH_MB)
        failures.push(`export ${entry.name}: RSS grew ${run.growthMb.toFixed(0)} MB`);
    }
    const period100k = results.exports.find((entry) => entry.key === 'csv');
    const full = results.exports.find((entry) => entry.key === 'full');
    if (full && period100k && full.rssPeakMb > period100k.rssPeakMb + TARGET_FULL_EXTRA_MB)
      failures.push(
        `the full export peaked at ${full.rssPeakMb.toFixed(0)} MB, the period's at ${period100k.rssPeakMb.toFixed(0)} MB`,
      );

    if (env.BENCH_JSON) writeFileSync(env.BENCH_JSON, JSON.stringify(results, null, 2));
    say('');
    for (const failure of failures) say(`  MISSED ${failure}`);
    say(failures.length ? `${failures.length} target(s) missed.` : 'Every target met.');
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
    `bench:spend failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
