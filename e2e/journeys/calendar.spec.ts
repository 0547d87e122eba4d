import { expect, test, type APIRequestContext } from '@playwright/test';
import { signIn, signOut } from '../support/session';

interface Found {
  id: string;
  title: string;
  dueDate: string;
  latestVersionNumber: number | null;
}

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: 'demo-password' } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The first deliverable under the named agency's active contracts, as the lead lists it. */
async function deliverableOf(request: APIRequestContext, token: string, agency: string): Promise<Found> {
  const headers = { Authorization: `Bearer ${token}` };
  const contracts = await request.get('/api/contracts', {
    headers,
    params: { status: 'active', limit: 100 },
  });
  const ids = ((await contracts.json()) as { items: { id: string; agencyName: string }[] }).items
    .filter((contract) => contract.agencyName === agency)
    .map((contract) => contract.id);
  for (const contractId of ids) {
    const list = await request.get('/api/deliverables', { headers, params: { contractId, limit: 1 } });
    const [first] = ((await list.json()) as { items: Found[] }).items;
    if (first) return first;
  }
  throw new Error(`no deliverable of ${agency}`);
}

test.describe('content calendar', () => {
  test('a lead sees both agencies’ work on its due day and an agency member sees only its own', async ({
    page,
    request,
  }) => {
    // Two sign-ins and a dozen page loads: on a busy 2-core machine this walk takes about a minute.
    test.slow();
    const lead = await tokenFor(request, 'lead@demo.local');
    const northwind = await deliverableOf(request, lead, 'Northwind Social');
    const southpeak = await deliverableOf(request, lead, 'Southpeak Media');
    const month = northwind.dueDate.slice(0, 7);
    // Placed by due date, so both sit on their due day whatever their review status.
    const calendar = `/calendar?month=${month}&view=month&on=due`;

    await signIn(page, 'lead@demo.local');
    await page.getByRole('link', { name: 'Calendar' }).first().click();
    await expect(page.getByRole('heading', { name: 'Content calendar' })).toBeVisible();
    await page.goto(calendar);
    const grid = page.getByRole('grid');
    await expect(grid).toBeVisible();
    await expect(grid.locator(`a[href$="/deliverables/${northwind.id}"]`)).toBeVisible();
    // The other agency's work shows in its month too.
    await page.goto(`/calendar?month=${southpeak.dueDate.slice(0, 7)}&view=agenda&on=due`);
    await expect(page.locator(`a[href$="/deliverables/${southpeak.id}"]`)).toBeVisible();

    // The grid is walked with the keyboard: one day is in the tab order, the arrows move it.
    await page.goto(calendar);
    const due = grid.locator(`[data-day="${northwind.dueDate}"]`);
    await due.focus();
    await page.keyboard.press('ArrowRight');
    await expect(grid.locator('[data-day][tabindex="0"]')).not.toHaveAttribute('data-day', northwind.dueDate);
    await page.keyboard.press('ArrowLeft');
    await expect(due).toBeFocused();
    await page.keyboard.press('Enter');
    const day = page.getByTestId('calendar-day');
    await expect(day).toBeFocused();
    await day.locator(`a[href$="/deliverables/${northwind.id}"]`).click();
    await expect(page.getByRole('heading', { level: 1, name: northwind.title })).toBeVisible();
    await signOut(page);

    await signIn(page, 'member@northwind.demo.local');
    await page.goto(calendar);
    await expect(page.getByRole('grid').locator(`a[href$="/deliverables/${northwind.id}"]`)).toBeVisible();
    await page.goto(`/calendar?month=${southpeak.dueDate.slice(0, 7)}&view=agenda&on=due`);
    await expect(page.getByTestId('calendar-month')).toBeVisible();
    await expect(page.locator('mat-progress-bar')).toHaveCount(0);
    await expect(page.locator(`a[href$="/deliverables/${southpeak.id}"]`)).toHaveCount(0);
    // Naming the other agency in the URL shows nothing of it either.
    const southpeakContract = await request.get(`/api/deliverables/${southpeak.id}`, {
      headers: { Authorization: `Bearer ${lead}` },
    });
    const { contractId } = (await southpeakContract.json()) as { contractId: string };
    await page.goto(`/calendar?month=${southpeak.dueDate.slice(0, 7)}&on=due&contractId=${contractId}`);
    await expect(page.getByTestId('calendar-empty')).toBeVisible();
    await signOut(page);
  });

  test('on a phone the calendar is an agenda of days', async ({ page, request }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const lead = await tokenFor(request, 'lead@demo.local');
    const northwind = await deliverableOf(request, lead, 'Northwind Social');

    await signIn(page, 'member@northwind.demo.local');
    await page.goto(`/calendar?month=${northwind.dueDate.slice(0, 7)}&on=due`);

    await expect(page.locator('.ap-agenda')).toBeVisible();
    await expect(page.getByRole('grid')).toHaveCount(0);
    await expect(page.locator(`a[href$="/deliverables/${northwind.id}"]`)).toBeVisible();
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement?.scrollWidth ?? 0,
      viewport: window.innerWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    await signOut(page);
  });
});

