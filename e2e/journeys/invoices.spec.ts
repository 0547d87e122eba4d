import { expect, test, type Page } from '@playwright/test';
import { type CellValue, Workbook } from 'exceljs';
import { choose, signIn, signOut } from '../support/session';

const INVOICE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

/** A KRW amount as shown ("KRW 48,000,000": no decimals) in minor units. */
function krw(text: string | null): number {
  return Number((text ?? '').replace(/[^\d-]/g, ''));
}

/** The contract's budget panel figure, in minor units. */
async function budget(page: Page, figure: 'invoiced' | 'approved' | 'paid'): Promise<number> {
  return krw(await page.getByTestId(`budget-${figure}`).textContent());
}

/** A text cell of the export. */
function textIn(value: CellValue): string {
  if (typeof value !== 'string') throw new Error(`Expected text, found ${JSON.stringify(value)}`);
  return value;
}

/** An amount cell of the export: a number, never text. */
function numberIn(value: CellValue): number {
  if (typeof value !== 'number')
    throw new Error(`Expected an amount as a number, found ${JSON.stringify(value)}`);
  return value;
}

/** The spend export as finance opens it: the totals of its summary and the lines of each invoice. */
async function readSpendWorkbook(
  path: string,
): Promise<{ totals: { currency: string; amount: number }[]; linesOf: (invoice: string) => number }> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(path);
  const summary = workbook.getWorksheet('Summary');
  const lines = workbook.getWorksheet('Lines');
  if (!summary || !lines) throw new Error('The workbook lacks its Summary or Lines sheet');
  const totals: { currency: string; amount: number }[] = [];
  summary.eachRow((row) => {
    if (row.getCell(1).value === 'Total') {
      totals.push({ currency: textIn(row.getCell(2).value), amount: numberIn(row.getCell(5).value) });
    }
  });
  const byInvoice = new Map<string, number>();
  lines.eachRow((row, index) => {
    if (index === 1) return;
    const invoice = textIn(row.getCell(2).value);
    byInvoice.set(invoice, (byInvoice.get(invoice) ?? 0) + numberIn(row.getCell(13).value));
  });
  return { totals, linesOf: (invoice) => byInvoice.get(invoice) ?? 0 };
}

