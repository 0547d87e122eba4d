import type { InvoiceDetailDto, InvoiceDto, Page } from '@agency-portal/shared';
import { FILE_STORAGE, type FileStorage } from '../src/app/files/file-storage';
import { seedDemoReviews } from '../src/app/seed/demo-reviews';
import { seedDemoSpend } from '../src/app/seed/demo-spend';
import { bearer, createTestApp, DEMO, type TestApp } from './support/test-app';

describe('demo spend', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should meet a new user with invoices in every state for both agencies in KRW, IDR and USD', async () => {
    // Seeding the reviews and the finished work behind the invoices draws a few dozen images.
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    expect(await seedDemoReviews(t.dataSource, storage)).toBe(true);
    expect(await seedDemoSpend(t.dataSource, storage, t.config.invoiceDualApprovalThresholds)).toBe(true);
    expect(await seedDemoSpend(t.dataSource, storage, t.config.invoiceDualApprovalThresholds)).toBe(false);

    const states: { agency: string; currency: string; statuses: string[] }[] = await t.dataSource.query(
      `SELECT a.name AS agency, i.currency, array_agg(DISTINCT i.status ORDER BY i.status) AS statuses
         FROM invoices i JOIN agencies a ON a.id = i.agency_id GROUP BY a.name, i.currency ORDER BY 1, 2`,
    );
    const every = ['approved', 'paid', 'rejected', 'submitted', 'withdrawn'];
    expect(states).toEqual([
      { agency: 'Northwind Social', currency: 'KRW', statuses: every },
      { agency: 'Southpeak Media', currency: 'IDR', statuses: every },
      { agency: 'Southpeak Media', currency: 'USD', statuses: ['paid', 'rejected'] },
    ]);

    const finance = (await t.login(DEMO.finance2)).accessToken;
    const queue = await t.http().get('/api/invoices/finance-queue?queue=to_decide').set(bearer(finance));
    const waiting = (queue.body as Page<InvoiceDto>).items;
    const second = waiting.find((invoice) => invoice.approvalsRequired === 2);
    expect(second).toMatchObject({ approvalCount: 1, status: 'submitted' });
    const deviation = waiting.find((invoice) => invoice.checks.priceDeviations > 0);
    expect(deviation).toBeDefined();
    // The second approver can finish the two-person approval the demo leaves waiting.
    const approved = await t.http().post(`/api/invoices/${second?.id}/approve`).set(bearer(finance));
    expect(approved.status).toBe(200);
    expect((approved.body as InvoiceDetailDto).status).toBe('approved');

    // Every billed deliverable is approved or published, and none is billed twice among live invoices.
    const billed: { status: string; live: number }[] = await t.dataSource.query(
      `SELECT d.status, count(*) FILTER (WHERE l.live)::int AS live FROM invoice_lines l
         JOIN deliverables d ON d.id = l.deliverable_id GROUP BY d.id, d.status`,
    );
    expect(billed.every((row) => ['approved', 'published'].includes(row.status) && row.live <= 1)).toBe(true);
    const rates: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM exchange_rates',
    );
    expect(rates[0].count).toBe(12);
    const lead = (await t.login(DEMO.lead)).accessToken;
    const contracts = await t.http().get('/api/contracts?status=active').set(bearer(lead));
    for (const contract of contracts.body.items as { id: string }[]) {
      const detail = await t.http().get(`/api/contracts/${contract.id}`).set(bearer(lead));
      expect(detail.body.budget.invoicedMinor).toBeGreaterThan(0);
      expect(detail.body.budget.paidMinor).toBeGreaterThan(0);
    }
  }, 120_000);
});
