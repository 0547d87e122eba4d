import { expect, test, type Page } from '@playwright/test';
import { accountMenuButton, signIn, signOut } from '../support/session';

// A common phone: 390 × 844 CSS pixels.
test.use({ viewport: { width: 390, height: 844 } });

/** The addresses of the main navigation, as the signed-in person's role has it. */
async function mainNavigation(page: Page): Promise<string[]> {
  // The drawer is closed on a phone (hidden from the accessibility tree): read its links as markup.
  const links = page.locator('nav[aria-label="Main"] a');
  await expect(links.first()).toBeAttached();
  return links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
}

async function expectNoSidewaysScroll(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('main h1').first()).toBeVisible();
  // Lists load after the heading: measure once the page has settled.
  await expect(page.locator('mat-progress-bar')).toHaveCount(0);
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    viewport: window.innerWidth,
  }));
  expect(widths.scroll, `${path} scrolls sideways`).toBeLessThanOrEqual(widths.viewport);
}

for (const email of ['lead@demo.local', 'member@northwind.demo.local']) {
  test(`no page of the main navigation scrolls sideways on a phone for ${email}`, async ({ page }) => {
    await signIn(page, email);
    // The toolbar fits: the person and Sign out fold into the account menu.
    await expect(accountMenuButton(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);

    for (const href of await mainNavigation(page)) {
      // Links carry the language prefix of the build (/en/...); the journeys' base URL has none.
      await expectNoSidewaysScroll(page, href.replace(/^\/en(?=\/|$)/, '') || '/');
    }

    await signOut(page);
  });
}

test('a wide table scrolls inside its card with a shadow where more columns hide', async ({ page }) => {
  await signIn(page, 'lead@demo.local');
  await page.goto('/users');
  const wrap = page.locator('.ap-table-wrap').first();
  await expect(wrap.getByRole('row').nth(1)).toBeVisible();

  const shown = await wrap.evaluate((element) => ({
    scrolls: element.scrollWidth > element.clientWidth,
    background: getComputedStyle(element).backgroundImage,
  }));

  expect(shown.scrolls).toBe(true);
  expect(shown.background).toContain('radial-gradient');
});
