import { spawnSync } from 'node:child_process';
import type { DeliverableDetailDto, StoredFileDto } from '@agency-portal/shared';
import sharp from 'sharp';
import { RenditionsService } from '../../src/app/renditions/renditions.service';
import { demoPng } from '../../src/app/seed/demo-png';
import { finishedUpload } from '../support/deliverable-files';
import { asBytes, bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief } from '../support/work';

/**
 * Submitting a version queues its renditions: a web-sized WebP preview of each image (the
 * original still downloads as uploaded) and a poster frame of each video (when ffmpeg is there).
 * A rendition opens for exactly those who may open the original, and answers ranges like it.
 */

const FFMPEG = spawnSync('ffmpeg', ['-version']).status === 0;

/** A 3000×2000 photo-like JPEG, larger than a preview. */
function bigJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .composite([
      {
        input: Buffer.from(
          '<svg width="3000" height="2000"><circle cx="1500" cy="1000" r="700" fill="#fc0"/></svg>',
        ),
      },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A two-second 320×240 MP4 drawn by ffmpeg's test source (just an MP4's first bytes without ffmpeg). */
function smallMp4(): Buffer {
  if (!FFMPEG)
    return Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12)]);
  const made = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=duration=2:size=320x240:rate=10',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      'frag_keyframe+empty_moov',
      '-f',
      'mp4',
      'pipe:1',
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  if (made.status !== 0) throw new Error(made.stderr.toString());
  return made.stdout;
}

