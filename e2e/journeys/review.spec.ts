import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';
import { DEMO } from '../support/demo';
import { choose, signIn, signOut } from '../support/session';

/** A real PNG (a gradient), as a designer would export it. */
function png(width: number, height: number, shade: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let value = 0xffffffff;
    for (const byte of bytes) value = (table[(value ^ byte) & 0xff] as number) ^ (value >>> 8);
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
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = y * (width * 3 + 1) + 1 + x * 3;
      raw[offset] = shade;
      raw[offset + 1] = Math.round((255 * x) / width);
      raw[offset + 2] = Math.round((255 * y) / height);
    }
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

async function tokenFor(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: 'demo-password' } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function uploadVersion(page: Page, fileName: string, shade: number, copy: string): Promise<void> {
  await page
    .getByLabel('Files')
    .setInputFiles({ name: fileName, mimeType: 'image/png', buffer: png(320, 400, shade) });
  await expect(page.getByRole('progressbar', { name: `Upload progress for ${fileName}` })).toBeVisible();
  await page.getByLabel('Copy text').fill(copy);
  await expect(page.getByRole('button', { name: 'Submit version' })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Submit version' }).click();
  await expect(page.getByTestId('deliverable-status')).toHaveText(/In review/);
}

test.describe('briefs and review', () => {
  test('a brief goes out, the agency delivers twice, and the lead and legal approve in turn', async ({
    page,
    request,
  }) => {
    // Six sign-ins, two uploads, two approvals: on a busy 2-core machine this walk takes over a minute.
    test.slow();
    // Setup through the API, as an admin would have configured it: this contract's work is reviewed
    // first by the social lead who owns the contract, then by legal.
    const admin = await tokenFor(request, 'admin@demo.local');
    // Lists answer a page: search for the records rather than hope they are on the first one.
    const contracts = await request.get('/api/contracts?status=active&q=KR-01', {
      headers: { Authorization: `Bearer ${admin}` },
    });
    const northwind = ((await contracts.json()) as { items: { id: string; reference: string }[] }).items
      // The demo's always-on Korea contract (NW-<year>-KR-01), whatever other journeys created.
      .find((contract) => /^NW-\d{4}-KR-01$/.test(contract.reference));
    expect(northwind).toBeDefined();
    const users = await request.get('/api/users?kind=in_house&q=legal%40demo.local', {
      headers: { Authorization: `Bearer ${admin}` },
    });
    const legal = ((await users.json()) as { items: { id: string; email: string }[] }).items.find(
      (user) => user.email === 'legal@demo.local',
    );
    const policy = await request.put(`/api/contracts/${northwind?.id}/approval-policy`, {
      headers: { Authorization: `Bearer ${admin}` },
      data: {
        name: 'Lead then legal',
        steps: [
          { name: 'Lead review', approverRole: null, approverUserIds: [], contractOwner: true, slaHours: 24 },
          { name: 'Legal', approverRole: null, approverUserIds: [legal?.id], slaHours: 48 },
        ],
      },
    });
    expect(policy.ok()).toBe(true);

    // The social lead writes and sends the brief.
    await signIn(page, 'lead@demo.local');
    await page.getByRole('navigation').getByRole('link', { name: 'Briefs' }).click();
    await page
      .getByRole('button', { name: 'New brief' })
      .or(page.getByRole('link', { name: 'New brief' }))
      .click();
    await choose(page, 'Contract', new RegExp(`^${northwind?.reference ?? 'NW'}`));
    const goals = page.getByRole('combobox', { name: 'Goals' });
    await goals.click();
    await page.getByRole('option', { name: DEMO.koreaAwarenessGoal }).click();
    await page.keyboard.press('Escape');
    await expect(goals).toHaveAttribute('aria-expanded', 'false');
    await page.getByLabel('Title').fill('First snow reel');
    await page.getByLabel('Objective').fill('Celebrate the first snow with the winter range.');
    await page.getByLabel('Audience').fill('Seoul, 18–34');
    await page.getByLabel('Key messages').fill('Light enough to forget');
    await page.getByRole('listbox', { name: 'Channels' }).getByRole('option', { name: 'Instagram' }).click();
    await choose(page, 'Funnel stage', 'Awareness');
    const year = new Date().getUTCFullYear() + 1;
    await page.getByLabel('Due date').first().fill(`${year}-01-20`);
    await page.getByRole('button', { name: 'Add deliverable spec' }).click();
    const spec = page.getByRole('group', { name: 'Deliverable spec 1' });
    const rateCardItem = spec.getByRole('combobox', { name: 'Rate card item' });
    await rateCardItem.click();
    await page.getByRole('option', { name: /REEL/ }).click();
    await expect(rateCardItem).toHaveAttribute('aria-expanded', 'false');
    await spec.getByLabel('Quantity').fill('1');
    await spec.getByLabel('Due date').fill(`${year}-01-15`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('brief-status')).toHaveText(/Draft/);
    await page.getByRole('button', { name: 'Send to agency' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send brief' }).click();
    await expect(page.getByTestId('brief-status')).toHaveText(/Sent/);
    const briefUrl = page.url();
    await signOut(page);

    // The agency accepts it and uploads an image.
    await signIn(page, 'member@northwind.demo.local');
    await page.goto(briefUrl);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Accept brief' }).click();
    await expect(page.getByTestId('brief-status')).toHaveText(/Accepted/);
    await page.getByRole('link', { name: DEMO.reelDeliverable }).first().click();
    await uploadVersion(page, 'first-snow-v1.png', 40, 'First snow. Lighter than ever.');
    const deliverableUrl = page.url();
    await signOut(page);

    // The lead pins a comment on the image and requests changes.
    await signIn(page, 'lead@demo.local');
    await page.goto(deliverableUrl);
    await page.getByRole('button', { name: 'Pin on image' }).click();
    await page
      .getByRole('button', { name: 'Place a pin on first-snow-v1.png' })
      .click({ position: { x: 60, y: 50 } });
    await page.getByLabel('Comment', { exact: true }).fill('Logo is too small here.');
    await page.getByRole('button', { name: 'Add comment' }).click();
    await expect(page.getByRole('button', { name: 'Comment 1' })).toBeVisible();
    // The emptied box is ready for the next comment, not an error.
    await expect(page.getByLabel('Comment', { exact: true })).toHaveValue('');
    await expect(page.getByText('This field is required')).toHaveCount(0);
    await page.getByRole('button', { name: 'Request changes' }).click();
    await page.getByRole('dialog').getByLabel('Comment').fill('Make the logo twice the size.');
    await page.getByRole('dialog').getByRole('button', { name: 'Request changes' }).click();
    await expect(page.getByTestId('deliverable-status')).toHaveText(/Changes requested/);
    await signOut(page);

    // The agency uploads version 2.
    await signIn(page, 'member@northwind.demo.local');
    await page.goto(deliverableUrl);
    await uploadVersion(page, 'first-snow-v2.png', 200, 'First snow. Lighter than ever. Logo bigger.');
    // The page opens on the new version, with its own (no) comments, without a reload.
    await expect(page.getByRole('tab', { name: 'Version 2' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('img', { name: 'first-snow-v2.png' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Comment 1' })).toHaveCount(0);
    await signOut(page);

    // The lead approves step one; legal approves step two.
    await signIn(page, 'lead@demo.local');
    await page.goto(deliverableUrl);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('deliverable-status')).toHaveText(/In review/);
    await expect(page.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await signOut(page);

    await signIn(page, 'legal@demo.local');
    await page.goto(deliverableUrl);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByTestId('deliverable-status')).toHaveText(/Approved/);

    // The full history: both versions and every decision.
    await expect(page.getByText('Version 2').first()).toBeVisible();
    await expect(page.getByText('Version 1').first()).toBeVisible();
    // In the decision history, and listed for the agency among the requested changes.
    await expect(page.getByRole('table', { name: 'Decision history' })).toContainText(
      'Make the logo twice the size.',
    );
    await expect(page.getByTestId('requested-changes')).toContainText('Make the logo twice the size.');
    await expect(page.getByText('Lead review').first()).toBeVisible();
    await expect(page.getByText(/Legal/).first()).toBeVisible();
  });
});
