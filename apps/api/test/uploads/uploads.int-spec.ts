import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BriefDetailDto, ContractDetailDto, StoredFileDto } from '@agency-portal/shared';
import S3rver from 's3rver';
import type { Response } from 'supertest';
import type { FileStorage } from '../../src/app/files/file-storage';
import { UploadTempStore } from '../../src/app/uploads/upload-temp-store';
import { UploadsService } from '../../src/app/uploads/uploads.service';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief } from '../support/work';

/**
 * Issue 4, deliverable uploads: the tus protocol over HTTP (create, resume after a dropped
 * connection, finish), content checks, limits, who may upload where, and the hand-over of
 * finished uploads to a version.
 */

const TUS = { 'Tus-Resumable': '1.0.0' };
const OCTETS = 'application/offset+octet-stream';

/** A PNG of `size` bytes: signature, IHDR, then one IDAT chunk of random data. */
function png(size: number): Buffer {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex');
  const idat = Buffer.alloc(8);
  idat.writeUInt32BE(size - head.length - 8, 0);
  idat.write('IDAT', 4);
  return Buffer.concat([head, idat, randomBytes(size - head.length - 8)]);
}

/** A Windows executable's first bytes: what a "photo.png" from the wrong place might really be. */
function executable(size: number): Buffer {
  const head = Buffer.concat([
    Buffer.from('MZ'),
    Buffer.from([0x90, 0, 3]),
    Buffer.alloc(59),
    Buffer.from('PE\0\0'),
  ]);
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString('base64')}`)
    .join(',');
}

/** Every file below a directory, however deep (none when it does not exist). */
function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

describe('deliverable uploads (tus)', () => {
  let t: TestApp;
  let lead: SignedIn;
  let member: SignedIn;
  let colleague: SignedIn;
  let southpeak: SignedIn;
  let contract: ContractDetailDto;
  let deliverableId: string;
  let baseUrl: string;

  async function acceptedDeliverable(): Promise<string> {
    const brief = await acceptedBrief(
      t,
      contract,
      { lead: lead.accessToken, agency: member.accessToken },
      {
        title: `Upload test ${randomBytes(3).toString('hex')}`,
        objective: 'Files to upload',
        audience: 'Everyone',
        keyMessages: ['Fast'],
        dueDate: '2030-01-31',
        specs: [
          {
            rateCardItemId: contract.rateCard[0].id,
            quantity: 1,
            dueDate: '2030-01-20',
            channel: 'instagram',
          },
        ],
      },
    );
    return brief.deliverables[0].id;
  }

  function create(token: string, length: number, values: Record<string, string>) {
    return t
      .http()
      .post('/api/uploads')
      .set(bearer(token))
      .set(TUS)
      .set('Upload-Length', String(length))
      .set('Upload-Metadata', metadata(values));
  }

  function append(token: string, location: string, offset: number, bytes: Buffer) {
    return t
      .http()
      .patch(location)
      .set(bearer(token))
      .set(TUS)
      .set('Upload-Offset', String(offset))
      .set('Content-Type', OCTETS)
      .send(bytes);
  }

  async function created(
    token: string,
    bytes: Buffer,
    filename: string,
    target = deliverableId,
  ): Promise<string> {
    const response = await create(token, bytes.length, { deliverableId: target, filename });
    expect(response.status).toBe(201);
    return response.headers['location'];
  }

  /** Sends the first part of a PATCH and then drops the connection, as a flaky network would. */
  async function droppedAppend(
    token: string,
    location: string,
    part: Buffer,
    declared: number,
  ): Promise<void> {
    await new Promise<void>((resolve) => {
      const request = httpRequest(`${baseUrl}${location}`, {
        method: 'PATCH',
        headers: {
          ...bearer(token),
          ...TUS,
          'Upload-Offset': '0',
          'Content-Type': OCTETS,
          'Content-Length': String(declared),
        },
      });
      request.on('error', () => resolve());
      request.on('close', () => resolve());
      request.write(part, () => setTimeout(() => request.destroy(), 300));
    });
  }

  async function storedRows(deliverable: string): Promise<number> {
    const rows: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM stored_files WHERE deliverable_id = $1',
      [deliverable],
    );
    return rows[0].count;
  }

  function everyStoredFile(): string[] {
    return filesUnder(t.config.storageDir).sort();
  }

  function expectError(response: Response, status: number, code: string): void {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toMatchObject({ code, message: expect.any(String) });
  }

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    lead = await t.login(DEMO.lead);
    member = await t.login(DEMO.northwindMember);
    colleague = await t.login(DEMO.northwindAdmin);
    southpeak = await t.login(DEMO.southpeakMember);
    contract = await activeContract(t, lead.accessToken);
    deliverableId = await acceptedDeliverable();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should store a PNG with its sha256 when the upload resumes after a dropped connection', async () => {
    const bytes = png(3 * 1024 * 1024 + 17);
    const location = await created(member.accessToken, bytes, 'Hero shot.png');
    expect(location).toMatch(/^\/api\/uploads\/[0-9a-f]{32}$/);

    await droppedAppend(member.accessToken, location, bytes.subarray(0, 1024 * 1024), bytes.length);
    const head = await t.http().head(location).set(bearer(member.accessToken)).set(TUS);
    expect(head.status).toBe(200);
    expect(head.headers['cache-control']).toBe('no-store');
    expect(head.headers['upload-length']).toBe(String(bytes.length));
    const offset = Number(head.headers['upload-offset']);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThanOrEqual(1024 * 1024);
    const middle = offset + 1024 * 1024;
    const second = await append(member.accessToken, location, offset, bytes.subarray(offset, middle));
    expect(second.status).toBe(204);
    expect(second.headers['upload-offset']).toBe(String(middle));
    expect(second.headers['upload-file-id']).toBeUndefined();
    const last = await append(member.accessToken, location, middle, bytes.subarray(middle));

    expect(last.status).toBe(204);
    expect(last.headers['upload-offset']).toBe(String(bytes.length));
    const fileId = last.headers['upload-file-id'];
    expect(fileId).toMatch(/^[0-9a-f-]{36}$/);
    expect(last.headers['access-control-expose-headers']).toContain('Upload-File-Id');
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      `SELECT original_name, content_type, size_bytes::int AS size, sha256, uploaded_by, deliverable_id, version_id, storage_key
         FROM stored_files WHERE id = $1`,
      [fileId],
    );
    expect(rows[0]).toMatchObject({
      original_name: 'Hero shot.png',
      content_type: 'image/png',
      size: bytes.length,
      sha256: sha256(bytes),
      uploaded_by: member.userId,
      deliverable_id: deliverableId,
      version_id: null,
    });
    expect(filesUnder(t.config.uploadTmpDir)).toEqual([]);
    const described = await t.http().get(`/api/uploads/files/${fileId}`).set(bearer(member.accessToken));
    expect(described.status).toBe(200);
    expect(described.body).toEqual({
      id: fileId,
      fileName: 'Hero shot.png',
      contentType: 'image/png',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      renditions: [],
    } satisfies StoredFileDto);
  });

  it('should finish in the creating request when the bytes come with it (creation-with-upload)', async () => {
    const bytes = png(2000);

    const response = await create(member.accessToken, bytes.length, { deliverableId, filename: 'small.png' })
      .set('Content-Type', OCTETS)
      .send(bytes);

    expect(response.status).toBe(201);
    expect(response.headers['upload-offset']).toBe(String(bytes.length));
    const described = await t
      .http()
      .get(`/api/uploads/files/${response.headers['upload-file-id']}`)
      .set(bearer(member.accessToken));
    expect(described.body).toMatchObject({ sha256: sha256(bytes), sizeBytes: 2000 });
  });

  it('should refuse an executable named .png with 415 and keep nothing when the content is checked', async () => {
    const before = { rows: await storedRows(deliverableId), files: everyStoredFile() };
    const bytes = executable(256 * 1024);
    const location = await created(member.accessToken, bytes, 'photo.png');

    const response = await append(member.accessToken, location, 0, bytes);

    expectError(response, 415, 'unsupported_media_type');
    expect(response.headers['upload-file-id']).toBeUndefined();
    expect(await storedRows(deliverableId)).toBe(before.rows);
    expect(everyStoredFile()).toEqual(before.files);
    expect(filesUnder(t.config.uploadTmpDir)).toEqual([]);
    expect((await t.http().head(location).set(bearer(member.accessToken)).set(TUS)).status).toBe(404);
  });

  it('should refuse HTML named .png with 415 when the content is checked', async () => {
    const bytes = Buffer.from(`<!doctype html><script>fetch('/api/me')</script>${' '.repeat(4000)}`);
    const location = await created(member.accessToken, bytes, 'banner.png');

    const response = await append(member.accessToken, location, 0, bytes);

    expectError(response, 415, 'unsupported_media_type');
    expect(filesUnder(t.config.uploadTmpDir)).toEqual([]);
  });

  it('should answer 404 and store nothing when an agency user uploads to another agency’s deliverable', async () => {
    const before = everyStoredFile();

    const response = await create(southpeak.accessToken, 1000, { deliverableId, filename: 'x.png' });

    expectError(response, 404, 'not_found');
    expect(response.headers['location']).toBeUndefined();
    expect(everyStoredFile()).toEqual(before);
  });

  it('should answer 404 when the deliverable does not exist', async () => {
    const response = await create(member.accessToken, 1000, {
      deliverableId: '00000000-0000-4000-8000-000000000000',
      filename: 'x.png',
    });

    expectError(response, 404, 'not_found');
  });

  it('should answer 403 when an in-house user tries to upload', async () => {
    const response = await create(lead.accessToken, 1000, { deliverableId, filename: 'x.png' });

    expectError(response, 403, 'forbidden');
  });

  it('should answer 401 to every tus request when there is no token', async () => {
    const location = await created(member.accessToken, png(100), 'a.png');

    const answers = await Promise.all([
      t.http().post('/api/uploads').set(TUS).set('Upload-Length', '100'),
      t.http().head(location).set(TUS),
      t.http().patch(location).set(TUS).set('Upload-Offset', '0').set('Content-Type', OCTETS).send(png(100)),
      t.http().delete(location).set(TUS),
      t.http().options('/api/uploads'),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[0].body).toMatchObject({ code: 'unauthenticated' });
  });

  it('should hide an upload from everyone but its creator when they ask for it or append to it', async () => {
    const bytes = png(5000);
    const location = await created(member.accessToken, bytes, 'mine.png');

    const head = await t.http().head(location).set(bearer(colleague.accessToken)).set(TUS);
    const patch = await append(colleague.accessToken, location, 0, bytes);
    const remove = await t.http().delete(location).set(bearer(colleague.accessToken)).set(TUS);

    expect([head.status, patch.status, remove.status]).toEqual([404, 404, 404]);
    expect(patch.body).toMatchObject({ code: 'not_found' });
    const own = await t.http().head(location).set(bearer(member.accessToken)).set(TUS);
    expect(own.headers['upload-offset']).toBe('0');
  });

  it('should refuse a creation without a deliverable or a file name with field errors', async () => {
    const response = await t
      .http()
      .post('/api/uploads')
      .set(bearer(member.accessToken))
      .set(TUS)
      .set('Upload-Length', '100')
      .set('Upload-Metadata', metadata({ deliverableId: 'not-a-uuid' }));

    expectError(response, 400, 'validation_failed');
    expect(response.body.details.fields.map((field: { field: string }) => field.field)).toEqual([
      'deliverableId',
      'filename',
    ]);
  });

  it('should refuse an upload whose length is deferred', async () => {
    const response = await t
      .http()
      .post('/api/uploads')
      .set(bearer(member.accessToken))
      .set(TUS)
      .set('Upload-Defer-Length', '1')
      .set('Upload-Metadata', metadata({ deliverableId, filename: 'later.png' }));

    expectError(response, 400, 'validation_failed');
  });

  it('should answer 409 with the protocol’s meaning when the offset does not match', async () => {
    const bytes = png(4000);
    const location = await created(member.accessToken, bytes, 'offset.png');

    const response = await append(member.accessToken, location, 100, bytes.subarray(100));

    expectError(response, 409, 'conflict');
  });

  it('should never serve an upload’s bytes back when it is asked for with GET', async () => {
    const bytes = png(3000);
    const location = await created(member.accessToken, bytes, 'raw.png');
    await append(member.accessToken, location, 0, bytes.subarray(0, 1000)).expect(204);

    const response = await t.http().get(location).set(bearer(member.accessToken)).set(TUS);

    expectError(response, 404, 'not_found');
  });

  it('should answer 404 for upload ids that are not ours, such as a path', async () => {
    const response = await t
      .http()
      .head('/api/uploads/..%2F..%2Fetc%2Fpasswd')
      .set(bearer(member.accessToken))
      .set(TUS);

    expect(response.status).toBe(404);
  });

  it('should remove what has arrived when the uploader terminates the upload', async () => {
    const bytes = png(6000);
    const location = await created(member.accessToken, bytes, 'gone.png');
    await append(member.accessToken, location, 0, bytes.subarray(0, 3000)).expect(204);

    const response = await t.http().delete(location).set(bearer(member.accessToken)).set(TUS);

    expect(response.status).toBe(204);
    const id = location.split('/').pop() ?? '';
    expect(filesUnder(t.config.uploadTmpDir).filter((path) => path.includes(id))).toEqual([]);
    expect((await t.http().head(location).set(bearer(member.accessToken)).set(TUS)).status).toBe(404);
  });

  it('should sweep away an upload left unfinished for longer than the expiry period, and only that one', async () => {
    const bytes = png(6000);
    const location = await created(member.accessToken, bytes, 'abandoned.png');
    await append(member.accessToken, location, 0, bytes.subarray(0, 3000)).expect(204);
    const fresh = await created(member.accessToken, bytes, 'still-going.png');
    // Two days and a minute later, as far as the upload's own record is concerned.
    const id = location.split('/').pop() ?? '';
    const info = join(t.config.uploadTmpDir, `${id}.json`);
    const record = JSON.parse(readFileSync(info, 'utf8')) as { creation_date: string };
    record.creation_date = new Date(Date.now() - (48 * 60 + 1) * 60 * 1000).toISOString();
    writeFileSync(info, JSON.stringify(record));

    const deleted = await t.app.get(UploadTempStore).deleteExpired();

    expect(deleted).toBe(1);
    expect(filesUnder(t.config.uploadTmpDir).filter((path) => path.includes(id))).toEqual([]);
    // A tus client hears 404 for it and starts a new upload.
    expect((await t.http().head(location).set(bearer(member.accessToken)).set(TUS)).status).toBe(404);
    const freshId = fresh.split('/').pop() ?? '';
    expect(filesUnder(t.config.uploadTmpDir).filter((path) => path.includes(freshId))).toHaveLength(2);
    expect((await t.http().head(fresh).set(bearer(member.accessToken)).set(TUS)).status).toBe(200);
  });

  it('should describe the tus capabilities and the limit when asked with OPTIONS', async () => {
    const response = await t.http().options('/api/uploads').set(bearer(member.accessToken));

    expect(response.status).toBe(204);
    expect(response.headers['tus-version']).toBe('1.0.0');
    expect(response.headers['tus-max-size']).toBe(String(2 * 1024 * 1024 * 1024));
    expect(response.headers['tus-extension']).toContain('creation');
  });

  it('should show a finished upload only to its uploader', async () => {
    const bytes = png(1500);
    const location = await created(member.accessToken, bytes, 'only-me.png');
    const fileId = (await append(member.accessToken, location, 0, bytes)).headers['upload-file-id'];

    const colleagueView = await t
      .http()
      .get(`/api/uploads/files/${fileId}`)
      .set(bearer(colleague.accessToken));
    const otherAgency = await t.http().get(`/api/uploads/files/${fileId}`).set(bearer(southpeak.accessToken));

    expect(colleagueView.status).toBe(404);
    expect(otherAgency.status).toBe(404);
  });

  describe('claimForVersion', () => {
    async function finished(token: string, name: string): Promise<string> {
      const bytes = png(1200);
      const location = await created(token, bytes, name);
      const response = await append(token, location, 0, bytes);
      expect(response.status).toBe(204);
      return response.headers['upload-file-id'];
    }

    async function newVersion(manager: TestApp['dataSource']['manager'], number: number): Promise<string> {
      const rows: { id: string }[] = await manager.query(
        'INSERT INTO deliverable_versions (deliverable_id, number, uploaded_by) VALUES ($1, $2, $3) RETURNING id',
        [deliverableId, number, member.userId],
      );
      return rows[0].id;
    }

    it('should attach the uploader’s files to the version when all of them qualify', async () => {
      const first = await finished(member.accessToken, 'one.png');
      const second = await finished(member.accessToken, 'two.png');
      const actor = { id: member.userId, role: 'agency_member' } as Parameters<
        UploadsService['claimForVersion']
      >[1];

      const claimed = await t.dataSource.transaction(async (manager) => {
        const versionId = await newVersion(manager, 100);
        const files = await t.app
          .get(UploadsService)
          .claimForVersion(manager, actor, deliverableId, [second, first], versionId);
        return { versionId, files };
      });

      expect(claimed.files.map((file) => file.id)).toEqual([second, first]);
      expect(claimed.files.every((file) => file.versionId === claimed.versionId)).toBe(true);
      expect((await t.http().get(`/api/uploads/files/${first}`).set(bearer(member.accessToken))).status).toBe(
        404,
      );
    });

    it('should change nothing and name fileIds when one file is someone else’s or already attached', async () => {
      const mine = await finished(member.accessToken, 'mine.png');
      const theirs = await finished(colleague.accessToken, 'theirs.png');
      const actor = { id: member.userId, role: 'agency_member' } as Parameters<
        UploadsService['claimForVersion']
      >[1];

      const attempt = t.dataSource.transaction(async (manager) => {
        const versionId = await newVersion(manager, 101);
        return t.app
          .get(UploadsService)
          .claimForVersion(manager, actor, deliverableId, [mine, theirs], versionId);
      });

      await expect(attempt).rejects.toMatchObject({
        code: 'validation_failed',
        details: { fields: [{ field: 'fileIds' }] },
      });
      const rows: { version_id: string | null }[] = await t.dataSource.query(
        'SELECT version_id FROM stored_files WHERE id = ANY($1)',
        [[mine, theirs]],
      );
      expect(rows.map((row) => row.version_id)).toEqual([null, null]);
    });
  });

  describe('with S3-compatible storage', () => {
    const BUCKET = 'portal-uploads';
    let s3: TestApp;
    let server: S3rver;
    let s3Directory: string;
    /** The token as the isolated app's own module registry knows it (a symbol is per registry). */
    let storageToken: symbol;

    beforeAll(async () => {
      s3Directory = mkdtempSync(join(tmpdir(), 'agency-portal-uploads-s3-'));
      server = new S3rver({
        address: '127.0.0.1',
        port: 0,
        silent: true,
        directory: s3Directory,
        configureBuckets: [{ name: BUCKET, configs: [] }],
      });
      const { address, port } = await server.run();
      await jest.isolateModulesAsync(async () => {
        const support = await import('../support/test-app');
        storageToken = (await import('../../src/app/files/file-storage')).FILE_STORAGE;
        s3 = await support.createTestApp({
          S3_BUCKET: BUCKET,
          S3_ENDPOINT: `http://${address}:${port}`,
          S3_ACCESS_KEY_ID: 'S3RVER',
          S3_SECRET_ACCESS_KEY: 'S3RVER',
          S3_FORCE_PATH_STYLE: 'true',
        });
      });
    });

    afterAll(async () => {
      await s3.close();
      await server.close();
      rmSync(s3Directory, { recursive: true, force: true });
    });

    it('should stream a finished upload into the bucket and leave nothing on local disk', async () => {
      const lead3 = await s3.login(DEMO.lead);
      const member3 = await s3.login(DEMO.northwindMember);
      const target = await (async () => {
        const rows: { id: string }[] = await s3.dataSource.query(
          `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
            WHERE a.name = 'Northwind Social' AND c.status = 'active' LIMIT 1`,
        );
        const active = (await s3.http().get(`/api/contracts/${rows[0].id}`).set(bearer(lead3.accessToken)))
          .body as ContractDetailDto;
        const brief = await s3
          .http()
          .post('/api/briefs')
          .set(bearer(lead3.accessToken))
          .send({
            contractId: active.id,
            goalIds: [active.allocations[0].goalId],
            title: 'Bucket test',
            objective: 'Files to a bucket',
            audience: 'Everyone',
            keyMessages: ['Far'],
            channels: ['youtube'],
            funnelStage: 'awareness',
            dueDate: '2030-01-31',
            specs: [
              {
                rateCardItemId: active.rateCard[0].id,
                quantity: 1,
                dueDate: '2030-01-20',
                channel: 'youtube',
              },
            ],
          })
          .expect(201);
        const briefId = (brief.body as BriefDetailDto).id;
        await s3.http().post(`/api/briefs/${briefId}/send`).set(bearer(lead3.accessToken)).expect(200);
        const accepted = await s3
          .http()
          .post(`/api/briefs/${briefId}/accept`)
          .set(bearer(member3.accessToken))
          .expect(200);
        return (accepted.body as BriefDetailDto).deliverables[0].id;
      })();
      const bytes = png(12 * 1024 * 1024 + 5);
      const createdUpload = await s3
        .http()
        .post('/api/uploads')
        .set(bearer(member3.accessToken))
        .set(TUS)
        .set('Upload-Length', String(bytes.length))
        .set('Upload-Metadata', metadata({ deliverableId: target, filename: 'cover.png' }))
        .expect(201);
      const location = createdUpload.headers['location'];

      const finished = await s3
        .http()
        .patch(location)
        .set(bearer(member3.accessToken))
        .set(TUS)
        .set('Upload-Offset', '0')
        .set('Content-Type', OCTETS)
        .send(bytes);

      expect(finished.status).toBe(204);
      const rows: { storage_key: string; sha256: string }[] = await s3.dataSource.query(
        'SELECT storage_key, sha256 FROM stored_files WHERE id = $1',
        [finished.headers['upload-file-id']],
      );
      expect(rows[0].sha256).toBe(sha256(bytes));
      const storage = s3.app.get<FileStorage>(storageToken);
      expect(storage.constructor.name).toBe('S3Storage');
      const stored = await storage.open(rows[0].storage_key);
      const hash = createHash('sha256');
      for await (const chunk of stored) hash.update(chunk as Buffer);
      expect(hash.digest('hex')).toBe(sha256(bytes));
      expect(filesUnder(s3.config.uploadTmpDir)).toEqual([]);
      expect(filesUnder(s3.config.storageDir).filter((path) => path.includes('deliverables'))).toEqual([]);
    });
  });

  describe('with a small upload limit', () => {
    let small: TestApp;

    beforeAll(async () => {
      // A second Nest app in this process would re-register the global passport JWT strategy with
      // its own secret and sign everyone out of the first app; its own module registry keeps both apart.
      await jest.isolateModulesAsync(async () => {
        const support = await import('../support/test-app');
        small = await support.createTestApp({ UPLOAD_MAX_BYTES: '4096' });
      });
    });

    afterAll(async () => {
      await small.close();
    });

    it('should answer 413 and store nothing when Upload-Length is over the limit', async () => {
      const token = (await small.login(DEMO.northwindMember)).accessToken;
      const before = filesUnder(small.config.storageDir).sort();

      const response = await small
        .http()
        .post('/api/uploads')
        .set(bearer(token))
        .set(TUS)
        .set('Upload-Length', '4097')
        .set(
          'Upload-Metadata',
          metadata({ deliverableId: '00000000-0000-4000-8000-000000000000', filename: 'big.mp4' }),
        );

      expect(response.status).toBe(413);
      expect(response.body).toEqual({
        code: 'payload_too_large',
        message: 'The file is larger than the upload limit of 4 KB.',
      });
      expect(filesUnder(small.config.storageDir).sort()).toEqual(before);
      const rows: { count: number }[] = await small.dataSource.query(
        'SELECT count(*)::int AS count FROM stored_files WHERE deliverable_id IS NOT NULL',
      );
      expect(rows[0].count).toBe(0);
    });
  });
});
