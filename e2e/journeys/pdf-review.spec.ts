import { expect, test, type Locator } from '@playwright/test';
import { DEMO } from '../support/demo';
import { signIn } from '../support/session';

/** How many dark pixels the canvas holds: text drawn by pdf.js, or 0 for a blank page. */
function inkOn(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const canvasElement = element as HTMLCanvasElement;
    const context = canvasElement.getContext('2d');
    if (!context || canvasElement.width === 0) return 0;
    const pixels = context.getImageData(0, 0, canvasElement.width, canvasElement.height).data;
    let dark = 0;
    for (let index = 0; index < pixels.length; index += 4) {
      if ((pixels[index] as number) < 128 && (pixels[index + 3] as number) > 0) dark++;
    }
    return dark;
  });
}

test.describe('reviewing a PDF', () => {
  test('a social lead reads a storyboard page by page and pins a note to the page it is about', async ({
    page,
  }) => {
    // The demo's Southpeak creator video came with a two-page storyboard.
    await signIn(page, 'lead@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Briefs' }).click();
    await page.getByRole('link', { name: DEMO.ramadanBrief }).click();
    await page.getByRole('region', { name: 'Deliverables' }).getByRole('link').first().click();

    const pages = page.getByRole('group', { name: 'Pages of storyboard.pdf' });
    const canvas = page.getByRole('img', { name: /^storyboard\.pdf, page/ });
    await expect(pages.getByText('Page 1 of 2')).toBeVisible();
    await expect.poll(() => inkOn(canvas)).toBeGreaterThan(200);

    // Brand review's note is on page 2: "Show pin" turns there.
    const note = page.getByRole('listitem').filter({ hasText: 'keep the end card on screen' });
    await expect(note).toContainText('Pinned on page 2 of storyboard.pdf');
    await note.getByRole('button', { name: 'Show pin' }).click();
    await expect(pages.getByText('Page 2 of 2')).toBeVisible();
    await expect(canvas).toHaveAccessibleName('storyboard.pdf, page 2 of 2');
    await expect(page.getByRole('button', { name: 'Comment 1' })).toBeVisible();

    // Page 1 has no pins.
    await pages.getByRole('button', { name: 'Previous page' }).click();
    await expect(pages.getByText('Page 1 of 2')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Comment 1' })).toHaveCount(0);

    // The lead pins a note on page 1, next to scene 2.
    await page.getByRole('button', { name: 'Pin on page' }).click();
    await page
      .getByRole('button', { name: 'Place a pin on storyboard.pdf' })
      .click({ position: { x: 120, y: 60 } });
    await expect(
      page.getByRole('status').filter({ hasText: 'Pinned on page 1 of storyboard.pdf' }),
    ).toBeVisible();
    await page.getByLabel('Comment', { exact: true }).fill('Scene 2: show the greeting in close-up.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect(page.getByRole('button', { name: 'Comment 2' })).toBeVisible();

    // It stays on its page after a reload.
    await page.reload();
    await expect(pages.getByText('Page 1 of 2')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Comment 2' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Comment 1' })).toHaveCount(0);
    await expect(
      page.getByRole('listitem').filter({ hasText: 'show the greeting in close-up' }),
    ).toContainText('Pinned on page 1 of storyboard.pdf');
  });
});
