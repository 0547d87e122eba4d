import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { FileNotFoundError } from '../../src/app/files/file-storage';
import { S3Storage } from '../../src/app/files/s3-storage';

/**
 * S3Storage against a real S3-compatible server (s3rver) on loopback: the SDK's actual requests,
 * multipart upload included, not a mock of the SDK.
 */

const BUCKET = 'portal-files';
const MiB = 1024 * 1024;

/** A deterministic stream of `size` pseudo-random bytes in uneven chunks, with its sha256. */
function generated(size: number, seed: string): { stream: Readable; sha256: string } {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let block = createHash('sha256').update(seed).digest();
  for (let produced = 0; produced < size;) {
    const length = Math.min(size - produced, 700_001);
    const chunk = Buffer.alloc(length);
    for (let offset = 0; offset < length; offset += block.length) {
      block = createHash('sha256').update(block).digest();
      block.copy(chunk, offset);
    }
    hash.update(chunk);
    chunks.push(chunk);
    produced += length;
  }
  return { stream: Readable.from(chunks), sha256: hash.digest('hex') };
}

async function sha256Of(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    size += buffer.length;
  }
  return { sha256: hash.digest('hex'), size };
}

describe('S3Storage against an S3-compatible server', () => {
  let directory: string;
  let server: S3rver;
  let storage: S3Storage;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'agency-portal-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory,
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { address, port } = await server.run();
    storage = new S3Storage({
      bucket: BUCKET,
      endpoint: `http://${address}:${port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
    });
  });

  afterAll(async () => {
    storage.onApplicationShutdown();
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should store and stream back a multi-megabyte file when it is put in parts', async () => {
    const size = 21 * MiB + 12345; // three 8 MiB parts, the last one partial
    const { stream, sha256 } = generated(size, 'round trip');

    await storage.put('deliverables/d1/video.mp4', stream);
    const read = await sha256Of(await storage.open('deliverables/d1/video.mp4'));

    expect(read).toEqual({ sha256, size });
  });

  it('should store a small file in one request when it is smaller than a part', async () => {
    const content = randomBytes(1000);

    await storage.put('small/one', Readable.from([content]));
    const read = await sha256Of(await storage.open('small/one'));

    expect(read).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), size: 1000 });
  });

  it('should replace the content when a key is put twice', async () => {
    await storage.put('twice', Readable.from([Buffer.from('first')]));
    await storage.put('twice', Readable.from([Buffer.from('second')]));

    const read = await sha256Of(await storage.open('twice'));

    expect(read.sha256).toBe(createHash('sha256').update('second').digest('hex'));
  });

  it('should reject with FileNotFoundError when the key is unknown', async () => {
    await expect(storage.open('nowhere/nothing')).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('should forget a file when it is removed, and not mind removing it again', async () => {
    await storage.put('gone/soon', Readable.from([Buffer.from('bytes')]));

    await storage.remove('gone/soon');
    await storage.remove('gone/soon');

    await expect(storage.open('gone/soon')).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('should fail the put and store nothing when the source stream fails midway', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      await Promise.resolve();
      yield randomBytes(9 * MiB);
      throw new Error('client went away');
    }

    await expect(storage.put('broken/upload', Readable.from(failing()))).rejects.toThrow('client went away');
    await expect(storage.open('broken/upload')).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it('should stream only the bytes asked for when a range is opened', async () => {
    const bytes = Buffer.from('0123456789abcdefghij');
    await storage.put('ranged/file', Readable.from([bytes]));

    const middle = await sha256Of(await storage.open('ranged/file', { start: 5, end: 9 }));
    const tail = await sha256Of(await storage.open('ranged/file', { start: 15, end: 19 }));

    expect(middle).toEqual({ sha256: createHash('sha256').update('56789').digest('hex'), size: 5 });
    expect(tail).toEqual({ sha256: createHash('sha256').update('fghij').digest('hex'), size: 5 });
  });
});
