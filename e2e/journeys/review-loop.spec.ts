import { expect, test } from '@playwright/test';
import { signIn, signOut } from '../support/session';

/**
 * The daily review loop as issue 12 asks for it: a reviewer starts from their home, opens the
 * oldest overdue version (the demo's reel 1, version 2, waiting at brand review past its SLA),
 * compares it with the version before, pins a region, requests changes, and the agency finds the
 * request on its home and on the deliverable. The region is pinned both ways a person would:
 * from the keyboard (Enter, Shift and the arrows) and by dragging with the mouse.
 */
test.describe('the review loop', () => {
  test('a reviewer works from home to a request for changes the agency then sees', async ({ page }) => {
    test.slow();
    await signIn(page, 'reviewer@demo.local');

    // Home: the oldest overdue version first, with its step.
    const queue = page.getByRole('region', { name: 'Waiting for your review' });
    await expect(queue.getByTestId('home-count-reviews')).toContainText(/overdue/);
    const oldest = queue.getByRole('listitem').first();
    await expect(oldest).toContainText('Overdue');
    await expect(oldest).toContainText('Step: Brand review');
    const link = oldest.getByRole('link');
    const title = (await link.textContent())?.trim() ?? '';
    expect(title).not.toBe('');
    await link.click();
    await expect(page).toHaveURL(/\/deliverables\/[0-9a-f-]{36}$/);
    const deliverableUrl = page.url();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await expect(page.getByTestId('deliverable-status')).toHaveText(/In review/);

    // Compare it with the previous version, each with its comments.
    await page.getByTestId('compare-versions').click();
    const sides = page.getByTestId('compare-sides');
    await expect(sides.getByRole('heading', { level: 2, name: /^Version 1/ })).toBeVisible();
    await expect(sides.getByRole('heading', { level: 2, name: /^Version 2/ })).toBeVisible();
    await expect(sides.getByRole('heading', { level: 3, name: 'Comments on version 1' })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(deliverableUrl);

    // Pin a region on version 2: first from the keyboard, then by dragging across the image.
    await expect(page.getByRole('tab', { name: 'Version 2' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Pin on image' }).click();
    const area = page.getByRole('button', { name: /^Place a pin on / });
    const pinned = page.locator('.ap-pending-pin');
    await area.press('Enter');
    await expect(pinned).toContainText('50% across and 50% down');
    await area.press('Shift+ArrowRight');
    await area.press('Shift+ArrowRight');
    await expect(page.getByTestId('pending-region')).toBeVisible();
    await expect(pinned).toContainText('22% wide and 20% high, from 50% across and 50% down');

    // The mouse sends its events where the pointer is on screen: the preview sits below the fold
    // of a 720 px window until scrolled to, as a person would before dragging over it.
    await area.scrollIntoViewIfNeeded();
    const box = await area.boundingBox();
    expect(box).not.toBeNull();
    const { x, y, width, height } = box ?? { x: 0, y: 0, width: 0, height: 0 };
    await page.mouse.move(x + width * 0.2, y + height * 0.2);
    await page.mouse.down();
    await page.mouse.move(x + width * 0.45, y + height * 0.35, { steps: 5 });
    await page.mouse.move(x + width * 0.6, y + height * 0.5, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('pending-region')).toBeVisible();
    await expect(pinned).toContainText('40% wide and 30% high, from 20% across and 20% down');
    await page.getByLabel('Comment', { exact: true }).fill('Keep the logo inside this area.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect(page.getByText('Keep the logo inside this area.')).toBeVisible();

    // Request changes, with the reason.
    await page.getByRole('button', { name: 'Request changes' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Comment').fill('Move the logo into the marked area and shorten the copy.');
    await dialog.getByRole('button', { name: 'Request changes' }).click();
    await expect(page.getByTestId('deliverable-status')).toHaveText(/Changes requested/);
    await signOut(page);

    // The agency sees it on its home…
    await signIn(page, 'member@northwind.demo.local');
    const changes = page.getByRole('region', { name: 'Changes requested' });
    await expect(changes).toBeVisible();
    await changes.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(deliverableUrl);

    // …and on the deliverable: the request and the region comment of the version it was made on.
    const requested = page.getByTestId('requested-changes');
    await expect(requested.getByRole('heading', { name: 'Requested changes' })).toBeVisible();
    const latest = requested.locator('.ap-request').first();
    await expect(latest).toContainText('Version 2');
    await expect(latest).toContainText('Move the logo into the marked area and shorten the copy.');
    await expect(latest).toContainText('Keep the logo inside this area.');
    await expect(page.getByRole('table', { name: 'Decision history' })).toContainText(
      'Move the logo into the marked area and shorten the copy.',
    );
    await signOut(page);
  });
});