/** Approves in the confirmation the page opens, after reading what it says. */
async function approve(page: Page, says: string): Promise<void> {
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(says);
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test.describe('invoices', () => {
  test('the agency invoices its approved work; two finance people approve it and it is paid; the agency sees it paid', async ({
    page,
  }) => {
    // Four people sign in and out in turn, and finance reads the report and its export.
    test.setTimeout(240_000);
    const number = `NW-E2E-${Date.now()}`;

    // Northwind bills the approved, not yet invoiced work of its Korea contract, plus eight months
    // of community management, which takes the invoice above the two-approver threshold (KRW 50m).
    await signIn(page, 'member@northwind.demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('link', { name: 'Invoice approved work' }).click();
    await choose(page, 'Contract', /NW-\d{4}-KR-01/);
    await expect(page.getByTestId('draft-summary')).toContainText('approved deliverables');
    const draftLines = await page.getByLabel('Quantity').count();
    expect(draftLines).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('line-amount-0')).toContainText('KRW');

    await page.getByLabel('Invoice number').fill(number);
    await choose(page, 'Add hours or months', /COMMUNITY/);
    await page.getByRole('button', { name: 'Add line', exact: true }).click();
    await page.getByLabel('Quantity').nth(draftLines).fill('8');
    await expect(page.getByTestId(`line-amount-${draftLines}`)).toHaveText('KRW 48,000,000');
    await expect(page.getByTestId('invoice-gross')).toContainText('KRW');
    await expect(page.getByTestId('invoice-gross')).not.toContainText('.');
    await page
      .getByLabel('Invoice (PDF)')
      .setInputFiles({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: INVOICE_PDF });
    await page.getByRole('button', { name: 'Submit invoice' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible();
    await expect(page.getByTestId('invoice-status')).toHaveText(/Submitted/);
    await expect(page.getByTestId('invoice-approvals')).toContainText('0 of 2 given');
    const invoiceUrl = new URL(page.url()).pathname;
    await signOut(page);

    // Finance starts from what waits for them, and gives the first of two approvals.
    await signIn(page, 'finance@demo.local');
    await expect(page.getByRole('heading', { name: 'Waiting for finance' })).toBeVisible();
    await expect(page.getByTestId('queue-to_decide')).not.toHaveText('0');
    await page.getByRole('link', { name: 'Show invoices' }).first().click();
    await expect(page).toHaveURL(/status=submitted/);
    await page.getByRole('search', { name: 'Filter invoices' }).getByLabel('Search').fill(number);
    // The list follows the search once typing rests.
    await expect(page).toHaveURL(new RegExp(`q=${number}`));
    await expect(page.getByRole('table', { name: 'Invoices' }).getByRole('row')).toHaveCount(2);
    await page.getByRole('link', { name: number }).click();
    await expect(page.getByTestId('invoice-checks')).toBeVisible();
    const net = krw(await page.locator('dt:text-is("Net") + dd').textContent());
    expect(net).toBeGreaterThan(48_000_000);

    // Before deciding, finance looks at the contract's budget: the invoice counts as invoiced only.
    await page.getByRole('link', { name: /NW-\d{4}-KR-01/ }).click();
    await expect(page.getByRole('heading', { name: 'Budget', exact: true })).toBeVisible();
    const approvedBefore = await budget(page, 'approved');
    const paidBefore = await budget(page, 'paid');
    expect(await budget(page, 'invoiced')).toBeGreaterThanOrEqual(approvedBefore + net);
    await page.goBack();
    await expect(page.getByTestId('invoice-checks')).toBeVisible();
    await approve(page, 'Yours is the first');
    await expect(page.getByTestId('invoice-approvals')).toContainText('1 of 2 given');
    await expect(page.getByTestId('second-approver')).toContainText('You gave the first approval');
    await expect(page.getByRole('button', { name: 'Approve', exact: true })).toBeHidden();
    await signOut(page);

    // A second finance person gives the other approval, then records the payment.
    await signIn(page, 'finance2@demo.local');
    await page.goto(invoiceUrl);
    await approve(page, 'counts as approved and waits for payment');
    await expect(page.getByTestId('invoice-status')).toHaveText(/Approved/);
    await page.getByRole('button', { name: 'Mark paid' }).click();
    const payment = page.getByRole('dialog');
    await payment.getByRole('button', { name: 'Mark paid' }).click();
    await expect(payment).toContainText('This field is required.');
    await payment.getByLabel('Payment reference').fill('KB-TRF-E2E-1');
    await payment.getByRole('button', { name: 'Mark paid' }).click();
    await expect(payment).toBeHidden();
    await expect(page.getByTestId('invoice-status')).toHaveText(/Paid/);
    await expect(page.getByTestId('invoice-payment')).toContainText('KB-TRF-E2E-1');

    // The contract's budget panel now counts it as approved and paid.
    await page.getByRole('link', { name: /NW-\d{4}-KR-01/ }).click();
    await expect.poll(() => budget(page, 'approved')).toBe(approvedBefore + net);
    await expect.poll(() => budget(page, 'paid')).toBe(paidBefore + net);

    // The spend report, narrowed to Northwind's paid invoices on this contract, shows it this month…
    await page.getByRole('navigation').getByRole('link', { name: 'Spend report' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Spend report' })).toBeVisible();
    await choose(page, 'Agency', 'Northwind Social');
    await choose(page, 'Contract', /NW-\d{4}-KR-01/);
    await choose(page, 'Status', /^Paid$/);
    await expect(page).toHaveURL(/status=paid/);
    await expect(page).toHaveURL(/agencyId=[0-9a-f-]{36}/);
    await expect(page).toHaveURL(/contractId=[0-9a-f-]{36}/);
    await expect(page.getByRole('figure')).toContainText('Spend over time against budget, in KRW');
    const month = new Date().toISOString().slice(0, 7);
    const monthRow = page.getByTestId(`spend-row-month~${month}~KRW`);
    await expect(monthRow).toBeVisible();
    const totalText = await page.getByTestId('total-KRW').getByTestId('total-amount').textContent();
    const total = krw(totalText);
    expect(total).toBeGreaterThanOrEqual(net);

    // …down to its lines, each leading to the invoice.
    await monthRow.getByRole('button', { name: /Invoice lines of/ }).click();
    const lines = page.getByRole('table', { name: 'Invoice lines' });
    await expect(lines.getByRole('link', { name: number }).first()).toBeVisible();

    // The same view as a workbook: its totals are the screen's, and its lines add up to the invoice.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^spend-by-month-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded' })).toBeVisible();
    const workbook = await readSpendWorkbook(await download.path());
    expect(workbook.totals).toEqual([{ currency: 'KRW', amount: total }]);
    expect(workbook.linesOf(number)).toBe(net);
    await signOut(page);

    // The agency sees it paid in its list and on the invoice.
    await signIn(page, 'member@northwind.demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Invoices' }).click();
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row).toContainText('Paid');
    await row.getByRole('link', { name: number }).click();
    await expect(page.getByTestId('invoice-payment')).toContainText('KB-TRF-E2E-1');
    await expect(page.getByRole('button', { name: 'Withdraw' })).toBeHidden();
  });
});
