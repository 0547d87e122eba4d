import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signIn, signOut } from '../support/session';

const COMMUNITY = 'Pertumbuhan komunitas Indonesia';

test('a viewer exports a goal dashboard it reads as CSV and opens the printable report', async ({ page }) => {
  await signIn(page, 'viewer@demo.local');
  await page.goto('/goals');
  // Earlier journeys add goals of their own: find it the way a person would, by searching.
  await page.getByRole('searchbox', { name: 'Search' }).fill(COMMUNITY);
  await page.getByRole('link', { name: COMMUNITY }).click();
  await expect(page.getByTestId('goal-progress')).toBeVisible();
  // Read-only, yet the figures can leave: the export menu is there, editing is not.
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);

  await page.getByTestId('export-menu').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'CSV' }).click(),
  ]);

  expect(download.suggestedFilename()).toMatch(
    /^goal-report-pertumbuhan-komunitas-indonesia-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(`Goal report,${COMMUNITY}`);
  expect(csv).toContain('Exported by,');
  expect(csv).toContain('viewer@demo.local');
  expect(csv).toMatch(/\nFollowers,100000,\d+/);
  await expect(page.getByRole('status').filter({ hasText: /^Downloaded goal-report-/ })).toBeVisible();

  // The printable page: the same dashboard without the navigation, ready for A4.
  await page.getByTestId('export-menu').click();
  await page.getByRole('menuitem', { name: 'Printable page' }).click();
  await expect(page).toHaveURL(/\/goals\/[0-9a-f-]+\/print$/);
  const print = page.getByTestId('goal-print');
  await expect(print.getByRole('heading', { level: 1, name: COMMUNITY })).toBeVisible();
  await expect(print.getByText(/Printed by Vic Viewer on /)).toBeVisible();
  await expect(print.getByTestId('goal-kpi-chart').locator('canvas')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await page.emulateMedia({ media: 'print' });
  await expect(print.getByRole('button', { name: 'Print' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await print.getByRole('link', { name: '← Back to the goal' }).click();
  await expect(page.getByTestId('goal-progress')).toBeVisible();
  await signOut(page);
});

test('a viewer turns the weekly digest of a goal on and finds it on the profile', async ({ page }) => {
  await signIn(page, 'viewer@demo.local');
  await page.goto('/goals');
  // Earlier journeys add goals of their own: find it the way a person would, by searching.
  await page.getByRole('searchbox', { name: 'Search' }).fill(COMMUNITY);
  await page.getByRole('link', { name: COMMUNITY }).click();
  const toggle = page.getByTestId('digest-toggle');
  await expect(toggle).toHaveText('Weekly digest: off');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  await toggle.click();

  await expect(toggle).toHaveText('Weekly digest: on');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/profile');
  const digests = page.getByTestId('my-digests');
  await expect(digests.getByRole('link', { name: COMMUNITY })).toBeVisible();
  await digests.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(digests.getByText(/You get no weekly digest/)).toBeVisible();
  await signOut(page);
});
