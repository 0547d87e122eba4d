import type { ApiErrorBody, ContractDetailDto, InvoiceDetailDto } from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type TestApp } from './support/test-app';
import {
  approvedDeliverables,
  contractBySuffix,
  invoiceBody,
  submit,
  submitted,
  uploadInvoicePdf,
} from './support/spend';

/** Issue 13: agencies submit invoices; the server prices, checks and refuses; nothing half-written. */
describe('invoices: submission', () => {
  let t: TestApp;
  let lead: string;
  let northwind: string;
  let southpeak: string;
  let korea: ContractDetailDto;
  let indonesia: ContractDetailDto;

  async function counts(): Promise<{ invoices: number; lines: number; keys: number; audit: number }> {
    const rows = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM invoices) AS invoices, (SELECT count(*)::int FROM invoice_lines) AS lines,
              (SELECT count(*)::int FROM idempotency_keys) AS keys,
              (SELECT count(*)::int FROM audit_events WHERE entity = 'invoice') AS audit`,
    );
    return rows[0];
  }

  beforeAll(async () => {
    t = await createTestApp();
    lead = (await t.login(DEMO.lead)).accessToken;
    northwind = (await t.login(DEMO.northwindMember)).accessToken;
    southpeak = (await t.login(DEMO.southpeakMember)).accessToken;
    korea = await contractBySuffix(t, lead, 'KR-01');
    indonesia = await contractBySuffix(t, lead, 'ID-01');
  });

  afterAll(async () => {
    await t.close();
  });

  it('should price the lines from the rate card and compute net, tax and gross when an agency submits', async () => {
    const ids = await approvedDeliverables(t, korea, { lead, agency: northwind }, 2);
    const document = await uploadInvoicePdf(t, northwind);
    const body = invoiceBody(korea, document, ids);
    body.lines[1].unitPriceMinor = 1_600_000;
    const invoice = await submitted(t, northwind, body);
    const price = korea.rateCard[0].unitPriceMinor;
    expect(invoice).toMatchObject({
      status: 'submitted',
      currency: 'KRW',
      netMinor: price + 1_600_000,
      taxRateBp: korea.taxRateBp,
      approvalCount: 0,
    });
    expect(invoice.grossMinor).toBe(invoice.netMinor + invoice.taxMinor);
    expect(invoice.lines.map((line) => line.checks.priceDeviationMinor)).toEqual([null, 1_600_000 - price]);
    expect(invoice.checks.priceDeviations).toBe(1);
    expect(invoice.lines[0].goalId).toBe(korea.allocations[0].goalId);
    const detail = await t.http().get(`/api/contracts/${korea.id}`).set(bearer(lead));
    expect((detail.body as ContractDetailDto).budget.invoicedMinor).toBe(invoice.netMinor);
  });

  it('should refuse bad input with a clear code and store nothing', async () => {
    const [id] = await approvedDeliverables(t, korea, { lead, agency: northwind }, 1, 'Refusals');
    const document = await uploadInvoicePdf(t, northwind);
    const before = await counts();
    const item = korea.rateCard[0];
    const hour = korea.rateCard.find((entry) => entry.unit === 'hour');
    const cases: [string, object, number, string][] = [
      [
        'a negative quantity',
        invoiceBody(korea, document, [id], {
          lines: [{ rateCardItemId: item.id, quantity: -1, deliverableId: id }],
        }),
        400,
        'validation_failed',
      ],
      [
        'a fractional deliverable',
        invoiceBody(korea, document, [id], {
          lines: [{ rateCardItemId: item.id, quantity: 1.5, deliverableId: id }],
        }),
        400,
        'validation_failed',
      ],
      [
        'three decimals of hours',
        invoiceBody(korea, document, [], {
          lines: [{ rateCardItemId: hour?.id ?? item.id, quantity: 1.255 }],
        }),
        400,
        'validation_failed',
      ],
      [
        'a price below one won',
        invoiceBody(korea, document, [id], {
          lines: [{ rateCardItemId: item.id, quantity: 1, deliverableId: id, unitPriceMinor: 1500.5 }],
        }),
        400,
        'validation_failed',
      ],
      ['another currency', invoiceBody(korea, document, [id], { currency: 'USD' }), 422, 'currency_mismatch'],
      [
        'an unknown rate card item',
        invoiceBody(korea, document, [id], {
          lines: [{ rateCardItemId: indonesia.rateCard[0].id, quantity: 1, deliverableId: id }],
        }),
        400,
        'validation_failed',
      ],
      [
        'a deliverable item without its deliverable',
        invoiceBody(korea, document, [], { lines: [{ rateCardItemId: item.id, quantity: 1 }] }),
        400,
        'validation_failed',
      ],
      [
        'another agency’s contract',
        invoiceBody(indonesia, document, [], {
          lines: [{ rateCardItemId: indonesia.rateCard[1].id, quantity: 1 }],
        }),
        404,
        'not_found',
      ],
      [
        'a due date before the issue date',
        invoiceBody(korea, document, [id], { dueDate: '2025-12-31' }),
        400,
        'validation_failed',
      ],
      [
        'a document that was never uploaded',
        invoiceBody(korea, '00000000-0000-4000-8000-000000000000', [id]),
        400,
        'validation_failed',
      ],
    ];
    const answers = [];
    for (const [label, body, status, code] of cases) {
      const response = await submit(t, northwind, body);
      answers.push(`${label}: ${response.status} ${(response.body as ApiErrorBody).code}`);
      expect(`${label}: ${response.status} ${(response.body as ApiErrorBody).code}`).toBe(
        `${label}: ${status} ${code}`,
      );
    }
    expect(answers).toHaveLength(cases.length);
    expect(await counts()).toEqual(before);
  });

  it('should refuse unapproved, foreign and already billed deliverables, and a number used twice', async () => {
    const [billed, other] = await approvedDeliverables(
      t,
      korea,
      { lead, agency: northwind },
      2,
      'Billed once',
    );
    const first = await submitted(
      t,
      northwind,
      invoiceBody(korea, await uploadInvoicePdf(t, northwind), [billed]),
    );
    const [unapproved] = await approvedDeliverables(t, korea, { lead, agency: northwind }, 1, 'Not yet');
    await t.dataSource.query(`UPDATE deliverables SET status = 'draft' WHERE id = $1`, [unapproved]);
    const [southpeakWork] = await approvedDeliverables(
      t,
      indonesia,
      { lead, agency: southpeak },
      1,
      'Theirs',
    );
    const document = await uploadInvoicePdf(t, northwind);
    const before = await counts();
    const attempts: [string, object, number, string][] = [
      ['already billed', invoiceBody(korea, document, [billed]), 409, 'already_billed'],
      ['not approved', invoiceBody(korea, document, [unapproved]), 422, 'deliverable_not_billable'],
      [
        'another agency’s deliverable',
        invoiceBody(korea, document, [southpeakWork]),
        422,
        'deliverable_not_billable',
      ],
      [
        'the same number again',
        invoiceBody(korea, document, [other], { number: first.number.toLowerCase() }),
        409,
        'invoice_number_taken',
      ],
      [
        'the PDF of another invoice',
        invoiceBody(korea, first.document.id, [other]),
        400,
        'validation_failed',
      ],
    ];
    for (const [label, body, status, code] of attempts) {
      const response = await submit(t, northwind, body);
      expect(`${label}: ${response.status} ${(response.body as ApiErrorBody).code}`).toBe(
        `${label}: ${status} ${code}`,
      );
    }
    expect(await counts()).toEqual(before);
  });

  it('should refuse a file that is not a PDF by its content', async () => {
    const response = await t
      .http()
      .post('/api/invoices/documents')
      .set(bearer(northwind))
      .attach('file', Buffer.from('<html>not a pdf</html>'), {
        filename: 'invoice.pdf',
        contentType: 'application/pdf',
      });
    expect(response.status).toBe(415);
    expect((response.body as ApiErrorBody).code).toBe('unsupported_media_type');
  });

  it('should replay the first answer and create nothing when the same key and body come again', async () => {
    const ids = await approvedDeliverables(t, korea, { lead, agency: northwind }, 1, 'Replay');
    const body = invoiceBody(korea, await uploadInvoicePdf(t, northwind), ids);
    const first = await submit(t, northwind, body, 'key-replay-1');
    expect(first.status).toBe(201);
    const before = await counts();
    const again = await submit(t, northwind, body, 'key-replay-1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual(before);
    const changed = await submit(t, northwind, { ...body, number: `${body.number}-B` }, 'key-replay-1');
    expect(changed.status).toBe(422);
    expect((changed.body as ApiErrorBody).code).toBe('idempotency_key_reused');
    expect(await counts()).toEqual(before);
  });

  it('should create one invoice when two identical requests race on one key', async () => {
    const ids = await approvedDeliverables(t, korea, { lead, agency: northwind }, 1, 'Race on a key');
    const body = invoiceBody(korea, await uploadInvoicePdf(t, northwind), ids);
    const before = await counts();
    const answers = await Promise.all([
      submit(t, northwind, body, 'key-race-1'),
      submit(t, northwind, body, 'key-race-1'),
      submit(t, northwind, body, 'key-race-1'),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((answer) => (answer.body as InvoiceDetailDto).id)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    const after = await counts();
    expect(after.invoices).toBe(before.invoices + 1);
    expect(after.keys).toBe(before.keys + 1);
  });

  it('should bill a deliverable once when two invoices for it are submitted at the same moment', async () => {
    const [contested] = await approvedDeliverables(t, korea, { lead, agency: northwind }, 1, 'Contested');
    const bodies = await Promise.all(
      [1, 2, 3].map(async () => invoiceBody(korea, await uploadInvoicePdf(t, northwind), [contested])),
    );
    const answers = await Promise.all(bodies.map((body) => submit(t, northwind, body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    expect(
      answers.filter((answer) => answer.status === 409).map((answer) => (answer.body as ApiErrorBody).code),
    ).toEqual(['already_billed', 'already_billed']);
    const lines: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM invoice_lines WHERE deliverable_id = $1',
      [contested],
    );
    expect(lines[0].count).toBe(1);
  });

  it('should draft an invoice from the approved, unbilled deliverables priced from the rate card', async () => {
    const ids = await approvedDeliverables(t, indonesia, { lead, agency: southpeak }, 2, 'Pay on approval');
    const draft = await t
      .http()
      .post('/api/invoices/draft')
      .set(bearer(southpeak))
      .send({ contractId: indonesia.id, deliverableIds: ids });
    expect(draft.status).toBe(200);
    expect(draft.body.lines).toHaveLength(2);
    expect(draft.body.currency).toBe('IDR');
    expect(draft.body.netMinor).toBe(2 * indonesia.rateCard[0].unitPriceMinor);
    const all = await t
      .http()
      .post('/api/invoices/draft')
      .set(bearer(southpeak))
      .send({ contractId: indonesia.id });
    expect(all.status).toBe(200);
    expect(all.body.lines.map((line: { deliverableId: string }) => line.deliverableId)).toEqual(
      expect.arrayContaining(ids),
    );
    const foreign = await t
      .http()
      .post('/api/invoices/draft')
      .set(bearer(northwind))
      .send({ contractId: indonesia.id });
    expect(foreign.status).toBe(404);
  });
});