describe('renditions', () => {
  let t: TestApp;
  let lead: SignedIn;
  let member: SignedIn;
  let otherAgency: SignedIn;
  let deliverableId: string;
  let jpeg: Buffer;

  async function detail(): Promise<DeliverableDetailDto> {
    const response = await t.http().get(`/api/deliverables/${deliverableId}`).set(bearer(lead.accessToken));
    expect(response.status).toBe(200);
    return response.body as DeliverableDetailDto;
  }

  function fetchBytes(path: string, who: SignedIn) {
    return asBytes(t.http().get(path).set(bearer(who.accessToken)));
  }

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    member = await t.login(DEMO.northwindMember);
    otherAgency = await t.login(DEMO.southpeakMember);
    const contract = await activeContract(t, lead.accessToken);
    const brief = await acceptedBrief(
      t,
      contract,
      { lead: lead.accessToken, agency: member.accessToken },
      { title: 'Rendition brief' },
    );
    deliverableId = brief.deliverables[0].id;
    jpeg = await bigJpeg();
    const uploads = [
      await finishedUpload(t, member.userId, deliverableId, jpeg, 'image/jpeg', 'hero.jpg'),
      await finishedUpload(t, member.userId, deliverableId, smallMp4(), 'video/mp4', 'cut.mp4'),
    ];
    const submitted = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/versions`)
      .set(bearer(member.accessToken))
      .send({ fileIds: uploads, copyText: 'Big files' });
    expect(submitted.status).toBe(201);
  });

  afterAll(async () => {
    await t.close();
  });

  function image(version: DeliverableDetailDto): StoredFileDto {
    const file = version.versions[0].files.find((candidate) => candidate.contentType === 'image/jpeg');
    if (!file) throw new Error('no image');
    return file;
  }

  it('should list no rendition, and answer 404 for it, until the queued job has run', async () => {
    const file = image(await detail());

    const response = await t
      .http()
      .get(`/api/files/${file.id}/renditions/preview`)
      .set(bearer(lead.accessToken));

    expect(file.renditions).toEqual([]);
    expect(response.status).toBe(404);
  });

  it('should make a WebP preview at most 2048 px wide of an uploaded image when the job runs', async () => {
    await t.deliverEvents();
    const file = image(await detail());

    const preview = await fetchBytes(`/api/files/${file.id}/renditions/preview`, lead);

    expect(file.renditions).toEqual([
      {
        kind: 'preview',
        contentType: 'image/webp',
        width: 2048,
        height: 1365,
        sizeBytes: expect.any(Number),
      },
    ]);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('image/webp');
    const body = preview.body as Buffer;
    expect(body.length).toBe(file.renditions[0]?.sizeBytes);
    expect(body.length).toBeLessThan(jpeg.length);
    expect(await sharp(body).metadata()).toMatchObject({ format: 'webp', width: 2048, height: 1365 });
  });

  it('should still download the original as it was uploaded', async () => {
    const file = image(await detail());

    const original = await fetchBytes(`/api/files/${file.id}/content?download=true`, member);

    expect(original.status).toBe(200);
    expect(original.body).toEqual(jpeg);
  });

  it('should answer a range of a rendition like the original', async () => {
    const file = image(await detail());

    const ranged = await t
      .http()
      .get(`/api/files/${file.id}/renditions/preview`)
      .set({ ...bearer(lead.accessToken), Range: 'bytes=0-11' });

    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toMatch(/^bytes 0-11\/\d+$/);
  });

  it('should answer 404 to another agency for the rendition, exactly as for the original', async () => {
    const file = image(await detail());

    const rendition = await t
      .http()
      .get(`/api/files/${file.id}/renditions/preview`)
      .set(bearer(otherAgency.accessToken));
    const original = await t.http().get(`/api/files/${file.id}/content`).set(bearer(otherAgency.accessToken));

    expect(rendition.status).toBe(404);
    expect(original.status).toBe(404);
    expect(rendition.body).toEqual(original.body);
  });

  it('should refuse an unknown rendition kind with 400', async () => {
    const file = image(await detail());

    const response = await t
      .http()
      .get(`/api/files/${file.id}/renditions/thumbnail`)
      .set(bearer(lead.accessToken));

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'validation_failed' });
  });

  it('should make a poster frame of an uploaded video with ffmpeg, and leave it without one (not failed) without', async () => {
    const video = (await detail()).versions[0].files.find((file) => file.contentType === 'video/mp4');
    if (!FFMPEG) {
      expect(video?.renditions).toEqual([]);
      expect(await t.app.get(RenditionsService).make(video?.id ?? '')).toBeNull();
      return;
    }

    const poster = await fetchBytes(`/api/files/${video?.id ?? ''}/renditions/poster`, member);

    expect(video?.renditions).toEqual([
      { kind: 'poster', contentType: 'image/webp', width: 320, height: 240, sizeBytes: expect.any(Number) },
    ]);
    expect(poster.status).toBe(200);
    expect(await sharp(poster.body as Buffer).metadata()).toMatchObject({ format: 'webp', width: 320 });
  });

  it('should record a file it cannot render as failed, once, and not try it again', async () => {
    const brokenId = await finishedUpload(
      t,
      member.userId,
      deliverableId,
      Buffer.from('not a jpeg at all'),
      'image/jpeg',
      'broken.jpg',
    );
    await t.dataSource.query(
      `UPDATE stored_files SET version_id = (SELECT current_version_id FROM deliverables WHERE id = $1) WHERE id = $2`,
      [deliverableId, brokenId],
    );
    const renditions = t.app.get(RenditionsService);

    const first = await renditions.make(brokenId);
    const second = await renditions.make(brokenId);
    const swept = await renditions.sweep();

    expect(first?.status).toBe('failed');
    expect(second?.id).toBe(first?.id);
    expect(swept).toBe(0);
  });

  it('should queue renditions for stored version files that have none (the demo’s, older files) when it sweeps', async () => {
    const demoImage = demoPng(640, 480, [20, 40, 90], [200, 120, 60]);
    const olderId = await finishedUpload(t, member.userId, deliverableId, demoImage, 'image/png', 'demo.png');
    await t.dataSource.query(
      `UPDATE stored_files SET version_id = (SELECT current_version_id FROM deliverables WHERE id = $1) WHERE id = $2`,
      [deliverableId, olderId],
    );

    const queued = await t.app.get(RenditionsService).sweep();
    await t.deliverEvents();

    expect(queued).toBe(1);
    const rows: { status: string; width: number }[] = await t.dataSource.query(
      `SELECT status, width FROM file_renditions WHERE file_id = $1`,
      [olderId],
    );
    expect(rows).toEqual([{ status: 'ready', width: 640 }]);
    expect(await t.app.get(RenditionsService).sweep()).toBe(0);
  });
});
