import { expect, test } from '@playwright/test';
import { signIn, signOut } from '../support/session';

test.describe('signing in', () => {
  test('a wrong password shows the one generic error and keeps the person on the sign-in page', async ({
    page,
  }) => {
    await signIn(page, 'lead@demo.local', 'not-the-password');

    await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a social lead signs in, sees only the navigation of their role, and signs out', async ({ page }) => {
    await signIn(page, 'lead@demo.local');

    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Agencies' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await expect(page.getByText('Lee Social Lead')).toBeVisible();

    await page.reload();
    await expect(nav.getByRole('link', { name: 'Agencies' })).toBeVisible();

    await signOut(page);
    await page.goto('/agencies');
    await expect(page).toHaveURL(/\/login/);
  });
});
