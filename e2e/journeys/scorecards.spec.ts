import { expect, test, type Page } from '@playwright/test';
import { choose, signIn, signOut } from '../support/session';

/** The quarter before the current one, as the quarter picker names it ("Q3 2026"). */
function lastQuarterName(now = new Date()): string {
  const index = Math.floor(now.getUTCMonth() / 3);
  return index === 0 ? `Q4 ${now.getUTCFullYear() - 1}` : `Q${index} ${now.getUTCFullYear()}`;
}

/** The number a figure starts with: "67% 4 of 6" → 67. */
function leadingNumber(text: string): number {
  return Number(/^[\d.]+/.exec(text)?.[0] ?? Number.NaN);
}

/** The text of one figure in a scorecard row of the comparison. */
async function figureOf(page: Page, agency: string, figure: string): Promise<string> {
  const row = page.getByTestId('scorecard-row').filter({ hasText: agency });
  return ((await row.getByTestId(`figure-${figure}`).textContent()) ?? '').trim();
}

test('an in-house reader compares the two agencies; an agency user sees only its own scorecard', async ({
  page,
}) => {
  const quarter = lastQuarterName();

  // A viewer from another department compares the agencies for last quarter.
  await signIn(page, 'viewer@demo.local');
  await page.getByRole('link', { name: 'Agency scorecards' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Agency scorecards' })).toBeVisible();
  await choose(page, 'Quarter', quarter);
  await expect(page).toHaveURL(/quarter=\d{4}-Q[1-4]/);
  await expect(page.getByTestId('scorecard-period')).toContainText(quarter);
  // The figures say how fresh they are (stored facts, refreshed by the queue).
  await expect(page.getByTestId('scorecard-as-of')).toContainText('figures as of');
  // Both demo agencies are compared (an earlier journey may have added one of its own).
  for (const agency of ['Northwind Social', 'Southpeak Media']) {
    await expect(page.getByTestId('scorecard-row').filter({ hasText: agency })).toHaveCount(1);
  }
  // The seeded history: Northwind delivers late more often and needs more revision rounds.
  const northwindOnTime = await figureOf(page, 'Northwind Social', 'onTimeRate');
  const southpeakOnTime = await figureOf(page, 'Southpeak Media', 'onTimeRate');
  expect(leadingNumber(northwindOnTime)).toBeLessThan(leadingNumber(southpeakOnTime));
  expect(northwindOnTime).toMatch(/^\d+% \d+ of \d+$/);
  expect(leadingNumber(await figureOf(page, 'Northwind Social', 'averageRevisionRounds'))).toBeGreaterThan(
    leadingNumber(await figureOf(page, 'Southpeak Media', 'averageRevisionRounds')),
  );
  await expect(page.getByRole('term').filter({ hasText: 'On-time delivery' })).toBeVisible();

  // Sorted by on-time delivery, best first: Southpeak leads.
  await page.getByRole('button', { name: /On-time delivery/ }).click();
  await expect(page.getByTestId('scorecard-row').first()).toContainText('Southpeak Media');
  await expect(page).toHaveURL(/sort=-onTimeRate/);

  // Southpeak's own page: the figures with their definitions and the trend over quarters.
  await page.getByRole('link', { name: 'Southpeak Media' }).click();
  await expect(page.getByTestId('scorecard-heading')).toHaveText('Scorecard: Southpeak Media');
  await expect(page.getByTestId('figure-onTimeRate')).toContainText(southpeakOnTime.split(' ')[0] ?? '-');
  await expect(page.getByTestId('figure-onTimeRate')).toContainText('approved version was submitted');
  await expect(page.getByTestId('scorecard-trend-chart')).toContainText(
    'On-time delivery and first-pass approval by quarter',
  );
  await expect(page.getByTestId('scorecard-budget-row')).toContainText('IDR');
  const southpeakAddress = new URL(page.url()).pathname.replace(/^\/en(?=\/)/, '');
  await signOut(page);

  // Northwind's member lands on their own scorecard, from the navigation and from /scorecards.
  await signIn(page, 'member@northwind.demo.local');
  await page.getByRole('link', { name: 'Our scorecard' }).click();
  await expect(page.getByTestId('scorecard-heading')).toHaveText('Scorecard: Northwind Social');
  await choose(page, 'Quarter', quarter);
  // The same figure the viewer read in the comparison.
  const [northwindRate, ...northwindSample] = northwindOnTime.split(' ');
  await expect(page.getByTestId('figure-onTimeRate')).toContainText(northwindRate ?? '-');
  await expect(page.getByTestId('figure-onTimeRate')).toContainText(northwindSample.join(' '));
  await expect(page.getByRole('link', { name: '← All agencies' })).toHaveCount(0);

  await page.goto('/scorecards');
  await expect(page.getByTestId('scorecard-heading')).toHaveText('Scorecard: Northwind Social');

  // Southpeak's scorecard does not exist for them: the same answer as an unknown agency.
  await page.goto(southpeakAddress);
  await expect(page.getByRole('alert')).toContainText('Agency was not found.');
  await expect(page.getByText('Southpeak Media')).toHaveCount(0);

  // On a phone the scorecard reads without scrolling sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/scorecards');
  await expect(page.getByTestId('scorecard-figures')).toBeVisible();
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    viewport: window.innerWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
  await signOut(page);
});
