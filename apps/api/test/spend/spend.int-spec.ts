import type {
  ContractDetailDto,
  InvoiceDetailDto,
  LedgerRowDto,
  Page,
  SpendLineDto,
  SpendReportDto,
} from '@agency-portal/shared';
import { BRIEF_STATUSES, commitsBudget } from '@agency-portal/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';
import {
  approvedDeliverables,
  contractBySuffix,
  invoiceBody,
  submitted,
  uploadInvoicePdf,
} from '../support/spend';

/** Issue 13: the budget ledger, its thresholds, the spend report, its drill-down and exports, exchange rates. */
describe('spend: ledger, thresholds, report and exports', () => {
  let t: TestApp;
  let lead: string;
  let finance: string;
  let viewer: string;
  let northwind: string;
  let southpeak: string;
  let korea: ContractDetailDto;
  let indonesia: ContractDetailDto;
  const invoices: InvoiceDetailDto[] = [];

  async function invoiceFor(contract: ContractDetailDto, agency: string, count: number, issueDate: string) {
    const ids = await approvedDeliverables(t, contract, { lead, agency }, count, `Spend ${issueDate}`);
    const invoice = await submitted(
      t,
      agency,
      invoiceBody(contract, await uploadInvoicePdf(t, agency), ids, { issueDate, dueDate: issueDate }),
    );
    invoices.push(invoice);
    return invoice;
  }

  async function thresholdEvents(contractId: string): Promise<number[]> {
    const rows: { threshold: number }[] = await t.dataSource.query(
      `SELECT (payload->>'thresholdPercent')::int AS threshold FROM outbox_events
        WHERE type = 'budget.threshold_crossed' AND payload->>'contractId' = $1 ORDER BY occurred_at`,
      [contractId],
    );
    return rows.map((row) => row.threshold);
  }

  beforeAll(async () => {
    t = await createTestApp();
    lead = (await t.login(DEMO.lead)).accessToken;
    finance = (await t.login(DEMO.finance)).accessToken;
    viewer = (await t.login(DEMO.viewer)).accessToken;
    northwind = (await t.login(DEMO.northwindMember)).accessToken;
    southpeak = (await t.login(DEMO.southpeakMember)).accessToken;
    korea = await contractBySuffix(t, lead, 'KR-01');
    indonesia = await contractBySuffix(t, lead, 'ID-01');
  });

  afterAll(async () => {
    await t.close();
  });

  it('should keep the ledger view on the shared rule of which brief statuses commit budget', async () => {
    const rows: { status: string; commits: boolean }[] = await t.dataSource.query(
      'SELECT s AS status, brief_commits_budget(s) AS commits FROM unnest($1::text[]) s',
      [[...BRIEF_STATUSES]],
    );
    expect(rows).toEqual(BRIEF_STATUSES.map((status) => ({ status, commits: commitsBudget(status) })));
  });

  it('should announce 80 % and 100 % of the cap once per crossing, to the owner and finance', async () => {
    const price = korea.rateCard[0].unitPriceMinor;
    const six = await approvedDeliverables(t, korea, { lead, agency: northwind }, 6, 'Threshold six');
    const two = await approvedDeliverables(t, korea, { lead, agency: northwind }, 2, 'Threshold two');
    const one = await approvedDeliverables(t, korea, { lead, agency: northwind }, 1, 'Threshold one');
    await t.dataSource.query('UPDATE contracts SET budget_cap_minor = $2 WHERE id = $1', [
      korea.id,
      price * 7,
    ]);
    const doc = () => uploadInvoicePdf(t, northwind);
    await submitted(t, northwind, invoiceBody(korea, await doc(), six.slice(0, 5)));
    expect(await thresholdEvents(korea.id)).toEqual([]);
    await submitted(t, northwind, invoiceBody(korea, await doc(), [six[5]]));
    expect(await thresholdEvents(korea.id)).toEqual([80]);
    const over = await submitted(t, northwind, invoiceBody(korea, await doc(), two));
    expect(await thresholdEvents(korea.id)).toEqual([80, 100]);
    const small = await submitted(t, northwind, invoiceBody(korea, await doc(), one));
    expect(await thresholdEvents(korea.id)).toEqual([80, 100]);
    // Falling back below 100 % (a rejection) re-arms it; the next crossing is told again.
    await t.http().post(`/api/invoices/${over.id}/reject`).set(bearer(finance)).send({ reason: 'Duplicate' });
    await t
      .http()
      .post(`/api/invoices/${small.id}/reject`)
      .set(bearer(finance))
      .send({ reason: 'Duplicate' });
    expect(await thresholdEvents(korea.id)).toEqual([80, 100]);
    await submitted(t, northwind, invoiceBody(korea, await doc(), two));
    expect(await thresholdEvents(korea.id)).toEqual([80, 100, 100]);
    await t.deliverEvents();
    const told: { email: string }[] = await t.dataSource.query(
      `SELECT DISTINCT u.email FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'budget_threshold' ORDER BY 1`,
    );
    expect(told.map((row) => row.email)).toEqual([DEMO.finance, DEMO.finance2, DEMO.lead].sort());
    await t.dataSource.query('UPDATE contracts SET budget_cap_minor = $2 WHERE id = $1', [
      korea.id,
      korea.budgetCapMinor,
    ]);
  });

  it('should show the real invoiced, approved and paid figures on the contract and in the ledger', async () => {
    const invoice = await invoiceFor(korea, northwind, 2, '2026-02-10');
    await t.http().post(`/api/invoices/${invoice.id}/approve`).set(bearer(finance));
    const before = (await t.http().get(`/api/contracts/${korea.id}`).set(bearer(lead)))
      .body as ContractDetailDto;
    const ledger = await t
      .http()
      .get(`/api/budget-ledger?level=contract&contractId=${korea.id}`)
      .set(bearer(finance));
    expect(ledger.status).toBe(200);
    const row = (ledger.body as Page<LedgerRowDto>).items[0];
    expect(row).toMatchObject({
      contractId: korea.id,
      currency: 'KRW',
      capMinor: before.budget.capMinor,
      invoicedMinor: before.budget.invoicedMinor,
      approvedMinor: before.budget.approvedMinor,
      paidMinor: before.budget.paidMinor,
      remainingMinor: before.budget.remainingMinor,
    });
    expect(before.budget.approvedMinor).toBeGreaterThanOrEqual(invoice.netMinor);
    const live: { net: string }[] = await t.dataSource.query(
      `SELECT COALESCE(sum(net_minor), 0)::text AS net FROM invoices WHERE contract_id = $1 AND status IN ('submitted', 'approved', 'paid')`,
      [korea.id],
    );
    expect(before.budget.invoicedMinor).toBe(Number(live[0].net));
    const goals = await t
      .http()
      .get(`/api/budget-ledger?level=goal&contractId=${korea.id}`)
      .set(bearer(finance));
    const goalRows = (goals.body as Page<LedgerRowDto>).items;
    expect(goalRows.reduce((sum, goal) => sum + goal.invoicedMinor, 0)).toBe(before.budget.invoicedMinor);
    expect(goalRows.find((goal) => goal.goalId === korea.allocations[0].goalId)?.allocationPercent).toBe(
      korea.allocations[0].percent,
    );
    const units = await t
      .http()
      .get('/api/budget-ledger?level=business_unit&currency=KRW')
      .set(bearer(viewer));
    expect(units.status).toBe(200);
    expect((await t.http().get('/api/budget-ledger?level=contract').set(bearer(northwind))).status).toBe(403);
  });

  it('should report per currency, never summing currencies, grouped by agency, month or goal', async () => {
    await invoiceFor(indonesia, southpeak, 1, '2026-03-15');
    const byAgency = await t.http().get('/api/spend/report?groupBy=agency').set(bearer(finance));
    expect(byAgency.status).toBe(200);
    const report = byAgency.body as SpendReportDto;
    const lines: { currency: string; amount: string }[] = await t.dataSource.query(
      `SELECT i.currency, sum(l.amount_minor)::text AS amount FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
        WHERE i.status IN ('submitted', 'approved', 'paid') GROUP BY i.currency ORDER BY 1`,
    );
    expect(
      report.totals
        .filter((total) => total.lineCount > 0)
        .map((total) => [total.currency, total.amountMinor]),
    ).toEqual(lines.map((line) => [line.currency, Number(line.amount)]));
    // A currency with budget but no spend still has its total (for the chart of spend against budget).
    expect(report.totals.find((total) => total.currency === 'USD')).toMatchObject({
      amountMinor: 0,
      lineCount: 0,
    });
    expect(report.rows.map((row) => [row.label, row.currency]).sort()).toEqual([
      ['Northwind Social', 'KRW'],
      ['Southpeak Media', 'IDR'],
    ]);
    const byMonth = (await t.http().get('/api/spend/report?groupBy=month&currency=IDR').set(bearer(viewer)))
      .body as SpendReportDto;
    expect(byMonth.rows.map((row) => row.key)).toEqual(['2026-03']);
    const byGoal = (
      await t.http().get(`/api/spend/report?groupBy=goal&contractId=${korea.id}`).set(bearer(lead))
    ).body as SpendReportDto;
    expect(byGoal.rows.reduce((sum, row) => sum + row.amountMinor, 0)).toBe(
      report.totals.find((total) => total.currency === 'KRW')?.amountMinor,
    );
    expect(byGoal.totals[0].budgetCapMinor).toBe(korea.budgetCapMinor);
    // Every group is named, in the same statement as its figures.
    expect(byGoal.rows.every((row) => row.label.length > 0 && row.label !== row.key)).toBe(true);
    const byContract = (
      await t.http().get(`/api/spend/report?groupBy=contract&contractId=${korea.id}`).set(bearer(lead))
    ).body as SpendReportDto;
    expect(byContract.rows.map((row) => row.label)).toEqual([korea.reference]);
    expect((await t.http().get('/api/spend/report?groupBy=agency').set(bearer(northwind))).status).toBe(403);
  });

  it("should convert at finance's monthly rate and show the rate used, flagging a missing one", async () => {
    const created = await t
      .http()
      .post('/api/exchange-rates')
      .set(bearer(finance))
      .send({ month: '2026-03', currency: 'IDR', reportingCurrency: 'USD', rate: '0.0000625' });
    expect(created.status).toBe(201);
    expect(created.body.rate).toBe('0.0000625');
    const duplicate = await t
      .http()
      .post('/api/exchange-rates')
      .set(bearer(finance))
      .send({ month: '2026-03', currency: 'IDR', reportingCurrency: 'USD', rate: '0.00007' });
    expect(duplicate.status).toBe(409);
    expect((await t.http().post('/api/exchange-rates').set(bearer(lead)).send({})).status).toBe(403);
    const report = (
      await t.http().get('/api/spend/report?groupBy=agency&reportingCurrency=USD').set(bearer(finance))
    ).body as SpendReportDto;
    const idr = report.rows.find((row) => row.currency === 'IDR');
    const krw = report.rows.find((row) => row.currency === 'KRW');
    // Rp 15,000,000.00 × 0.0000625 = $937.50
    expect(idr?.reporting).toEqual({
      currency: 'USD',
      amountMinor: Math.round((idr?.amountMinor ?? 0) * 0.0000625),
      rates: [{ month: '2026-03', rate: '0.0000625' }],
      missingRate: false,
    });
    expect(krw?.reporting?.missingRate).toBe(true);
    const updated = await t
      .http()
      .patch(`/api/exchange-rates/${created.body.id}`)
      .set(bearer(finance))
      .send({ rate: '0.00006' });
    expect(updated.status).toBe(200);
    const audit: { action: string; before: { rate: string } | null }[] = await t.dataSource.query(
      `SELECT action, before FROM audit_events WHERE entity = 'exchange_rate' AND entity_id = $1 ORDER BY at`,
      [created.body.id],
    );
    expect(audit).toEqual([
      { action: 'exchange_rate.created', before: null },
      { action: 'exchange_rate.updated', before: { rate: '0.0000625' } },
    ]);
  });

  it('should drill down from a report row to its lines and from a line to its deliverable and goal', async () => {
    const march = await t.http().get('/api/spend/lines?month=2026-03&limit=100').set(bearer(finance));
    expect(march.status).toBe(200);
    const lines = (march.body as Page<SpendLineDto>).items;
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line.issueDate.startsWith('2026-03')).toBe(true);
      expect(
        (await t.http().get(`/api/deliverables/${line.deliverableId}`).set(bearer(finance))).status,
      ).toBe(200);
      expect((await t.http().get(`/api/goals/${line.goalId}`).set(bearer(finance))).status).toBe(200);
      expect((await t.http().get(`/api/invoices/${line.invoiceId}`).set(bearer(finance))).status).toBe(200);
    }
    expect((await t.http().get('/api/spend/lines').set(bearer(viewer))).status).toBe(403);
  });

  it('should export the same view as CSV and XLSX with the filters, the time and numeric amounts', async () => {
    const report = (await t.http().get('/api/spend/report?groupBy=agency').set(bearer(finance)))
      .body as SpendReportDto;
    const csv = await t
      .http()
      .get('/api/spend/export?groupBy=agency&format=csv&status=submitted')
      .set(bearer(finance));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // In the reader's language (finance reads English and has no time zone of their own: UTC, named).
    const summaryRows: string[][] = parse(csv.text, { bom: true, relax_column_count: true });
    expect(summaryRows[0]).toEqual(['Spend report', 'By agency']);
    expect(summaryRows).toContainEqual(['Filters', 'Status: Submitted']);
    expect(summaryRows.find((row) => row[0] === 'Exported at')?.[1]).toMatch(/\d{4}.*UTC$/);
    const linesCsv = await t
      .http()
      .get('/api/spend/export?groupBy=agency&format=csv&view=lines')
      .set(bearer(finance));
    // Parsed back: the lines after their header, each amount in its currency's decimals, adding up
    // to the report's totals per currency.
    const records: string[][] = parse(linesCsv.text, { bom: true, relax_column_count: true });
    const header = records.findIndex((record) => record[0] === 'Issue date');
    expect(header).toBeGreaterThan(0);
    const lineRows = records.slice(header + 1);
    expect(lineRows).toHaveLength(report.totals.reduce((sum, total) => sum + total.lineCount, 0));
    const summed = new Map<string, number>();
    for (const record of lineRows) {
      const [amount = '', currency = ''] = record.slice(12);
      expect(amount).toMatch(currency === 'KRW' ? /^\d+$/ : /^\d+\.\d{2}$/);
      summed.set(currency, (summed.get(currency) ?? 0) + Number(amount.replace('.', '')));
    }
    expect(Object.fromEntries(summed)).toEqual(
      Object.fromEntries(
        report.totals
          .filter((total) => total.lineCount > 0)
          .map((total) => [total.currency, total.amountMinor]),
      ),
    );

    const xlsx = await t
      .http()
      .get('/api/spend/export?groupBy=agency&format=xlsx')
      .set(bearer(finance))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const summary = workbook.getWorksheet('Summary');
    const totals: [string, number][] = [];
    summary?.eachRow((row) => {
      if (row.getCell(1).value === 'Total')
        totals.push([row.getCell(2).text, row.getCell(5).value as number]);
    });
    expect(totals).toEqual(
      report.totals.map((total) => [
        total.currency,
        total.currency === 'KRW' ? total.amountMinor : total.amountMinor / 100,
      ]),
    );
    expect(typeof totals[0][1]).toBe('number');
    const linesSheet = workbook.getWorksheet('Lines');
    expect(linesSheet?.actualRowCount).toBe(lineRows.length + 1);
    // Amounts carry their currency's decimals as a number format; the other cells none.
    const formats = new Set<string>();
    linesSheet?.eachRow((row, number) => {
      if (number === 1) return;
      const currency = row.getCell(14).text;
      expect(typeof row.getCell(13).value).toBe('number');
      expect(row.getCell(13).numFmt).toBe(currency === 'KRW' ? '#,##0' : '#,##0.00');
      expect(row.getCell(12).numFmt).toBe(row.getCell(13).numFmt);
      expect(row.getCell(2).numFmt).toBeUndefined();
      formats.add(`${currency} ${row.getCell(13).numFmt}`);
    });
    expect(formats.size).toBeGreaterThan(1);
    expect(
      (await t.http().get('/api/spend/export?groupBy=agency&format=pdf').set(bearer(finance))).status,
    ).toBe(400);
  });

  it('should make the ledger the sum of the records, with an invoice in every state on one contract', async () => {
    const ledgerOf = async (contractId: string) =>
      (
        (
          await t
            .http()
            .get(`/api/budget-ledger?level=contract&contractId=${contractId}`)
            .set(bearer(finance))
        ).body as Page<LedgerRowDto>
      ).items[0];
    const before = await ledgerOf(indonesia.id);
    const decide = async (id: string, action: string, body: object = {}) =>
      expect(
        (await t.http().post(`/api/invoices/${id}/${action}`).set(bearer(finance)).send(body)).status,
      ).toBe(200);
    const stays = await invoiceFor(indonesia, southpeak, 1, '2026-04-01');
    const approved = await invoiceFor(indonesia, southpeak, 1, '2026-04-02');
    await decide(approved.id, 'approve');
    const paid = await invoiceFor(indonesia, southpeak, 2, '2026-04-03');
    await decide(paid.id, 'approve');
    await decide(paid.id, 'pay', { paymentDate: '2026-04-20', reference: 'TRX-LEDGER-1' });
    const rejected = await invoiceFor(indonesia, southpeak, 1, '2026-04-04');
    await decide(rejected.id, 'reject', { reason: 'Wrong PO' });
    const withdrawn = await invoiceFor(indonesia, southpeak, 1, '2026-04-05');
    expect(
      (await t.http().post(`/api/invoices/${withdrawn.id}/withdraw`).set(bearer(southpeak)).send({})).status,
    ).toBe(200);

    const after = await ledgerOf(indonesia.id);
    // The new records, by the definitions: invoiced = submitted + approved + paid, approved = approved
    // + paid, paid = paid; rejected and withdrawn count nowhere. All net of tax.
    expect({
      invoiced: after.invoicedMinor - before.invoicedMinor,
      approved: after.approvedMinor - before.approvedMinor,
      paid: after.paidMinor - before.paidMinor,
    }).toEqual({
      invoiced: stays.netMinor + approved.netMinor + paid.netMinor,
      approved: approved.netMinor + paid.netMinor,
      paid: paid.netMinor,
    });
    // And the whole row from the tables themselves.
    const [sums]: { committed: string; invoiced: string; approved: string; paid: string }[] =
      await t.dataSource.query(
        `SELECT (SELECT COALESCE(sum(budget_estimate_minor), 0) FROM briefs
                  WHERE contract_id = $1 AND status IN ('accepted', 'in_progress', 'completed'))::text AS committed,
                COALESCE(sum(net_minor) FILTER (WHERE status IN ('submitted', 'approved', 'paid')), 0)::text AS invoiced,
                COALESCE(sum(net_minor) FILTER (WHERE status IN ('approved', 'paid')), 0)::text AS approved,
                COALESCE(sum(net_minor) FILTER (WHERE status = 'paid'), 0)::text AS paid
           FROM invoices WHERE contract_id = $1`,
        [indonesia.id],
      );
    const committed = Number(sums.committed);
    const invoiced = Number(sums.invoiced);
    expect(after).toMatchObject({
      currency: 'IDR',
      capMinor: indonesia.budgetCapMinor,
      committedMinor: committed,
      invoicedMinor: invoiced,
      approvedMinor: Number(sums.approved),
      paidMinor: Number(sums.paid),
      remainingMinor: indonesia.budgetCapMinor - Math.max(committed, invoiced),
    });
    // Per goal it adds up to the contract; per unit and currency to its contracts.
    const goalRows = (
      (await t.http().get(`/api/budget-ledger?level=goal&contractId=${indonesia.id}`).set(bearer(finance)))
        .body as Page<LedgerRowDto>
    ).items;
    for (const key of ['committedMinor', 'invoicedMinor', 'approvedMinor', 'paidMinor'] as const)
      expect({ key, sum: goalRows.reduce((sum, row) => sum + row[key], 0) }).toEqual({
        key,
        sum: after[key],
      });
    const unitRows = (
      (
        await t
          .http()
          .get(
            `/api/budget-ledger?level=business_unit&businessUnitId=${indonesia.businessUnitId}&currency=IDR`,
          )
          .set(bearer(finance))
      ).body as Page<LedgerRowDto>
    ).items;
    const contracts = (
      (
        await t
          .http()
          .get(
            `/api/budget-ledger?level=contract&businessUnitId=${indonesia.businessUnitId}&currency=IDR&limit=100`,
          )
          .set(bearer(finance))
      ).body as Page<LedgerRowDto>
    ).items;
    expect(unitRows).toHaveLength(1);
    expect(unitRows[0]?.invoicedMinor).toBe(contracts.reduce((sum, row) => sum + row.invoicedMinor, 0));
    expect(unitRows[0]?.paidMinor).toBe(contracts.reduce((sum, row) => sum + row.paidMinor, 0));
    // The contract page shows the same figures.
    const detail = (await t.http().get(`/api/contracts/${indonesia.id}`).set(bearer(lead)))
      .body as ContractDetailDto;
    expect(detail.budget).toMatchObject({
      invoicedMinor: after.invoicedMinor,
      approvedMinor: after.approvedMinor,
      paidMinor: after.paidMinor,
      remainingMinor: after.remainingMinor,
    });
  });
});
