import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from '../support/session';

/** Signs in over the API (as another person acting elsewhere) and answers their access token. */
async function tokenOf(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

test.describe('home is a to-do list', () => {
  test('the lead starts from their review queue and opens the oldest overdue version', async ({ page }) => {
    await signIn(page, 'lead@demo.local');

    const queue = page.getByRole('region', { name: 'Waiting for your review' });
    await expect(queue).toBeVisible();
    await expect(queue.getByTestId('home-count-reviews')).toContainText(/overdue/);
    const first = queue.getByRole('listitem').first();
    await expect(first).toContainText('Overdue');
    await expect(first).toContainText('Step: Lead review');
    const link = first.getByRole('link');
    const title = (await link.textContent())?.trim() ?? '';
    await link.click();

    await expect(page).toHaveURL(/\/deliverables\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  });

  test('an agency sees a brief sent to it arrive on its home and bell without a reload', async ({
    page,
    request,
  }) => {
    await signIn(page, 'member@northwind.demo.local');
    const briefs = page.getByRole('region', { name: 'Briefs to answer' });
    await expect(briefs).toBeVisible();
    const bell = page.getByTestId('notifications-button');
    const nameBefore = (await bell.getAttribute('aria-label')) ?? '';

    // Elsewhere, the lead sends Northwind a brief.
    const lead = await tokenOf(request, 'lead@demo.local');
    const headers = { Authorization: `Bearer ${lead}` };
    const contracts = (await (
      await request.get('/api/contracts', { headers, params: { status: 'active', limit: 100 } })
    ).json()) as { items: { id: string; agencyName: string }[] };
    const northwind = contracts.items.find((contract) => contract.agencyName === 'Northwind Social');
    expect(northwind).toBeDefined();
    const contract = (await (await request.get(`/api/contracts/${northwind?.id}`, { headers })).json()) as {
      id: string;
      allocations: { goalId: string }[];
      rateCard: { id: string }[];
    };
    const title = `Live brief ${Date.now()}`;
    const created = await request.post('/api/briefs', {
      headers,
      data: {
        contractId: contract.id,
        goalIds: [contract.allocations[0]?.goalId],
        title,
        objective: 'Reach the agency without a reload',
        audience: 'Commuters',
        keyMessages: ['Live'],
        channels: ['instagram'],
        funnelStage: 'awareness',
        dueDate: '2031-12-31',
        specs: [{ rateCardItemId: contract.rateCard[0]?.id, quantity: 1, dueDate: '2031-12-20' }],
      },
    });
    expect(created.status()).toBe(201);
    const briefId = ((await created.json()) as { id: string }).id;
    expect((await request.post(`/api/briefs/${briefId}/send`, { headers })).ok()).toBe(true);

    await expect(briefs.getByRole('link', { name: title })).toBeVisible({ timeout: 20_000 });
    await expect(bell).not.toHaveAttribute('aria-label', nameBefore);
    await briefs.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/briefs/${briefId}$`));
  });
});
