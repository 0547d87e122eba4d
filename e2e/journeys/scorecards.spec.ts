import { expect, test, type Page } from '@playwright/test';
import { choose, signIn, signOut } from '../support/session';

/** The quarter before the current one, as the quarter picker names it ("Q3 2026"). */
function lastQuarterName(now = new Date()): string {
  const index = Math.floor(now.getUTCMonth() / 3);
  return index === 0 ? `Q4 ${now.getUTCFullYear() - 1}` : `Q${index} ${now.getUTCFullYear()}`;
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
  await expect(page.getByTestId('scorecard-row')).toHaveCount(2);
  // The seeded history: Northwind delivered 3 of 4 on time with a round of changes each; Southpeak all 4.
  expect(await figureOf(page, 'Northwind Social', 'onTimeRate')).toContain('75%');
  expect(await figureOf(page, 'Southpeak Media', 'onTimeRate')).toContain('100%');
  expect(await figureOf(page, 'Northwind Social', 'averageRevisionRounds')).toContain('1');
  expect(await figureOf(page, 'Southpeak Media', 'averageRevisionRounds')).toContain('0.3');
  await expect(page.getByRole('term').filter({ hasText: 'On-time delivery' })).toBeVisible();

  // Sorted by on-time delivery, best first: Southpeak leads.
  await page.getByRole('button', { name: /On-time delivery/ }).click();
  await expect(page.getByTestId('scorecard-row').first()).toContainText('Southpeak Media');
  await expect(page).toHaveURL(/sort=-onTimeRate/);

  // Southpeak's own page: the figures with their definitions and the trend over quarters.
  await page.getByRole('link', { name: 'Southpeak Media' }).click();
  await expect(page.getByTestId('scorecard-heading')).toHaveText('Scorecard: Southpeak Media');
  await expect(page.getByTestId('figure-onTimeRate')).toContainText('100%');
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
  await expect(page.getByTestId('figure-onTimeRate')).toContainText('75%');
  await expect(page.getByTestId('figure-onTimeRate')).toContainText('3 of 4');
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
