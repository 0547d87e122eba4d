import { expect, test, type Page } from '@playwright/test';
import { choose, signIn, signOut } from '../support/session';
import { DEMO } from '../support/demo';

/** A small valid PDF, the way a signed statement of work arrives. */
const SIGNED_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Adds a rate card row the way a person does: press the button, type into the row it focuses. */
async function addRateCardItem(
  page: Page,
  index: number,
  code: string,
  description: string,
  unit: string,
  price: string,
) {
  await page.getByRole('button', { name: 'Add rate card item' }).click();
  const row = page.getByRole('group', { name: `Rate card item ${index}` });
  await expect(row.getByLabel('Code')).toBeFocused();
  await row.getByLabel('Code').fill(code);
  await row.getByLabel('Description').fill(description);
  const unitSelect = row.getByRole('combobox', { name: 'Unit' });
  await unitSelect.click();
  await page.getByRole('option', { name: unit, exact: true }).click();
  await expect(unitSelect).toHaveAttribute('aria-expanded', 'false');
  await row.getByLabel('Unit price').fill(price);
}

async function addAllocation(page: Page, index: number, goal: string | RegExp, percent: string) {
  await page.getByRole('button', { name: 'Add allocation' }).click();
  const row = page.getByRole('group', { name: `Allocation ${index}` });
  const goalSelect = row.getByRole('combobox', { name: 'Goal' });
  await expect(goalSelect).toBeFocused();
  await goalSelect.click();
  await page.getByRole('option', { name: goal }).click();
  await expect(goalSelect).toHaveAttribute('aria-expanded', 'false');
  await row.getByLabel('Percent').fill(percent);
}

test.describe('goals and contracts', () => {
  test('a social lead sets a goal and signs a KRW contract that the agency can read without internal notes', async ({
    page,
  }) => {
    // Three people and a whole contract: on a busy 2-core machine this walk alone can take a minute.
    test.slow();
    const year = new Date().getUTCFullYear();

    // The lead states what the work is for.
    await signIn(page, 'lead@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Goals' }).click();
    await page
      .getByRole('button', { name: 'New goal' })
      .or(page.getByRole('link', { name: 'New goal' }))
      .click();
    await page.getByLabel('Name', { exact: true }).fill('Korea winter launch reach');
    await choose(page, 'Business unit', 'Korea Consumer Marketing');
    await choose(page, 'Owner', /Lee Social Lead/);
    await choose(page, 'KPI', 'Reach');
    await page.getByLabel('Target').fill('3000000');
    await page.getByLabel('Period start').fill(`${year}-12-01`);
    await page.getByLabel('Period end').fill(`${year + 1}-02-28`);
    await page.getByRole('listbox', { name: 'Channels' }).getByRole('option', { name: 'Instagram' }).click();
    await choose(page, 'Funnel stage', 'Awareness');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Korea winter launch reach' })).toBeVisible();

    // …and what it may cost: a contract with a rate card of three items and two goal allocations.
    await page.getByRole('navigation').getByRole('link', { name: 'Contracts' }).click();
    await page
      .getByRole('button', { name: 'New contract' })
      .or(page.getByRole('link', { name: 'New contract' }))
      .click();
    await choose(page, 'Agency', 'Northwind Social');
    await choose(page, 'Business unit', 'Korea Consumer Marketing');
    await choose(page, 'Owner', /Lee Social Lead/);
    await page.getByLabel('Reference').fill('NW-WINTER-01');
    await page.getByLabel('Title').fill('Winter launch content');
    await page.getByLabel('Scope').fill('Reels and carousels for the winter launch.');
    await page.getByLabel('Start date').fill(`${year}-11-01`);
    await page.getByLabel('End date').fill(`${year + 1}-03-31`);
    await choose(page, 'Currency', 'KRW');
    await page.getByLabel('Budget cap').fill('50,000,000');
    await page.getByLabel('Internal notes').fill('Board approved up to KRW 55m.');
    await addRateCardItem(page, 1, 'REEL', 'Reel up to 30 s', 'per deliverable', '1,500,000');
    await addRateCardItem(page, 2, 'CAROUSEL', 'Carousel post', 'per deliverable', '900,000');
    await addRateCardItem(page, 3, 'STRATEGY', 'Strategy hour', 'per hour', '150,000');
    await addAllocation(page, 1, 'Korea winter launch reach', '70');
    await addAllocation(page, 2, DEMO.koreaAwarenessGoal, '30');
    await expect(page.getByTestId('allocation-total')).toContainText('100');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Winter launch content' })).toBeVisible();
    await expect(page.getByTestId('contract-status')).toHaveText(/Draft/);
    await expect(page.getByTestId('budget-cap')).toContainText('50,000,000');
    await expect(page.getByTestId('budget-cap')).not.toContainText('.00');
    await expect(page.getByRole('button', { name: 'Activate' })).toBeDisabled();

    // The signed PDF goes up, then the contract is activated.
    await page
      .getByLabel('Signed document (PDF)')
      .setInputFiles({ name: 'NW-WINTER-01 signed.pdf', mimeType: 'application/pdf', buffer: SIGNED_PDF });
    await page.getByRole('button', { name: 'Upload signed PDF' }).click();
    await expect(page.getByTestId('signed-document')).toContainText('NW-WINTER-01 signed.pdf');
    // Activating asks first; the keyboard starts on Cancel, Escape changes nothing and returns
    // focus to the button that asked.
    const activate = page.getByRole('button', { name: 'Activate' });
    await activate.click();
    const confirmation = page.getByRole('dialog', { name: 'Activate NW-WINTER-01?' });
    await expect(confirmation).toContainText('cannot go back to draft');
    await expect(confirmation.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(confirmation).toHaveCount(0);
    await expect(activate).toBeFocused();
    await expect(page.getByTestId('contract-status')).toHaveText(/Draft/);
    await activate.click();
    await confirmation.getByRole('button', { name: 'Activate' }).click();
    await expect(page.getByTestId('contract-status')).toHaveText(/Active/);
    await expect(page.getByRole('heading', { name: 'Internal notes' })).toBeVisible();
    const contractUrl = page.url();
    await signOut(page);

    // The agency sees the contract and its rate card, but not the internal notes.
    await signIn(page, 'member@northwind.demo.local');
    await page.goto(contractUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Winter launch content' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Rate card' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'CAROUSEL', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Internal notes' })).toHaveCount(0);
    await expect(page.getByText('Board approved up to KRW 55m.')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Activate' })).toHaveCount(0);
    await signOut(page);

    // Another agency's user cannot open it.
    await signIn(page, 'member@southpeak.demo.local');
    await page.goto(contractUrl);
    await expect(page.getByRole('alert')).toContainText(/not found/i);
    await expect(page.getByRole('heading', { level: 1, name: 'Winter launch content' })).toHaveCount(0);
  });
});
