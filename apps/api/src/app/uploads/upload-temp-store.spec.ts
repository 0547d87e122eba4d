import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/server';
import { UploadTempStore } from './upload-temp-store';

const ID = 'a'.repeat(32);

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

describe('UploadTempStore', () => {
  let directory: string;
  let store: UploadTempStore;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'upload-temp-store-'));
    store = new UploadTempStore(directory);
    await store.create(new Upload({ id: ID, size: 3000, offset: 0, metadata: {} }));
  });

  afterEach(async () => {
    await store.onApplicationShutdown();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should hash while writing when the chunks arrive in order', async () => {
    const bytes = randomBytes(3000);
    expect(await store.write(Readable.from([bytes.subarray(0, 1000)]), ID, 0)).toBe(1000);
    expect(await store.write(Readable.from([bytes.subarray(1000)]), ID, 1000)).toBe(3000);
    // Changed on disk behind the store's back: a running hash does not notice, which shows it was used.
    writeFileSync(store.dataPath(ID), Buffer.alloc(3000));

    const hash = await store.sha256(ID, 3000);

    expect(hash).toBe(sha256(bytes));
  });

  it('should hash the file from disk when the running hash lost step with the offsets', async () => {
    const bytes = randomBytes(3000);
    await store.write(Readable.from([bytes.subarray(0, 1000)]), ID, 0);
    // As after a restart or a write this process did not see: the next append starts elsewhere.
    writeFileSync(store.dataPath(ID), bytes.subarray(0, 2000));
    await store.write(Readable.from([bytes.subarray(2000)]), ID, 2000);

    const hash = await store.sha256(ID, 3000);

    expect(hash).toBe(sha256(bytes));
  });

  it('should forget the running hash and refuse the write when the source fails', async () => {
    const bytes = randomBytes(3000);
    async function* failing(): AsyncGenerator<Buffer> {
      await Promise.resolve();
      yield bytes.subarray(0, 500);
      throw new Error('connection reset');
    }

    await expect(store.write(Readable.from(failing()), ID, 0)).rejects.toMatchObject({ status_code: 500 });
    writeFileSync(store.dataPath(ID), bytes);

    expect(await store.sha256(ID, 3000)).toBe(sha256(bytes));
  });

  it('should leave nothing behind when an upload is discarded, twice or not', async () => {
    await store.write(Readable.from([randomBytes(100)]), ID, 0);

    await store.discard(ID);
    await store.discard(ID);

    expect(readdirSync(directory)).toEqual([]);
    expect(existsSync(store.dataPath(ID))).toBe(false);
  });

  it('should delete uploads older than the expiry period, finished or not, and keep the rest', async () => {
    const hour = 60 * 60 * 1000;
    const expiring = new UploadTempStore(directory, 48 * hour);
    const now = Date.now();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * hour).toISOString();
    const [stale, staleFinished, recent] = ['b', 'c', 'd'].map((letter) => letter.repeat(32));
    await expiring.create(new Upload({ id: stale, size: 10, offset: 0, creation_date: at(49) }));
    await expiring.create(new Upload({ id: staleFinished, size: 0, offset: 0, creation_date: at(72) }));
    await expiring.create(new Upload({ id: recent, size: 10, offset: 0, creation_date: at(47) }));
    writeFileSync(join(directory, 'notes.json'), '{}');

    const deleted = await expiring.deleteExpired(now);

    expect(deleted).toBe(2);
    // ID (beforeEach) was created just now: it stays, with the recent one and the stray file.
    expect(readdirSync(directory).sort()).toEqual(
      [ID, `${ID}.json`, recent, `${recent}.json`, 'notes.json'].sort(),
    );
    await expiring.onApplicationShutdown();
  });

  it('should delete nothing when no expiry period is set', async () => {
    expect(await store.deleteExpired(Date.now() + 365 * 24 * 60 * 60 * 1000)).toBe(0);
    expect(existsSync(store.dataPath(ID))).toBe(true);
  });

  it('should refuse to name a path for anything but an upload id', () => {
    expect(() => store.dataPath('../../etc/passwd')).toThrow('Not an upload id');
  });
});
