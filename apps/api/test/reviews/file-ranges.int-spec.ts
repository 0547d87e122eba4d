import { randomBytes } from 'node:crypto';
import type { DeliverableDetailDto, FileStreamLinkDto } from '@agency-portal/shared';
import type request from 'supertest';
import { finishedUpload } from '../support/deliverable-files';
import { asBytes, bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief } from '../support/work';

/**
 * A deliverable file's content answers HTTP range requests, so a video seeks without the whole
 * file being downloaded: 206 with Content-Range for one range (closed, open-ended, suffix), 416
 * with `bytes *\/size` for a range outside the file, the whole file when If-Range names an old
 * ETag, 304 for If-None-Match. The same access rule as without a range: another agency gets 404.
 */

/** An MP4's first bytes (an ftyp box) followed by noise: stored and ranged, never played. */
const VIDEO = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypmp42'),
  Buffer.alloc(12),
  randomBytes(4096),
]);

describe('file content ranges', () => {
  let t: TestApp;
  let lead: SignedIn;
  let member: SignedIn;
  let otherAgency: SignedIn;
  let fileId: string;

  function content(who: SignedIn, headers: Record<string, string> = {}) {
    return asBytes(
      t
        .http()
        .get(`/api/files/${fileId}/content`)
        .set({ ...bearer(who.accessToken), ...headers }),
    );
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
      { title: 'Range brief' },
    );
    const deliverableId = brief.deliverables[0].id;
    const uploaded = await finishedUpload(t, member.userId, deliverableId, VIDEO, 'video/mp4', 'cut.mp4');
    const submitted = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/versions`)
      .set(bearer(member.accessToken))
      .send({ fileIds: [uploaded], copyText: 'Seek me' });
    expect(submitted.status).toBe(201);
    fileId = (submitted.body as DeliverableDetailDto).versions[0].files[0].id;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should send the whole file with its ETag and say ranges are accepted when no range is asked for', async () => {
    const response = await content(lead);

    expect(response.status).toBe(200);
    expect(response.body).toEqual(VIDEO);
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['content-length']).toBe(String(VIDEO.length));
    expect(response.headers['etag']).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers['content-type']).toBe('video/mp4');
  });

  it('should send 206 with exactly the bytes asked for when a closed range is asked for', async () => {
    const response = await content(lead, { Range: 'bytes=100-199' });

    expect(response.status).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 100-199/${VIDEO.length}`);
    expect(response.headers['content-length']).toBe('100');
    expect(response.body).toEqual(VIDEO.subarray(100, 200));
  });

  it('should send the rest of the file when the range is open-ended', async () => {
    const response = await content(member, { Range: `bytes=${VIDEO.length - 10}-` });

    expect(response.status).toBe(206);
    expect(response.headers['content-range']).toBe(
      `bytes ${VIDEO.length - 10}-${VIDEO.length - 1}/${VIDEO.length}`,
    );
    expect(response.body).toEqual(VIDEO.subarray(VIDEO.length - 10));
  });

  it('should send the last bytes when a suffix range is asked for', async () => {
    const response = await content(lead, { Range: 'bytes=-16' });

    expect(response.status).toBe(206);
    expect(response.headers['content-range']).toBe(
      `bytes ${VIDEO.length - 16}-${VIDEO.length - 1}/${VIDEO.length}`,
    );
    expect(response.body).toEqual(VIDEO.subarray(VIDEO.length - 16));
  });

  it('should answer 416 with the size when the range starts past the end of the file', async () => {
    const response = await t
      .http()
      .get(`/api/files/${fileId}/content`)
      .set({ ...bearer(lead.accessToken), Range: `bytes=${VIDEO.length}-` });

    expect(response.status).toBe(416);
    expect(response.headers['content-range']).toBe(`bytes */${VIDEO.length}`);
    expect(response.body).toMatchObject({ code: 'range_not_satisfiable' });
  });

  it('should send the whole file when If-Range names an ETag the file no longer has', async () => {
    const response = await content(lead, { Range: 'bytes=0-9', 'If-Range': '"stale"' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual(VIDEO);
  });

  it('should honour the range when If-Range names the current ETag, and answer 304 to If-None-Match', async () => {
    const etag = String((await content(lead)).headers['etag']);

    const ranged = await content(lead, { Range: 'bytes=0-9', 'If-Range': etag });
    const unchanged = await t
      .http()
      .get(`/api/files/${fileId}/content`)
      .set({ ...bearer(lead.accessToken), 'If-None-Match': etag });

    expect(ranged.status).toBe(206);
    expect(ranged.body).toEqual(VIDEO.subarray(0, 10));
    expect(unchanged.status).toBe(304);
  });

  it('should answer 404 to another agency whether or not it asks for a range', async () => {
    const ranged = await t
      .http()
      .get(`/api/files/${fileId}/content`)
      .set({ ...bearer(otherAgency.accessToken), Range: 'bytes=0-9' });
    const whole = await t.http().get(`/api/files/${fileId}/content`).set(bearer(otherAgency.accessToken));

    expect(ranged.status).toBe(404);
    expect(whole.status).toBe(404);
  });

  describe('stream links (what a video element plays)', () => {
    async function linkFor(who: SignedIn): Promise<request.Response> {
      return t.http().post(`/api/files/${fileId}/stream-links`).set(bearer(who.accessToken));
    }

    it('should play the file with ranges and no Bearer token through a link the caller asked for', async () => {
      const link = await linkFor(lead);
      const { url, expiresAt } = link.body as FileStreamLinkDto;

      const ranged = await t.http().get(url).set({ Range: 'bytes=0-15' });

      expect(link.status).toBe(201);
      expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
      expect(ranged.status).toBe(206);
      expect(ranged.headers['content-range']).toBe(`bytes 0-15/${VIDEO.length}`);
    });

    it('should answer 404 when the link is tampered with or names another file', async () => {
      const { url } = (await linkFor(lead)).body as FileStreamLinkDto;
      const tampered = url.replace(/token=([^.]+)/, (_match, body: string) => `token=${body}x`);
      const elsewhere = url.replace(fileId, '00000000-0000-4000-8000-000000000000');

      expect((await t.http().get(tampered)).status).toBe(404);
      expect((await t.http().get(elsewhere)).status).toBe(404);
      expect((await t.http().get(`/api/files/${fileId}/stream?token=nonsense`)).status).toBe(404);
    });

    it('should not be usable as an access token', async () => {
      const { url } = (await linkFor(lead)).body as FileStreamLinkDto;
      const token = decodeURIComponent(url.split('token=')[1] ?? '');

      const response = await t.http().get('/api/deliverables').set(bearer(token));

      expect(response.status).toBe(401);
    });

    it('should stop working when the session that asked for it ends', async () => {
      const signedIn = await t.login(DEMO.northwindMember);
      const { url } = (await linkFor(signedIn)).body as FileStreamLinkDto;
      expect((await t.http().get(url)).status).toBe(200);

      await t.http().post('/api/auth/logout').set(bearer(signedIn.accessToken));

      expect((await t.http().get(url)).status).toBe(404);
    });

    it('should give another agency no link, the same 404 as the content', async () => {
      expect((await linkFor(otherAgency)).status).toBe(404);
    });
  });
});
