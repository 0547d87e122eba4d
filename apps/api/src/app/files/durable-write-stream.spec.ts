import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DurableWriteStream, syncDirectory } from './durable-write-stream';

/** Pieces of `bytes`, `size` each, as a readable stream. */
function piecesOf(bytes: Buffer, size: number): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return Readable.from(pieces);
}

/** Opens files for real and lets a test change what the handle does; records the calls in order. */
function instrumentOpen(change: (handle: FileHandle, calls: string[]) => void = () => undefined) {
  const calls: string[] = [];
  const realOpen = fsPromises.open;
  const spy = jest.spyOn(fsPromises, 'open').mockImplementation(async (...args) => {
    const handle = await realOpen(...args);
    const datasync = handle.datasync.bind(handle);
    handle.datasync = async () => {
      calls.push('datasync');
      await datasync();
    };
    change(handle, calls);
    return handle;
  });
  return { calls, spy };
}

describe('DurableWriteStream', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'durable-write-'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(directory, { recursive: true, force: true });
  });

  it('should write every byte at the offset and flush as it goes, the last flush before finishing', async () => {
    const path = join(directory, 'data');
    const head = randomBytes(100);
    writeFileSync(path, head);
    const body = randomBytes(50_000);
    const { calls } = instrumentOpen();
    const stream = new DurableWriteStream(path, { flags: 'r+', start: 100, flushEvery: 8_000 });
    stream.on('finish', () => calls.push('finish'));

    await pipeline(piecesOf(body, 1_000), stream);

    expect(readFileSync(path).equals(Buffer.concat([head, body]))).toBe(true);
    expect(calls.filter((call) => call === 'datasync').length).toBeGreaterThan(1);
    expect(calls.at(-1)).toBe('finish');
    expect(calls.at(-2)).toBe('datasync');
  });

  it('should finish writing when the file system takes only part of a batch at a time', async () => {
    const path = join(directory, 'data');
    const body = randomBytes(20_000);
    instrumentOpen((handle) => {
      const writev = handle.writev.bind(handle);
      // At most 777 bytes per call, wherever that falls in the buffers.
      handle.writev = async (buffers: NodeJS.ArrayBufferView[], position?: number | null) => {
        let left = 777;
        const part: Buffer[] = [];
        for (const buffer of buffers as Buffer[]) {
          if (left === 0) break;
          part.push(buffer.subarray(0, left));
          left -= Math.min(left, buffer.length);
        }
        return writev(part, position ?? undefined);
      };
    });

    await pipeline(piecesOf(body, 3_000), new DurableWriteStream(path, { flags: 'wx' }));

    expect(readFileSync(path).equals(body)).toBe(true);
  });

  it('should show every byte to the observer in order, waiting for it, and count what it wrote', async () => {
    const path = join(directory, 'data');
    const body = randomBytes(30_000);
    const seen: Buffer[] = [];
    const stream = new DurableWriteStream(path, {
      flags: 'wx',
      observe: (chunks) => {
        seen.push(...chunks);
        return new Promise((done) => setTimeout(done, 1));
      },
    });

    await pipeline(piecesOf(body, 1_000), stream);

    expect(Buffer.concat(seen).equals(body)).toBe(true);
    expect(stream.bytesWritten).toBe(30_000);
  });

  it('should fail the write when the observer fails', async () => {
    const path = join(directory, 'data');
    const stream = new DurableWriteStream(path, {
      flags: 'wx',
      observe: () => Promise.reject(new Error('hash lost')),
    });

    await expect(pipeline(piecesOf(randomBytes(5_000), 1_000), stream)).rejects.toThrow('hash lost');
  });

  it('should refuse to create a file that exists, leaving it as it was', async () => {
    const path = join(directory, 'data');
    writeFileSync(path, 'kept');

    await expect(
      pipeline(Readable.from([Buffer.from('new')]), new DurableWriteStream(path, { flags: 'wx' })),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('kept');
  });

  it('should fail the write when a flush fails, instead of answering that the bytes are stored', async () => {
    const path = join(directory, 'data');
    instrumentOpen((handle) => {
      // Only the first, background flush fails (as when writeback hit a bad block); later ones succeed.
      const datasync = handle.datasync.bind(handle);
      let failed = false;
      handle.datasync = () => {
        if (failed) return datasync();
        failed = true;
        return Promise.reject(Object.assign(new Error('I/O error'), { code: 'EIO' }));
      };
    });

    await expect(
      pipeline(
        piecesOf(randomBytes(40_000), 1_000),
        new DurableWriteStream(path, { flags: 'wx', flushEvery: 4_000 }),
      ),
    ).rejects.toMatchObject({ code: 'EIO' });
  });

  it('should flush a folder so a rename in it lasts', async () => {
    await expect(syncDirectory(directory)).resolves.toBeUndefined();
    await expect(syncDirectory(join(directory, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
