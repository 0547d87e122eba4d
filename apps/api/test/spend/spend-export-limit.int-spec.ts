import { Client } from 'pg';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { seedDemoSpend } from '../../src/app/seed/demo-spend';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

const QUEUE_WAIT_MS = 1000;

/**
 * Exports hold a connection each for as long as they stream: at most DB_EXPORTS_MAX run at once,
 * one more waits DB_EXPORTS_QUEUE_WAIT_MS for a slot and is then refused with 429 `exports_busy`,
 * so a crowd of exports never takes the pool from ordinary requests. An export is held running by
 * another session's exclusive lock on the invoice lines its cursor reads.
 */
describe('spend export: a limited number at once', () => {
  let t: TestApp;
  let finance: string;
  let locker: Client;

  beforeAll(async () => {
    t = await createTestApp({ DB_EXPORTS_MAX: '1', DB_EXPORTS_QUEUE_WAIT_MS: String(QUEUE_WAIT_MS) });
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);
    await seedDemoSpend(t.dataSource, storage, t.config.invoiceDualApprovalThresholds);
    finance = (await t.login(DEMO.finance)).accessToken;
    locker = new Client({ connectionString: t.config.databaseUrl });
    await locker.connect();
  }, 120_000);

  afterAll(async () => {
    await locker.end();
    await t.close();
  });

  async function lockLines(): Promise<void> {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE invoice_lines IN ACCESS EXCLUSIVE MODE');
  }

  async function untilWaitingOnLock(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [row] = await t.dataSource.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if ((row?.count ?? 0) > 0) return;
      if (Date.now() > deadline) throw new Error('the export never reached the lock');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  function download(format: 'csv' | 'xlsx') {
    return t
      .http()
      .get(`/api/spend/export?groupBy=month&format=${format}${format === 'csv' ? '&view=lines' : ''}`)
      .set(bearer(finance))
      .then((response) => ({
        status: response.status,
        code: (response.body as { code?: string }).code,
        retryAfter: response.headers['retry-after'],
      }));
  }

  it('should refuse an export past the limit after its wait, with Retry-After, while requests still answer', async () => {
    await lockLines();
    let first: ReturnType<typeof download>;
    try {
      first = download('csv');
      await untilWaitingOnLock();
      const started = Date.now();
      const second = await download('xlsx');
      expect(second).toEqual({ status: 429, code: 'exports_busy', retryAfter: '30' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(QUEUE_WAIT_MS - 50);
      // Ordinary requests keep their connections.
      expect((await t.http().get('/api/invoices?limit=5').set(bearer(finance))).status).toBe(200);
    } finally {
      await locker.query('COMMIT');
    }
    expect((await first).status).toBe(200);
    // The slot is free again.
    expect((await download('xlsx')).status).toBe(200);
  });

  it('should hand the slot to an export waiting in line when the running one ends', async () => {
    await lockLines();
    let first: ReturnType<typeof download>;
    let second: ReturnType<typeof download>;
    try {
      first = download('csv');
      await untilWaitingOnLock();
      second = download('csv');
      await new Promise((resolve) => setTimeout(resolve, QUEUE_WAIT_MS / 4));
    } finally {
      await locker.query('COMMIT');
    }
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });
});
