import { expect, test, type Page } from '@playwright/test';
import { signIn, signOut } from '../support/session';

const AWARENESS = /한국 브랜드 인지도/;
const COMMUNITY = 'Pertumbuhan komunitas Indonesia';

async function openFromOverview(page: Page, goal: string | RegExp): Promise<void> {
  await page.goto('/goals');
  await page.getByRole('link', { name: 'Compare goals' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Goal overview' })).toBeVisible();
  await page.getByRole('table', { name: 'Goals compared' }).getByRole('link', { name: goal }).click();
  await expect(page.getByTestId('goal-progress')).toBeVisible();
}

test('a social lead compares goals, opens one dashboard and sees the KPI chart, pace and cost per result', async ({
  page,
}) => {
  await signIn(page, 'lead@demo.local');

  await openFromOverview(page, AWARENESS);
  await expect(page.getByRole('heading', { level: 1, name: AWARENESS })).toBeVisible();
  const chart = page.getByTestId('goal-kpi-chart');
  // The chart's caption (its data table repeats it for screen readers).
  await expect(chart.locator('figcaption')).toHaveText('KPI against target over the period');
  await expect(chart.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('goal-pace')).toHaveText('Behind');
  // The two published reels' impressions against what Northwind invoiced, in the contract's won.
  const costs = page.getByTestId('goal-costs');
  await expect(costs.getByRole('table', { name: 'Cost per result per currency' })).toBeVisible();
  await expect(costs.getByTestId('cost-per-thousand').first()).toContainText('KRW');
  await expect(
    page.getByRole('table', { name: /Master assets serving this goal/ }).getByRole('row'),
  ).not.toHaveCount(0);

  await openFromOverview(page, COMMUNITY);
  await expect(page.getByTestId('goal-pace')).toHaveText('On track');
  await expect(page.getByText(/measured by the brand's own analytics/)).toBeVisible();

  await signOut(page);
});

test('a viewer from another department opens a dashboard read-only and sees the budget allocated', async ({
  page,
}) => {
  await signIn(page, 'viewer@demo.local');
  await page.goto('/goals');
  await page.getByRole('link', { name: AWARENESS }).click();
  await expect(page.getByTestId('goal-progress')).toBeVisible();

  // The allocation finance sees, not "No contract budget is allocated".
  await expect(page.getByTestId('goal-allocated')).toContainText('KRW');
  await expect(page.getByText('No contract budget is allocated to this goal yet.')).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: 'Contracts serving this goal' }).getByRole('link'),
  ).toHaveCount(0);
  await expect(page.getByTestId('goal-kpi-chart').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('goal-spend').getByRole('table')).toBeVisible();
  // Read-only: nothing to change.
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  await signOut(page);
});
