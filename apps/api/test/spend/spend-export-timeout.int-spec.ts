import { parse } from 'csv-parse/sync';
import { Client } from 'pg';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { seedDemoSpend } from '../../src/app/seed/demo-spend';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

const STATEMENT_TIMEOUT_MS = 1500;
const EXPORT_STATEMENT_TIMEOUT_MS = 8000;

/**
 * Issue 13: a long export is not cut off by the statement timeout that protects ordinary requests,
 * and is still bounded by its own. Made long deterministically: another session holds an exclusive
 * lock on the tables an export reads (its summary reads the per-goal totals, its lines the invoice
 * lines), so every statement reading them waits (a lock wait counts towards statement_timeout)
 * until the test lets go.
 */
describe('spend export: its own statement timeout', () => {
  let t: TestApp;
  let finance: string;
  let locker: Client;

  beforeAll(async () => {
    t = await createTestApp({
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DB_EXPORT_STATEMENT_TIMEOUT_MS: String(EXPORT_STATEMENT_TIMEOUT_MS),
    });
    // The demo's invoices in every state, in KRW, IDR and USD, and the reviewed work they bill.
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);
    await seedDemoSpend(t.dataSource, storage, t.config.invoiceDualApprovalThresholds);
    finance = (await t.login(DEMO.finance)).accessToken;
    locker = new Client({ connectionString: t.config.databaseUrl });
    await locker.connect();
  }, 60_000);

  afterAll(async () => {
    await locker.end();
    await t.close();
  });

  async function lock(tables: string): Promise<void> {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${tables} IN ACCESS EXCLUSIVE MODE`);
  }

  /** The API's statements waiting on the lock, and how long the longest has waited. */
  async function waiting(): Promise<{ count: number; longestMs: number }> {
    const [row] = await t.dataSource.query<{ count: number; longest_ms: number | null }[]>(
      `SELECT count(*)::int AS count, max(extract(epoch FROM now() - query_start) * 1000)::int AS longest_ms
         FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    return { count: row?.count ?? 0, longestMs: row?.longest_ms ?? 0 };
  }

  async function untilWaiting(count: number): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await waiting()).count < count) {
      if (Date.now() > deadline) throw new Error(`fewer than ${count} statements waiting on the lock`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('should finish an export that runs past the ordinary statement timeout, which still cuts ordinary requests', async () => {
    const [{ lines }] = await t.dataSource.query<{ lines: number }[]>(
      `SELECT count(*)::int AS lines FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE i.status IN ('submitted', 'approved', 'paid')`,
    );
    expect(lines).toBeGreaterThan(0);
    // The summary is read at once and the file begins; the cursor over the lines waits.
    await lock('invoice_lines');
    let exported: Promise<{ status: number; text: string }>;
    try {
      exported = t
        .http()
        .get('/api/spend/export?groupBy=month&format=csv&view=lines')
        .set(bearer(finance))
        .then((response) => ({ status: response.status, text: response.text }));
      await untilWaiting(1);
      // The drill-down is an ordinary request: the lock makes it outlast DB_STATEMENT_TIMEOUT_MS.
      const drill = await t.http().get('/api/spend/lines?limit=5').set(bearer(finance));
      expect({ status: drill.status, code: (drill.body as { code?: string }).code }).toEqual({
        status: 503,
        code: 'service_unavailable',
      });
      // The export has waited longer than the ordinary timeout and is still waiting.
      const still = await waiting();
      expect(still.count).toBe(1);
      expect(still.longestMs).toBeGreaterThan(STATEMENT_TIMEOUT_MS);
    } finally {
      await locker.query('COMMIT');
    }

    const response = await exported;
    expect(response.status).toBe(200);
    const records: string[][] = parse(response.text, { bom: true, relax_column_count: true });
    const header = records.findIndex((record) => record[0] === 'Issue date');
    expect(records.slice(header + 1)).toHaveLength(lines);
  });

  it('should still end an export whose statement waits longer than its own timeout, with 503', async () => {
    await lock('invoice_goal_totals, invoice_lines');
    try {
      const started = Date.now();
      const response = await t
        .http()
        .get('/api/spend/export?groupBy=month&format=xlsx')
        .set(bearer(finance))
        .timeout(EXPORT_STATEMENT_TIMEOUT_MS * 3);
      expect({ status: response.status, code: (response.body as { code?: string }).code }).toEqual({
        status: 503,
        code: 'service_unavailable',
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(EXPORT_STATEMENT_TIMEOUT_MS);
    } finally {
      await locker.query('COMMIT');
    }
  }, 40_000);

  it('should end the download, not leave it hanging, when the export fails after the file began', async () => {
    await lock('invoice_lines');
    try {
      const download = t
        .http()
        .get('/api/spend/export?groupBy=month&format=xlsx')
        .set(bearer(finance))
        .timeout(EXPORT_STATEMENT_TIMEOUT_MS * 3);
      await expect(download).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
    } finally {
      await locker.query('COMMIT');
    }
  }, 40_000);
});
