import { expect, test } from '@playwright/test';
import { signIn } from '../support/session';

test.describe('the portal says what happened', () => {
  test('a page the role may not open says so at the address asked for', async ({ page }) => {
    await signIn(page, 'member@northwind.demo.local');

    await page.goto('/audit');

    await expect(page.getByRole('heading', { level: 1, name: 'You can’t open this page' })).toBeVisible();
    await expect(page.getByText('Your role (Agency member) doesn’t give access to /audit.')).toBeVisible();
    await expect(page).toHaveURL(/\/audit$/);
    await page.getByRole('link', { name: 'Go to your home page' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  });

  test('an address that matches no page says it was not found', async ({ page }) => {
    await signIn(page, 'lead@demo.local');

    await page.goto('/contracs');

    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  });

  test('offline, a banner says so and a click that cannot load its page says why', async ({
    page,
    context,
  }) => {
    await signIn(page, 'lead@demo.local');
    await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();

    await context.setOffline(true);
    await expect(page.getByTestId('offline-banner')).toContainText('You’re offline.');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Approval policies' })
      .click();
    await expect(
      page.getByText('The page couldn’t be opened. Check your connection and try again.'),
    ).toBeVisible();

    await context.setOffline(false);
    await expect(page.getByTestId('offline-banner')).toHaveCount(0);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Approval policies' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Approval policies' })).toBeVisible();
  });

  test('saving an incomplete brief lists what is missing and puts the cursor in the first field', async ({
    page,
  }) => {
    await signIn(page, 'lead@demo.local');
    await page.goto('/briefs/new');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Save' }).click();

    const summary = page.getByTestId('form-error-summary');
    await expect(summary).toContainText('fields need your attention before saving');
    await expect(summary.getByRole('listitem').first()).toContainText('Contract');
    await expect(page.getByRole('combobox', { name: 'Contract' })).toBeFocused();
  });
});

test.describe('landmarks, names and focus', () => {
  test('the sign-in page and the shell sit in landmarks, the bell names its count, and focus shows', async ({
    page,
  }) => {
    await page.goto('/login');
    await expect(page.getByRole('main').getByRole('heading', { name: 'Sign in' })).toBeVisible();

    // Keyboard focus on the filled Sign in button (next after the password) draws Material's
    // strong focus ring.
    await page.getByLabel('Password').focus();
    await page.keyboard.press('Tab');
    const signInButton = page.getByRole('button', { name: 'Sign in' });
    await expect(signInButton).toBeFocused();
    const ring = await signInButton.evaluate((button) => {
      const indicator = button.querySelector('.mat-focus-indicator') ?? button;
      const style = getComputedStyle(indicator, '::before');
      return { content: style.content, width: parseFloat(style.borderTopWidth), color: style.borderTopColor };
    });
    expect(ring.content).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.color).not.toBe('rgba(0, 0, 0, 0)');

    await signIn(page, 'lead@demo.local');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Agency Portal' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  });
});
