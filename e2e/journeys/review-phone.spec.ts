import { expect, test, type Page } from '@playwright/test';
import { DEMO } from '../support/demo';
import { signIn, signOut } from '../support/session';

// A common phone: 390 × 844 CSS pixels.
test.use({ viewport: { width: 390, height: 844 } });

async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);
}

test.describe('reviewing on a phone', () => {
  test('a social lead opens the version awaiting their decision and approves it without scrolling', async ({
    page,
  }) => {
    // The demo's Southpeak creator video waits past its SLA at the lead's own review.
    await signIn(page, 'lead@demo.local');
    await page.goto('/briefs');
    await page.getByRole('link', { name: DEMO.ramadanBrief }).click();
    await page.getByRole('region', { name: 'Deliverables' }).getByRole('link').first().click();
    await expect(page.getByTestId('deliverable-status')).toHaveText(/In review/);

    // The decision is on screen as soon as the page is, and nothing scrolls sideways.
    const decision = page.getByRole('group', { name: /Your decision on version/ });
    const approve = decision.getByRole('button', { name: 'Approve' });
    await expect(approve).toBeInViewport({ ratio: 1 });
    await expect(decision.getByRole('button', { name: 'Request changes' })).toBeInViewport({ ratio: 1 });
    await expect(decision.getByRole('button', { name: 'Reject' })).toBeInViewport({ ratio: 1 });
    await expect(page.locator('mat-progress-bar')).toHaveCount(0);
    expect(await sidewaysOverflow(page), 'the review page scrolls sideways').toBeLessThanOrEqual(0);

    // Reading down to the decision history keeps the decision at hand.
    await page.getByRole('heading', { name: 'Decision history' }).scrollIntoViewIfNeeded();
    await expect(approve).toBeInViewport({ ratio: 1 });

    await approve.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Approve' }).click();

    // The next step is someone else's: the lead's decision is recorded and the controls go.
    await expect(decision).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Decision history' })).toContainText('Approved');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await signOut(page);
  });
});
