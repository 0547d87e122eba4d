import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import type { OnApplicationShutdown } from '@nestjs/common';
import { ERRORS } from '@tus/server';
import { DurableWriteStream } from '../files/durable-write-stream';
import { HashWorker } from './hash-worker';

/** Upload ids are ours: 32 lowercase hex characters, so an id can never name another path. */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;

interface Progress {
  /** The hash worker's generation the running hash lives in. */
  generation: number;
  /** Bytes of the upload the hash has seen, all of them written to disk. */
  offset: number;
}

/** Unfinished uploads whose running hash is remembered; beyond this the oldest are forgotten (and re-read at the end). */
const MAX_TRACKED = 10_000;

/**
 * Where unfinished tus uploads live: one data file and one JSON info file per upload, on local
 * disk. Every PATCH streams straight to the data file (memory stays flat, the disk is flushed as
 * the bytes arrive, and the new offset is answered only once it is durable) and through a running
 * sha256 (on a worker thread), so a finished upload usually needs no second read. When the running hash cannot be
 * trusted (the process restarted, a write failed, chunks arrived out of step) the file is hashed
 * from disk instead.
 */
export class UploadTempStore extends FileStore implements OnApplicationShutdown {
  private readonly progress = new Map<string, Progress>();
  private readonly hashes = new HashWorker();

  /**
   * `expireMs`: how long an upload may take from its creation before deleteExpired() removes it
   * (0: forever). Not @tus/server's expiration extension: its creation-with-upload path looks the
   * upload up again after it finished, and ours are gone by then (moved into storage).
   */
  constructor(
    directory: string,
    private readonly expireMs = 0,
  ) {
    super({ directory });
  }

  /**
   * Deletes every upload created longer than the expiry period ago, unfinished or finished but
   * never claimed (the process stopped between the last byte and the stored file). A tus client
   * then hears 404 for it and starts over. Returns how many went.
   */
  override async deleteExpired(now = Date.now()): Promise<number> {
    if (this.expireMs <= 0 || !this.configstore.list) return 0;
    let deleted = 0;
    for (const id of await this.configstore.list()) {
      if (!UPLOAD_ID.test(id)) continue;
      const upload = await this.configstore.get(id).catch(() => undefined);
      const created = upload?.creation_date ? Date.parse(upload.creation_date) : Number.NaN;
      if (Number.isNaN(created) || now - created <= this.expireMs) continue;
      await this.discard(id);
      deleted += 1;
    }
    return deleted;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const progress = this.progressFor(id, offset);
    const file = new DurableWriteStream(this.dataPath(id), {
      flags: 'r+',
      start: offset,
      observe: progress ? (chunks) => this.hashes.update(id, chunks) : undefined,
    });
    try {
      await pipeline(readable, file);
    } catch {
      this.forget(id);
      // An Error carrying tus's status_code and body: @tus/server answers it like ERRORS.FILE_WRITE_ERROR.
      throw Object.assign(new Error(ERRORS.FILE_WRITE_ERROR.body), ERRORS.FILE_WRITE_ERROR);
    }
    const received = file.bytesWritten;
    if (progress) progress.offset = offset + received;
    return offset + received;
  }

  override async remove(id: string): Promise<void> {
    this.forget(id);
    await super.remove(id);
  }

  /** The data file of an upload. */
  dataPath(id: string): string {
    if (!UPLOAD_ID.test(id)) throw new Error(`Not an upload id: ${id}`);
    return join(this.directory, id);
  }

  /** The sha256 of a finished upload of `size` bytes: the running hash when it covers every byte, else read from disk. */
  async sha256(id: string, size: number): Promise<string> {
    const progress = this.progress.get(id);
    this.progress.delete(id);
    if (progress && progress.offset === size) {
      const digest = await this.hashes.digest(id, progress.generation).catch(() => null);
      if (digest) return digest;
    } else if (progress) {
      this.hashes.drop(id);
    }
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.dataPath(id))) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }

  /** Removes whatever is left of an upload (data and info), whether or not it still exists. */
  async discard(id: string): Promise<void> {
    this.forget(id);
    await rm(this.dataPath(id), { force: true });
    await rm(join(this.directory, `${id}.json`), { force: true });
  }

  onApplicationShutdown(): Promise<void> {
    return this.hashes.close();
  }

  private progressFor(id: string, offset: number): Progress | undefined {
    if (offset === 0) {
      this.progress.delete(id);
      const fresh = { generation: this.hashes.start(id), offset: 0 };
      this.progress.set(id, fresh);
      if (this.progress.size > MAX_TRACKED) {
        const oldest = this.progress.keys().next().value;
        if (oldest !== undefined) this.forget(oldest);
      }
      return fresh;
    }
    const known = this.progress.get(id);
    if (known && known.offset === offset && this.hashes.alive(known.generation)) return known;
    this.forget(id);
    return undefined;
  }

  private forget(id: string): void {
    if (this.progress.delete(id)) this.hashes.drop(id);
  }
}
