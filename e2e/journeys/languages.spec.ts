import { expect, test, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { DEMO } from '../support/demo';
import { DEMO_PASSWORD } from '../support/session';

/**
 * The portal in its people's languages: a Korean-speaking agency member and an Indonesian-speaking
 * social lead walk a brief and a review in their own language, with their dates and money.
 */

/** English texts of the pages walked: none may show in another language's build. */
const ENGLISH_UI = [
  'Sign out',
  'Briefs',
  'Review queue',
  'Deliverable specs',
  'Deliverables',
  'Due date',
  'Summary',
  'Budget',
  'Submit version',
  'Copy text',
  'In review',
  'Add comment',
  'Post reply',
  'No comments on this version yet',
  'Loading',
  'overdue',
  'due in',
];

async function expectNoEnglish(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  const found = ENGLISH_UI.filter((phrase) => new RegExp(`\\b${phrase}\\b`).test(text));
  expect(found, `English left on ${page.url()}`).toEqual([]);
}

/** A small real PNG (one colour), as a designer would export it. */
function png(shade: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let value = 0xffffffff;
    for (const byte of bytes) value = (crcTable[(value ^ byte) & 0xff] as number) ^ (value >>> 8);
    return (value ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const [width, height] = [64, 80];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let offset = 0; offset < raw.length; offset++) {
    raw[offset] = offset % (width * 3 + 1) === 0 ? 0 : shade;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test.describe('languages', () => {
  test('a Korean-speaking agency member answers a brief with a version for review, all in Korean', async ({
    page,
  }) => {
    await page.goto('/ko/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.getByLabel('이메일').fill('jiwoo@northwind.demo.local');
    await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '로그인' }).click();
    await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
    await expect(page).toHaveURL(/\/ko\//);

    await page.getByRole('navigation').getByRole('link', { name: '브리프', exact: true }).click();
    await page.getByRole('link', { name: DEMO.winterBrief }).click();
    await expect(page.getByRole('heading', { level: 1, name: DEMO.winterBrief })).toBeVisible();
    // Korean dates ("2026. 12. 24.") and won without decimals.
    await expect(page.getByRole('main')).toContainText(/\d{4}\. \d{1,2}\. \d{1,2}\./);
    // Open deliverables say how their due date stands ("14일 후 마감").
    await expect(page.getByRole('main')).toContainText(/\d+일 후 마감/);
    await expect(page.getByRole('table').filter({ hasText: 'REEL' }).first()).toContainText(
      /KRW\s3,000,000(?![.,]\d)/,
    );
    await expectNoEnglish(page);

    // The carousel still waits for its first version: the member submits one for review.
    await page.getByRole('link', { name: DEMO.carouselDeliverable }).first().click();
    await page
      .getByLabel('파일')
      .setInputFiles({ name: 'gift-guide-1.png', mimeType: 'image/png', buffer: png(180) });
    await page.getByLabel('카피 문구').fill('따뜻함을 선물하세요. 겨울 선물 가이드.');
    await expect(page.getByRole('button', { name: '버전 제출' })).toBeEnabled({ timeout: 30_000 });
    await page.getByRole('button', { name: '버전 제출' }).click();
    await expect(page.getByTestId('deliverable-status')).toHaveText(/검토 중/);
    await expectNoEnglish(page);
  });

  test('an Indonesian-speaking social lead reads a brief and answers a review note, all in Indonesian', async ({
    page,
  }) => {
    // Chromium asks for English; after sign-in the portal moves to her own language.
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\//);
    await page.getByLabel('Email').fill('putri@demo.local');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/id\//);
    await expect(page.getByRole('button', { name: 'Keluar' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');

    await page.getByRole('navigation').getByRole('link', { name: 'Brief', exact: true }).click();
    await page.getByRole('link', { name: DEMO.ramadanBrief }).click();
    await expect(page.getByRole('heading', { level: 1, name: DEMO.ramadanBrief })).toBeVisible();
    // Indonesian dates ("24 Des 2026") and rupiah with Indonesian marks.
    await expect(page.getByRole('main')).toContainText(
      /\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4}/,
    );
    await expect(page.getByRole('table').filter({ hasText: 'TT-CREATOR' }).first()).toContainText(
      /IDR\s15\.000\.000,00/,
    );
    await expectNoEnglish(page);

    // The creator video is in review: she reads brand review's note and answers it (a reply, so the
    // numbered threads other journeys point at stay as seeded).
    await page
      .getByRole('link', { name: /Video kreator TikTok/ })
      .first()
      .click();
    await expect(page.getByTestId('deliverable-status')).toHaveText(/Sedang ditinjau/);
    const note = page.getByRole('listitem').filter({ hasText: 'keep the end card on screen' });
    await note.getByRole('button', { name: 'Balas', exact: true }).click();
    await note.getByRole('textbox', { name: 'Balas' }).fill('Setuju, kartu penutup tampil 3 detik.');
    await note.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect(note).toContainText('Setuju, kartu penutup tampil 3 detik.');
    await expectNoEnglish(page);
  });
});
