import type { ContractDetailDto, SpendReportDto } from '@agency-portal/shared';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { seedDemoSpend } from '../../src/app/seed/demo-spend';
import {
  approvedDeliverables,
  contractBySuffix,
  invoiceBody,
  submitted,
  uploadInvoicePdf,
} from '../support/spend';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

interface GoalTotal {
  invoice_id: string;
  goal_id: string;
  line_count: number;
  amount_minor: string;
}

/**
 * Issue 13: the report adds up `invoice_goal_totals`, a record derived from the lines when the
 * invoice is written. It must always equal the lines, and neither can be changed afterwards.
 */
describe('invoice goal totals', () => {
  let t: TestApp;
  let lead: string;
  let finance: string;
  let northwind: string;
  let korea: ContractDetailDto;

  /** Per invoice and goal from the lines themselves, next to the stored totals. */
  async function fromLines(): Promise<{ lines: GoalTotal[]; totals: GoalTotal[] }> {
    const order = 'ORDER BY invoice_id, goal_id';
    const lines = await t.dataSource.query<GoalTotal[]>(
      `SELECT invoice_id, goal_id, count(*)::int AS line_count, sum(amount_minor)::text AS amount_minor
         FROM invoice_lines GROUP BY invoice_id, goal_id ${order}`,
    );
    const totals = await t.dataSource.query<GoalTotal[]>(
      `SELECT invoice_id, goal_id, line_count, amount_minor::text AS amount_minor
         FROM invoice_goal_totals ${order}`,
    );
    return { lines, totals };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);
    await seedDemoSpend(t.dataSource, storage, t.config.invoiceDualApprovalThresholds);
    lead = (await t.login(DEMO.lead)).accessToken;
    finance = (await t.login(DEMO.finance)).accessToken;
    northwind = (await t.login(DEMO.northwindMember)).accessToken;
    korea = await contractBySuffix(t, lead, 'KR-01');
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  it('should write the totals of every invoice from its lines, per goal, in the same transaction', async () => {
    const demo = await fromLines();
    expect(demo.lines.length).toBeGreaterThan(0);
    expect(demo.totals).toEqual(demo.lines);

    // An invoice whose lines go to two goals (where the contract serves two).
    const goals = korea.allocations.map((allocation) => allocation.goalId);
    const ids = await approvedDeliverables(t, korea, { lead, agency: northwind }, 3, 'Two goals');
    const body = invoiceBody(korea, await uploadInvoicePdf(t, northwind), ids);
    body.lines = body.lines.map((line, index) => ({ ...line, goalId: goals[index % goals.length] }));
    const invoice = await submitted(t, northwind, body);

    const after = await fromLines();
    expect(after.totals).toEqual(after.lines);
    const own = after.totals.filter((row) => row.invoice_id === invoice.id);
    expect(own).toHaveLength(Math.min(goals.length, 3));
    expect(own.reduce((sum, row) => sum + row.line_count, 0)).toBe(3);
    expect(own.reduce((sum, row) => sum + Number(row.amount_minor), 0)).toBe(invoice.netMinor);
  });

  it('should keep the totals equal to the lines through decisions, and report what the lines add up to', async () => {
    const ids = await approvedDeliverables(t, korea, { lead, agency: northwind }, 1, 'To reject');
    const invoice = await submitted(
      t,
      northwind,
      invoiceBody(korea, await uploadInvoicePdf(t, northwind), ids),
    );
    const rejected = await t
      .http()
      .post(`/api/invoices/${invoice.id}/reject`)
      .set(bearer(finance))
      .send({ reason: 'Wrong month' });
    expect(rejected.status).toBe(200);
    const after = await fromLines();
    expect(after.totals).toEqual(after.lines);

    // The report's figures per goal are the live lines' own.
    const [live] = await t.dataSource.query<{ lines: number; amount: string }[]>(
      `SELECT count(*)::int AS lines, sum(l.amount_minor)::text AS amount
         FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE i.status IN ('submitted', 'approved', 'paid') AND i.currency = 'KRW'`,
    );
    const report = (await t.http().get('/api/spend/report?groupBy=goal&currency=KRW').set(bearer(finance)))
      .body as SpendReportDto;
    expect(report.totals.map((total) => [total.lineCount, total.amountMinor])).toEqual([
      [live?.lines, Number(live?.amount)],
    ]);
  });

  it('should refuse to change or remove a line or a total once written', async () => {
    const [line] = await t.dataSource.query<{ id: string; invoice_id: string }[]>(
      'SELECT id, invoice_id FROM invoice_lines LIMIT 1',
    );
    const refusals = [
      t.dataSource.query('UPDATE invoice_lines SET amount_minor = amount_minor + 1 WHERE id = $1', [
        line?.id,
      ]),
      t.dataSource.query(
        'UPDATE invoice_lines SET goal_id = goal_id, quantity = quantity + 1 WHERE id = $1',
        [line?.id],
      ),
      t.dataSource.query('DELETE FROM invoice_lines WHERE id = $1', [line?.id]),
      t.dataSource.query('UPDATE invoice_goal_totals SET amount_minor = 0 WHERE invoice_id = $1', [
        line?.invoice_id,
      ]),
      t.dataSource.query('DELETE FROM invoice_goal_totals WHERE invoice_id = $1', [line?.invoice_id]),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toThrow(/not allowed/);

    // What may change: whether the line is live (it follows the status), and the link to a rate
    // card item the contract no longer has (ON DELETE SET NULL).
    await expect(
      t.dataSource.query('UPDATE invoice_lines SET live = live, rate_card_item_id = NULL WHERE id = $1', [
        line?.id,
      ]),
    ).resolves.toBeDefined();
    const after = await fromLines();
    expect(after.totals).toEqual(after.lines);
  });
});
