import { expect, test, type Page } from '@playwright/test';
import { signIn } from '../support/session';

/** The demo's autumn reel (apps/api/src/app/seed/demo-outcomes.ts): published 75 days ago, figures up to yesterday. */
const REEL = 'https://www.instagram.com/reel/CdemoAutumn1/';

/** Meta Business Suite's Instagram export ("Posts and reels", one row per post and day) as it writes its header. */
const META_HEADER = [
  'Post ID',
  'Account ID',
  'Account username',
  'Account name',
  'Description',
  'Duration (sec)',
  'Publish time',
  'Permalink',
  'Post type',
  'Data comment',
  'Date',
  'Views',
  'Reach',
  'Likes',
  'Shares',
  'Follows',
  'Comments',
  'Saves',
];

/** A UTC day as Meta writes it: MM/DD/YYYY. */
function usDate(daysAgo: number): string {
  const day = new Date(Date.now() - daysAgo * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(day.getUTCMonth() + 1)}/${pad(day.getUTCDate())}/${day.getUTCFullYear()}`;
}

function metaRow(daysAgo: number, views: string): string[] {
  return [
    '1790001',
    '1780001',
    'northwind',
    'Northwind',
    'Autumn',
    '30',
    '',
    REEL,
    'Reel',
    '',
    usDate(daysAgo),
    views,
    '9100',
    '620',
    '41',
    '3',
    '57',
    '12',
  ];
}

function csv(rows: string[][]): Buffer {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return Buffer.from(`\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`);
}

async function uploadFile(page: Page, name: string, content: Buffer): Promise<void> {
  await page.getByRole('link', { name: 'Import a file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import a file of figures' })).toBeVisible();
  await page
    .getByLabel('Metrics file (CSV or XLSX)')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await expect(page.getByRole('heading', { level: 1, name: `Map the columns of ${name}` })).toBeFocused();
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.scrollingElement?.scrollWidth ?? 0,
    viewport: window.innerWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
}

test.describe('metric imports', () => {
  test('a social lead imports a Meta Business Suite export, then sees a bad file refused with nothing stored', async ({
    page,
  }) => {
    await signIn(page, 'lead@demo.local');
    await page.getByRole('link', { name: 'Metric imports' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Metric imports' })).toBeVisible();

    // Today has no figures yet (new); yesterday's demo figures are replaced (updated).
    await uploadFile(
      page,
      'instagram-posts.csv',
      csv([META_HEADER, metaRow(0, '15,200'), metaRow(1, '14800')]),
    );
    await expect(page.getByRole('combobox', { name: 'Export format' })).toContainText(
      'Meta Business Suite: Instagram posts and reels',
    );
    await expect(page.getByTestId('preset-suggested')).toBeVisible();
    await expect(page.getByTestId('mapping-problems')).toContainText('The mapping covers every column.');
    await page.getByRole('button', { name: 'Check and import' }).click();

    await expect(
      page.getByRole('heading', { level: 1, name: 'Import of instagram-posts.csv' }),
    ).toBeVisible();
    await expect(page.getByText('Imported: every row was checked and stored.')).toBeVisible();
    await expect(page.getByTestId('count-inserted')).toHaveText('1');
    await expect(page.getByTestId('count-updated')).toHaveText('1');
    await expect(page.getByTestId('count-errors')).toHaveText('0');
    await expect(page.getByTestId('import-total')).toHaveText('2');

    await page.getByRole('link', { name: '← All imports' }).click();
    const imported = page.getByRole('row', { name: /instagram-posts\.csv/ });
    await expect(imported).toContainText('Imported');
    await expect(imported).toContainText('1 new · 1 updated · 0 unchanged');

    // On a phone, with a column the export does not have and a negative count.
    await page.setViewportSize({ width: 390, height: 844 });
    const header = [...META_HEADER, 'Boosted'];
    await uploadFile(
      page,
      'instagram-bad.csv',
      csv([header, [...metaRow(2, '9000'), 'no'], [...metaRow(3, '-5'), 'no']]),
    );
    await expect(page.getByTestId('mapping-problems')).toContainText(
      'Say what the column “Boosted” holds, or ignore it.',
    );
    await expectNoSidewaysScroll(page);
    await page.getByRole('button', { name: 'Check and import' }).click();
    await expect(page.getByTestId('mapping-problems')).toBeFocused();
    await page.getByRole('checkbox', { name: 'Ignore “Boosted”' }).check();
    await page.getByRole('button', { name: 'Check and import' }).click();

    await expect(page.getByText('The file was refused: nothing was stored.')).toBeVisible();
    const errors = page.getByRole('table', { name: 'Line errors' });
    await expect(errors.getByRole('row')).toHaveCount(2);
    const line = errors.getByRole('row').nth(1);
    await expect(line.getByRole('cell').nth(0)).toHaveText('3');
    await expect(line.getByRole('cell').nth(1)).toHaveText('Views');
    await expect(line.getByRole('cell').nth(2)).toHaveText('-5');
    await expect(page.getByTestId('count-inserted')).toHaveText('0');
    await expect(page.getByTestId('count-updated')).toHaveText('0');
    await expectNoSidewaysScroll(page);

    await page.getByRole('link', { name: '← All imports' }).click();
    await expect(page.getByRole('row', { name: /instagram-bad\.csv/ })).toContainText('Refused');
  });
});
