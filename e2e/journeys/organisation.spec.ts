import { expect, test } from '@playwright/test';
import { choose, signIn, signOut } from '../support/session';

test.describe('managing the organisation', () => {
  test('an admin creates an agency with an owner and invites an agency user, who sets a password and sees only their agency', async ({
    page,
  }) => {
    // The admin creates the agency.
    await signIn(page, 'admin@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Agencies' }).click();
    await page
      .getByRole('link', { name: 'New agency' })
      .or(page.getByRole('button', { name: 'New agency' }))
      .click();
    await page.getByLabel('Name', { exact: true }).fill('Eastwind Creative');
    await page.getByLabel('Legal name').fill('Eastwind Creative Co., Ltd.');
    await page.getByRole('option', { name: 'Creative' }).click();
    await choose(page, 'Relationship owner', /Lee Social Lead/);
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(page.getByRole('heading', { name: 'Eastwind Creative' })).toBeVisible();
    await expect(page.getByText('Lee Social Lead').first()).toBeVisible();

    // Note where another agency lives, to check later that Jo cannot open it.
    await page.getByRole('navigation').getByRole('link', { name: 'Agencies' }).click();
    await page.getByRole('link', { name: 'Northwind Social' }).click();
    await expect(page.getByRole('heading', { name: 'Northwind Social' })).toBeVisible();
    const northwindUrl = page.url();

    // …then invites a person into the new agency.
    await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click();
    await page
      .getByRole('link', { name: 'Invite user' })
      .or(page.getByRole('button', { name: 'Invite user' }))
      .first()
      .click();
    await page.getByLabel('Email').fill('jo@eastwind.example');
    await page.getByLabel('Name', { exact: true }).fill('Jo Eastwind');
    await choose(page, 'Role', 'Agency admin');
    await choose(page, 'Agency', 'Eastwind Creative');
    await page.getByRole('button', { name: 'Invite user' }).click();

    const link = page.getByTestId('invite-link');
    await expect(link).toContainText('/set-password?token=');
    const setPasswordUrl = (await link.textContent())?.trim() ?? '';
    await signOut(page);

    // The invited person sets a password with the one-time link and signs in.
    await page.goto(setPasswordUrl);
    await expect(page.getByText('jo@eastwind.example')).toBeVisible();
    await page.getByLabel('New password').fill('eastwind-secret-1');
    await page.getByLabel('Confirm password').fill('eastwind-secret-1');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect(page).toHaveURL(/\/login/);

    await signIn(page, 'jo@eastwind.example', 'eastwind-secret-1');
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'My agency' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Business units' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

    await nav.getByRole('link', { name: 'My agency' }).click();
    await expect(page.getByRole('heading', { name: 'Eastwind Creative' })).toBeVisible();

    await page.goto(northwindUrl);
    await expect(page.getByRole('alert')).toContainText(/not found/i);
    await expect(page.getByRole('heading', { name: 'Northwind Social' })).toHaveCount(0);

    // Only their own agency exists for them: the agency list holds one row and another agency's page is not found.
    const agencies = await page.request.get('/api/agencies', {
      headers: { Authorization: `Bearer ${await accessTokenOf(page)}` },
    });
    const { items } = (await agencies.json()) as { items: { name: string }[]; nextCursor: string | null };
    const names = items.map((agency) => agency.name);
    expect(names).toEqual(['Eastwind Creative']);
  });
});

/** Reads the access token the app holds by refreshing the session through the API, as the app does on reload. */
async function accessTokenOf(page: import('@playwright/test').Page): Promise<string> {
  const response = await page.request.post('/api/auth/refresh');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}
