import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo-password';

/** Signs in through the login page as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in (the shell shows "Sign out", or on a phone the account menu) or refused (an alert):
  // either way the attempt is over.
  await expect(
    page.getByRole('button', { name: 'Sign out' }).or(accountMenuButton(page)).or(page.getByRole('alert')),
  ).toBeVisible();
}

/** On a phone the person and Sign out sit in one menu in the toolbar. */
export function accountMenuButton(page: Page) {
  return page.getByRole('button', { name: /^Account: / });
}

export async function signOut(page: Page): Promise<void> {
  const account = accountMenuButton(page);
  if (await account.isVisible()) {
    await account.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
  } else {
    await page.getByRole('button', { name: 'Sign out' }).click();
  }
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** Picks an option of an Angular Material select by the select's label. */
export async function choose(page: Page, label: string, option: string | RegExp): Promise<void> {
  const select = page.getByRole('combobox', { name: label });
  await select.click();
  await page.getByRole('option', { name: option }).click();
  // The panel is gone before the next step, so no later click can land on it.
  await expect(select).toHaveAttribute('aria-expanded', 'false');
}
