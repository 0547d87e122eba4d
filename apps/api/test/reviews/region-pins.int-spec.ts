import type { ApiErrorBody, CommentDto, DeliverableDetailDto } from '@agency-portal/shared';
import type { Response } from 'supertest';
import { demoPdfPages } from '../../src/app/seed/demo-pdf';
import { finishedUpload } from '../support/deliverable-files';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief } from '../support/work';

/**
 * Comments pinned to a rectangle (`region`: x, y, w, h in fractions of the preview) on an image, a
 * PDF page or a video frame. A rectangle that reaches outside its preview, is too small to see, or
 * lacks the page or time its file needs is a 400 naming the field, and nothing is written.
 */

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12)]);

describe('region pins', () => {
  let t: TestApp;
  let lead: SignedIn;
  let member: SignedIn;
  let versionId: string;
  const fileIds: Record<'png' | 'pdf' | 'mp4', string> = { png: '', pdf: '', mp4: '' };

  function comment(pin: Record<string, unknown>): Promise<Response> {
    return t
      .http()
      .post(`/api/versions/${versionId}/comments`)
      .set(bearer(lead.accessToken))
      .send({ body: 'Look here', pin });
  }

  function fieldsOf(response: Response): string[] {
    return ((response.body as ApiErrorBody).details?.fields ?? []).map((field) => field.field);
  }

  async function written(): Promise<{ comments: number; audit: number }> {
    const rows: { comments: number; audit: number }[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM comments) AS comments, (SELECT count(*)::int FROM audit_events) AS audit`,
    );
    return rows[0];
  }

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    member = await t.login(DEMO.northwindMember);
    const contract = await activeContract(t, lead.accessToken);
    const brief = await acceptedBrief(
      t,
      contract,
      { lead: lead.accessToken, agency: member.accessToken },
      { title: 'Region brief' },
    );
    const deliverableId = brief.deliverables[0].id;
    const uploads = [
      await finishedUpload(t, member.userId, deliverableId),
      await finishedUpload(
        t,
        member.userId,
        deliverableId,
        demoPdfPages([['Scene 1'], ['Scene 2']]),
        'application/pdf',
        'storyboard.pdf',
      ),
      await finishedUpload(t, member.userId, deliverableId, MP4, 'video/mp4', 'cut.mp4'),
    ];
    const submitted = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/versions`)
      .set(bearer(member.accessToken))
      .send({ fileIds: uploads, copyText: 'Three files' });
    expect(submitted.status).toBe(201);
    const version = (submitted.body as DeliverableDetailDto).versions[0];
    versionId = version.id;
    for (const file of version.files) {
      if (file.contentType === 'image/png') fileIds.png = file.id;
      if (file.contentType === 'application/pdf') fileIds.pdf = file.id;
      if (file.contentType === 'video/mp4') fileIds.mp4 = file.id;
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('should store a rectangle on an image, edges included, and list it with the comment', async () => {
    const pin = { kind: 'region', x: 0.6, y: 0.75, w: 0.4, h: 0.25, fileId: fileIds.png };

    const response = await comment(pin);

    expect(response.status).toBe(201);
    expect((response.body as CommentDto).pin).toEqual(pin);
    const listed = await t.http().get(`/api/versions/${versionId}/comments`).set(bearer(member.accessToken));
    expect((listed.body as { items: CommentDto[] }).items.map((item) => item.pin)).toContainEqual(pin);
  });

  it('should store a rectangle on a PDF page with its page, and on a video frame with its time', async () => {
    const onPage = await comment({
      kind: 'region',
      x: 0.1,
      y: 0.1,
      w: 0.5,
      h: 0.2,
      page: 2,
      fileId: fileIds.pdf,
    });
    const onFrame = await comment({
      kind: 'region',
      x: 0,
      y: 0,
      w: 0.5,
      h: 0.5,
      seconds: 2.5,
      fileId: fileIds.mp4,
    });

    expect(onPage.status).toBe(201);
    expect((onPage.body as CommentDto).pin).toMatchObject({ kind: 'region', page: 2 });
    expect(onFrame.status).toBe(201);
    expect((onFrame.body as CommentDto).pin).toMatchObject({ kind: 'region', seconds: 2.5 });
  });

  it.each([
    ['it reaches past the right edge', { x: 0.8, y: 0, w: 0.3, h: 0.5 }, 'pin.w', /right edge/],
    ['it reaches past the bottom edge', { x: 0, y: 0.9, w: 0.5, h: 0.2 }, 'pin.h', /bottom edge/],
    ['it starts left of the image', { x: -0.1, y: 0, w: 0.5, h: 0.5 }, 'pin.x', /outside the image/],
    ['it has no width', { x: 0.2, y: 0.2, w: 0, h: 0.5 }, 'pin.w', /too small/],
    ['its height is missing', { x: 0.2, y: 0.2, w: 0.5 }, 'pin.h', /number/],
    ['its width is text', { x: 0.2, y: 0.2, w: '0.5', h: 0.5 }, 'pin.w', /number/],
  ])(
    'should refuse with 400 on the field and write nothing when %s',
    async (_label, region, field, message) => {
      const before = await written();

      const response = await comment({ kind: 'region', ...region, fileId: fileIds.png });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response)).toEqual([field]);
      expect((response.body as ApiErrorBody).message).toMatch(message);
      expect(await written()).toEqual(before);
    },
  );

  it.each([
    ['a region on a PDF has no page', 'pdf', {}, 'pin.page'],
    ['a region on an image has a page', 'png', { page: 1 }, 'pin.page'],
    ['a region on a video has no time', 'mp4', {}, 'pin.seconds'],
    ['a region on an image has a time', 'png', { seconds: 1 }, 'pin.seconds'],
  ] as const)('should refuse with 400 and write nothing when %s', async (_label, file, extra, field) => {
    const before = await written();

    const response = await comment({
      kind: 'region',
      x: 0.1,
      y: 0.1,
      w: 0.2,
      h: 0.2,
      ...extra,
      fileId: fileIds[file],
    });

    expect(response.status).toBe(400);
    expect(fieldsOf(response)).toEqual([field]);
    expect(await written()).toEqual(before);
  });

  it('should refuse a point on a video and keep offering timecodes there', async () => {
    const before = await written();

    const point = await comment({ kind: 'point', x: 0.5, y: 0.5, fileId: fileIds.mp4 });
    const timecode = await comment({ kind: 'timecode', seconds: 1.5, fileId: fileIds.mp4 });

    expect(point.status).toBe(400);
    expect(fieldsOf(point)).toEqual(['pin.kind']);
    expect(timecode.status).toBe(201);
    expect((await written()).comments).toBe(before.comments + 1);
  });

  it('should say what is wrong in the reader’s language when a region is refused', async () => {
    const putri = await t.login('putri@demo.local');
    const response = await t
      .http()
      .post(`/api/versions/${versionId}/comments`)
      .set(bearer(putri.accessToken))
      .send({ body: 'x', pin: { kind: 'region', x: 0.8, y: 0, w: 0.3, h: 0.5, fileId: fileIds.png } });

    expect(response.status).toBe(400);
    expect((response.body as ApiErrorBody).message).toMatch(/tepi kanan/);
  });

  it('should refuse in the database a region that reaches outside its preview, whatever writes it', async () => {
    const [author] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [
      DEMO.lead,
    ]);

    await expect(
      t.dataSource.query(`INSERT INTO comments (version_id, author_id, body, pin) VALUES ($1, $2, 'x', $3)`, [
        versionId,
        author.id,
        JSON.stringify({ kind: 'region', x: 0.8, y: 0, w: 0.5, h: 0.5, fileId: fileIds.png }),
      ]),
    ).rejects.toThrow(/comments_pin_shape/);
  });
});
