import { expect, test, type Page } from '@playwright/test';
import { choose, signIn, signOut } from '../support/session';

const INVOICE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

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
    // Four people sign in and out in turn.
    test.setTimeout(180_000);
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
