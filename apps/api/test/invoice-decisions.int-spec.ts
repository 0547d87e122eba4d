import type { ApiErrorBody, ContractDetailDto, InvoiceDetailDto } from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type TestApp } from './support/test-app';
import {
  approvedDeliverables,
  contractBySuffix,
  invoiceBody,
  submitted,
  uploadInvoicePdf,
} from './support/spend';

/** Issue 13: finance decides exactly once, two people above the threshold, agencies hear of it. */
describe('invoices: finance decisions', () => {
  let t: TestApp;
  let lead: string;
  let finance: string;
  let finance2: string;
  let northwind: string;
  let northwindAdmin: string;
  let southpeak: string;
  let korea: ContractDetailDto;

  /** A submitted Northwind invoice for `count` new deliverables (KRW; the demo threshold is ₩50,000,000). */
  async function invoiceOf(count: number, price?: number): Promise<InvoiceDetailDto> {
    const ids = await approvedDeliverables(t, korea, { lead, agency: northwind }, count, `Work ${count}`);
    const body = invoiceBody(korea, await uploadInvoicePdf(t, northwind), ids);
    if (price !== undefined) for (const line of body.lines) line.unitPriceMinor = price;
    return submitted(t, northwind, body);
  }

  const post = (path: string, token: string, body: object = {}) =>
    t.http().post(path).set(bearer(token)).send(body);

  async function noticesOf(email: string, kind: string): Promise<{ title: string; body: string }[]> {
    await t.deliverEvents();
    return t.dataSource.query(
      `SELECT n.title, n.body FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE u.email = $1 AND n.kind = $2 ORDER BY n.created_at`,
      [email, kind],
    );
  }

  beforeAll(async () => {
    t = await createTestApp({ INVOICE_DUAL_APPROVAL_THRESHOLDS: 'KRW=50000000,IDR=500000000,USD=25000' });
    lead = (await t.login(DEMO.lead)).accessToken;
    finance = (await t.login(DEMO.finance)).accessToken;
    finance2 = (await t.login(DEMO.finance2)).accessToken;
    northwind = (await t.login(DEMO.northwindMember)).accessToken;
    northwindAdmin = (await t.login(DEMO.northwindAdmin)).accessToken;
    southpeak = (await t.login(DEMO.southpeakMember)).accessToken;
    korea = await contractBySuffix(t, lead, 'KR-01');
  });

  afterAll(async () => {
    await t.close();
  });

  it('should approve with one finance approver below the threshold and tell the agency', async () => {
    const invoice = await invoiceOf(1);
    expect(invoice.approvalsRequired).toBe(1);
    expect(invoice.allowedActions).toEqual(['withdraw']);
    const approved = await post(`/api/invoices/${invoice.id}/approve`, finance);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvalCount: 1, version: 1 });
    expect(approved.body.allowedActions).toEqual(['pay']);
    const notices = await noticesOf(DEMO.northwindAdmin, 'invoice_decided');
    expect(notices.map((notice) => notice.title)).toContain(`Invoice ${invoice.number} approved`);
    const audit: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity = 'invoice' AND entity_id = $1 ORDER BY at`,
      [invoice.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['invoice.submitted', 'invoice.approved']);
  });

  it('should need two different finance approvers above the threshold', async () => {
    const invoice = await invoiceOf(1, 60_000_000);
    expect(invoice.approvalsRequired).toBe(2);
    const first = await post(`/api/invoices/${invoice.id}/approve`, finance);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'submitted', approvalCount: 1 });
    expect(first.body.allowedActions).toEqual(['reject']);
    const again = await post(`/api/invoices/${invoice.id}/approve`, finance);
    expect(again.status).toBe(403);
    expect((again.body as ApiErrorBody).code).toBe('four_eyes_required');
    const asked = await noticesOf(DEMO.finance2, 'invoice_submitted');
    expect(asked.map((notice) => notice.title)).toContain(
      `Invoice ${invoice.number} needs a second approval`,
    );
    const second = await post(`/api/invoices/${invoice.id}/approve`, finance2);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'approved', approvalCount: 2 });
    expect(second.body.approvals.map((approval: { by: { email: string } }) => approval.by.email)).toEqual([
      DEMO.finance,
      DEMO.finance2,
    ]);
  });

  it('should let one of two finance approvers win when they decide at the same moment', async () => {
    const invoice = await invoiceOf(1);
    const answers = await Promise.all([
      post(`/api/invoices/${invoice.id}/approve`, finance),
      post(`/api/invoices/${invoice.id}/reject`, finance2, { reason: 'Wrong period' }),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 409]);
    const loser = answers.find((answer) => answer.status === 409);
    expect((loser?.body as ApiErrorBody).code).toBe('conflict');
    expect((loser?.body as ApiErrorBody).details?.['current']).toMatchObject({ version: 1 });
    const rows: { status: string; version: number; approvals: number }[] = await t.dataSource.query(
      `SELECT status, version, (SELECT count(*)::int FROM invoice_approvals WHERE invoice_id = i.id) AS approvals
         FROM invoices i WHERE id = $1`,
      [invoice.id],
    );
    // Whichever won, the loser wrote nothing: a lost approval leaves no approval row behind.
    const winner = answers.find((answer) => answer.status === 200)?.body as InvoiceDetailDto;
    expect(rows[0]).toEqual({
      status: winner.status,
      version: 1,
      approvals: winner.status === 'approved' ? 1 : 0,
    });
  });

  it('should record one first approval when both approvers of a large invoice approve at once', async () => {
    const invoice = await invoiceOf(1, 70_000_000);
    const answers = await Promise.all([
      post(`/api/invoices/${invoice.id}/approve`, finance),
      post(`/api/invoices/${invoice.id}/approve`, finance2),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const approvals: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM invoice_approvals WHERE invoice_id = $1',
      [invoice.id],
    );
    expect(approvals[0].count).toBe(1);
    const loser = answers.find((answer) => answer.status === 409);
    const retry = await post(
      `/api/invoices/${invoice.id}/approve`,
      loser === answers[0] ? finance : finance2,
    );
    expect(retry.status).toBe(200);
    expect(retry.body.status).toBe('approved');
  });

  it('should need a reason to reject and free the deliverables for another invoice', async () => {
    const invoice = await invoiceOf(1);
    expect((await post(`/api/invoices/${invoice.id}/reject`, finance, { reason: ' ' })).status).toBe(400);
    const rejected = await post(`/api/invoices/${invoice.id}/reject`, finance, {
      reason: 'Missing PO number',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'Missing PO number' });
    const deliverableId = invoice.lines[0].deliverableId as string;
    const again = await submitted(
      t,
      northwind,
      invoiceBody(korea, await uploadInvoicePdf(t, northwind), [deliverableId], { number: invoice.number }),
    );
    expect(again.status).toBe('submitted');
    const notices = await noticesOf(DEMO.northwindMember, 'invoice_decided');
    expect(notices.find((notice) => notice.title === `Invoice ${invoice.number} rejected`)?.body).toContain(
      'Missing PO number',
    );
  });

  it('should mark an approved invoice paid with its date and reference, once', async () => {
    const invoice = await invoiceOf(1);
    expect(
      (await post(`/api/invoices/${invoice.id}/pay`, finance, { paymentDate: '2026-01-10', reference: 'X' }))
        .status,
    ).toBe(409);
    await post(`/api/invoices/${invoice.id}/approve`, finance);
    expect(
      (await post(`/api/invoices/${invoice.id}/pay`, finance, { paymentDate: '2999-01-01', reference: 'X' }))
        .status,
    ).toBe(400);
    expect(
      (await post(`/api/invoices/${invoice.id}/pay`, finance, { paymentDate: '2025-01-01', reference: 'X' }))
        .status,
    ).toBe(400);
    const answers = await Promise.all([
      post(`/api/invoices/${invoice.id}/pay`, finance, { paymentDate: '2026-01-10', reference: 'TRF-1' }),
      post(`/api/invoices/${invoice.id}/pay`, finance2, { paymentDate: '2026-01-11', reference: 'TRF-2' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const paid = answers.find((answer) => answer.status === 200)?.body as InvoiceDetailDto;
    expect(paid.status).toBe('paid');
    expect(['TRF-1', 'TRF-2']).toContain(paid.paymentReference);
    const contract = await t.http().get(`/api/contracts/${korea.id}`).set(bearer(lead));
    expect((contract.body as ContractDetailDto).budget.paidMinor).toBeGreaterThanOrEqual(paid.netMinor);
  });

  it('should let the agency withdraw a submitted invoice but not a decided one, and never decide', async () => {
    const invoice = await invoiceOf(1);
    expect((await post(`/api/invoices/${invoice.id}/approve`, northwindAdmin)).status).toBe(403);
    expect((await post(`/api/invoices/${invoice.id}/withdraw`, finance)).status).toBe(403);
    expect((await post(`/api/invoices/${invoice.id}/withdraw`, southpeak)).status).toBe(404);
    const withdrawn = await post(`/api/invoices/${invoice.id}/withdraw`, northwindAdmin);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await post(`/api/invoices/${invoice.id}/withdraw`, northwindAdmin)).status).toBe(409);
    expect((await post(`/api/invoices/${invoice.id}/approve`, finance)).status).toBe(409);
  });

  it('should list the finance queues and count them', async () => {
    const waiting = await invoiceOf(1);
    const queue = await t
      .http()
      .get('/api/invoices/finance-queue?queue=to_decide&limit=100')
      .set(bearer(finance));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(waiting.id);
    expect(queue.body.items.every((item: { status: string }) => item.status === 'submitted')).toBe(true);
    await post(`/api/invoices/${waiting.id}/approve`, finance);
    await t.dataSource.query(`UPDATE invoices SET due_date = '2026-01-06' WHERE id = $1`, [waiting.id]);
    const overdue = await t.http().get('/api/invoices/finance-queue?queue=overdue').set(bearer(finance));
    expect(
      overdue.body.items.map((item: { id: string; overdue: boolean }) => [item.id, item.overdue]),
    ).toContainEqual([waiting.id, true]);
    const counts = await t.http().get('/api/invoices/finance-queue/counts').set(bearer(finance));
    expect(counts.body.overdue).toBeGreaterThanOrEqual(1);
    expect(counts.body.awaitingPayment).toBeGreaterThanOrEqual(counts.body.overdue);
    const list = await t
      .http()
      .get(`/api/invoices?q=${waiting.number}&status=approved&overdue=true`)
      .set(bearer(finance));
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([waiting.id]);
    const theirs = await t.http().get('/api/invoices?limit=100').set(bearer(southpeak));
    expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(waiting.id);
    expect((await t.http().get(`/api/invoices/${waiting.id}`).set(bearer(southpeak))).status).toBe(404);
  });
});
