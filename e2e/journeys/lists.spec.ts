import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { signIn } from '../support/session';

const LEAD = 'lead@demo.local';
/** More goals than one page holds (25), with a few of another KPI the filter must leave out. */
const ENGAGEMENT_GOALS = 28;
const REACH_GOALS = 3;
const SECOND_PAGE = Array.from({ length: ENGAGEMENT_GOALS - 25 }, (_, index) => 26 + index);

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: 'demo-password' } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function firstId(request: APIRequestContext, token: string, path: string): Promise<string> {
  const response = await request.get(path, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as { items: { id: string }[] };
  const [first] = items;
  if (!first) throw new Error(`${path} answered no items`);
  return first.id;
}

function two(number: number): string {
  return String(number).padStart(2, '0');
}

/** The goal names in the table, top to bottom. */
function goalNames(page: Page) {
  return page.getByRole('table').getByRole('row').getByRole('link');
}

test.describe('lists', () => {
  test('a social lead filters, sorts and pages the goals, opens one, and comes back to the same page of the same view', async ({
    page,
    request,
  }) => {
    // Setup through the API: a season's worth of goals in one unit, so the list runs over a page.
    const lead = await tokenFor(request, LEAD);
    const unitId = await firstId(request, lead, '/api/business-units?q=Korea%20Consumer');
    const ownerId = await firstId(request, lead, `/api/users?q=${encodeURIComponent(LEAD)}`);
    const prefix = `Flight ${Date.now().toString(36)}`;
    const year = new Date().getUTCFullYear() + 1;
    const goals = [
      ...Array.from({ length: ENGAGEMENT_GOALS }, (_, index) => ({
        name: `${prefix} ${two(index + 1)}`,
        kpiMetric: 'engagements',
      })),
      ...Array.from({ length: REACH_GOALS }, (_, index) => ({
        name: `${prefix} reach ${index + 1}`,
        kpiMetric: 'reach',
      })),
    ];
    // Created side by side (the list sorts by name, so the order they land in does not matter).
    const created = await Promise.all(
      goals.map((goal) =>
        request.post('/api/goals', {
          headers: { Authorization: `Bearer ${lead}` },
          data: {
            ...goal,
            businessUnitId: unitId,
            ownerId,
            targetValue: 10000,
            periodStart: `${year}-03-01`,
            periodEnd: `${year}-05-31`,
            channels: ['instagram'],
            funnelStage: 'consideration',
          },
        }),
      ),
    );
    expect(created.map((response) => response.status())).toEqual(goals.map(() => 201));

    await signIn(page, LEAD);
    await page.getByRole('navigation').getByRole('link', { name: 'Goals' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Goals' })).toBeVisible();

    // Search, filter and sort: each lands in the URL.
    await page.getByRole('searchbox', { name: 'Search' }).fill(prefix);
    await expect(page).toHaveURL(/[?&]q=Flight/);
    const kpi = page.getByRole('combobox', { name: 'KPI' });
    await kpi.click();
    await page.getByRole('option', { name: 'Engagements', exact: true }).click();
    await expect(page).toHaveURL(/[?&]kpiMetric=engagements/);
    await page.getByRole('button', { name: /^Name/ }).click();
    await expect(page).toHaveURL(/[?&]sort=name(&|$)/);

    const paginator = page.getByRole('navigation', { name: 'Pages' });
    await expect(paginator.getByRole('status')).toHaveText(`1–25 of ${ENGAGEMENT_GOALS}`);
    await expect(goalNames(page)).toHaveCount(25);
    await expect(goalNames(page).first()).toHaveText(`${prefix} 01`);
    await expect(page.getByRole('link', { name: `${prefix} reach 1` })).toHaveCount(0);

    // The next page continues where the first ended.
    await paginator.getByRole('button', { name: 'Next page' }).click();
    await expect(paginator.getByRole('status')).toHaveText(`26–${ENGAGEMENT_GOALS} of ${ENGAGEMENT_GOALS}`);
    await expect(goalNames(page)).toHaveText(SECOND_PAGE.map((number) => `${prefix} ${number}`));
    await expect(paginator.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await expect(page).toHaveURL(/[?&]cursor=/);
    const listUrl = page.url();

    // Open one goal, then go back: the same view, on the same page.
    await page.getByRole('link', { name: `${prefix} 28` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${prefix} 28` })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(listUrl);
    await expect(paginator.getByRole('status')).toHaveText(`26–${ENGAGEMENT_GOALS} of ${ENGAGEMENT_GOALS}`);
    await expect(goalNames(page)).toHaveText(SECOND_PAGE.map((number) => `${prefix} ${number}`));
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(prefix);
    await expect(kpi).toHaveText('Engagements');

    // The link is the view: opened afresh it shows the same page, and Previous still leads to the first.
    await page.reload();
    await expect(goalNames(page)).toHaveText(SECOND_PAGE.map((number) => `${prefix} ${number}`));
    await paginator.getByRole('button', { name: 'Previous page' }).click();
    await expect(paginator.getByRole('status')).toHaveText(`1–25 of ${ENGAGEMENT_GOALS}`);
    await expect(goalNames(page).first()).toHaveText(`${prefix} 01`);

    // Clearing the filters keeps the sort and shows every goal again.
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page).toHaveURL(/\/goals\?sort=name$/);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });
});