test.describe('comparing versions', () => {
  test('a reviewer compares two versions side by side and as an overlay, and the agency sees the requested changes', async ({
    page,
    request,
  }) => {
    // Two sign-ins, four previews and a phone-sized check: slow on a busy machine.
    test.slow();
    const reviewer = await tokenFor(request, 'reviewer@demo.local');
    const list = await request.get('/api/deliverables', {
      headers: { Authorization: `Bearer ${reviewer}` },
      params: { limit: 100 },
    });
    const twice = ((await list.json()) as { items: Found[] }).items.find(
      (item) => (item.latestVersionNumber ?? 0) >= 2,
    );
    expect(twice, 'a demo deliverable with two versions').toBeDefined();
    const target = twice as Found;

    await signIn(page, 'reviewer@demo.local');
    await page.goto(`/deliverables/${target.id}`);
    await page.getByTestId('compare-versions').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Compare versions' })).toBeVisible();
    const sides = page.getByTestId('compare-sides');
    const latest = target.latestVersionNumber ?? 2;
    await expect(
      sides.getByRole('heading', { level: 2, name: new RegExp(`^Version ${latest - 1}`) }),
    ).toBeVisible();
    await expect(
      sides.getByRole('heading', { level: 2, name: new RegExp(`^Version ${latest}`) }),
    ).toBeVisible();
    await expect(sides.locator('img')).toHaveCount(2);
    // Each version's comments beside it.
    await expect(
      sides.getByRole('heading', { level: 3, name: `Comments on version ${latest - 1}` }),
    ).toBeVisible();

    await page.locator('mat-button-toggle', { hasText: 'Overlay' }).locator('button').click();
    const slider = page.getByTestId('compare-slider');
    await expect(slider).toHaveAttribute('aria-valuetext', '50% left version, 50% right version');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '51% left version, 49% right version');
    await expect(page).toHaveURL(/mode=overlay/);

    // On a phone the two versions stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('mat-button-toggle', { hasText: 'Side by side' }).locator('button').click();
    await expect(sides.locator('img')).toHaveCount(2);
    const [first, second] = await sides
      .locator('.ap-compare__side')
      .evaluateAll((all) => all.map((side) => side.getBoundingClientRect().top));
    expect(second ?? 0).toBeGreaterThan(first ?? 0);
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement?.scrollWidth ?? 0,
      viewport: window.innerWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    await page.setViewportSize({ width: 1280, height: 720 });
    await signOut(page);

    // The agency reads what it was asked to change on the deliverable itself.
    await signIn(page, 'member@northwind.demo.local');
    await page.goto(`/deliverables/${target.id}`);
    const requested = page.getByTestId('requested-changes');
    await expect(requested.getByRole('heading', { name: 'Requested changes' })).toBeVisible();
    await expect(requested.locator('.ap-request').first()).toContainText(/Version \d+ ·/);
    await signOut(page);
  });
});
