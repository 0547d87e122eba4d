import { open, type FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { asError } from '../common/errors/as-error';

/** Bytes written between two background flushes (fdatasync) while a file streams in. */
const FLUSH_EVERY = 16 * 1024 * 1024;

/**
 * Bytes queued per stream while a write is in flight. The default 16 KiB makes the socket and the
 * disk take turns (one 64 KiB write per network chunk); 4 MiB lets reading go on while the file
 * system writes batches (writev). Measured on loopback: ~1.4× the throughput.
 */
const WRITE_BUFFER = 4 * 1024 * 1024;

export interface DurableWriteOptions {
  /** `r+` writes into an existing file at `start`; `wx` creates a new one (and fails if it exists). */
  flags: 'r+' | 'wx';
  start?: number;
  /** Bytes between two background flushes; 16 MiB unless a test wants it smaller. */
  flushEvery?: number;
  /**
   * Sees every batch of chunks, in order, while the batch is being written (a running hash, say).
   * A promise it returns holds the next batch back until it settles; a rejection fails the write.
   */
  observe?: (chunks: readonly Buffer[]) => Promise<void> | undefined;
}

/**
 * Makes a rename or a new file in `directory` durable: the directory's own entry list is flushed
 * (a file's fsync does not cover the name that points at it).
 */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * A file write stream whose `finish` means the bytes are on the disk, not only in the page cache.
 *
 * While bytes arrive it starts an fdatasync every 16 MiB in the background (never more than one
 * at a time, never waited for by the writes), so the disk works while the network is still
 * delivering and dirty pages stay few; the final flush then has little left to do. Without it,
 * a large file sits in memory until the kernel's writeback threshold (10 % of RAM by default)
 * and the last byte's acknowledgement could be lost in a crash that the client never hears of.
 */
export class DurableWriteStream extends Writable {
  private handle: FileHandle | undefined;
  private position: number;
  private readonly start: number;
  private readonly flushEvery: number;
  private sinceFlush = 0;
  private flushing: Promise<void> | undefined;
  private flushError: Error | undefined;

  constructor(
    private readonly path: string,
    private readonly options: DurableWriteOptions,
  ) {
    super({ highWaterMark: WRITE_BUFFER });
    this.start = options.start ?? 0;
    this.position = this.start;
    this.flushEvery = options.flushEvery ?? FLUSH_EVERY;
  }

  override _construct(callback: (error?: Error | null) => void): void {
    open(this.path, this.options.flags).then(
      (handle) => {
        this.handle = handle;
        callback();
      },
      (error: Error) => callback(error),
    );
  }

  override _writev(
    chunks: { chunk: Buffer; encoding: BufferEncoding }[],
    callback: (error?: Error | null) => void,
  ): void {
    const buffers = chunks.map(({ chunk }) => chunk);
    const writing = this.writeAll(buffers);
    let observing: Promise<void> | undefined;
    try {
      observing = this.options.observe?.(buffers);
    } catch (error) {
      observing = Promise.reject(asError(error));
    }
    Promise.all([writing, observing]).then(() => callback(), callback);
  }

  /** Bytes this stream has written to the file so far. */
  get bytesWritten(): number {
    return this.position - this.start;
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.settle()
      .then(() => this.handle?.datasync())
      .then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    const handle = this.handle;
    this.handle = undefined;
    // A flush still running holds the descriptor: let it end before closing.
    const closing = this.settle()
      .catch(() => undefined)
      .then(() => handle?.close());
    closing.then(
      () => callback(error),
      (closeError: Error) => callback(error ?? closeError),
    );
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new Error('The file is not open');
    let pending = buffers;
    while (pending.length > 0) {
      const { bytesWritten } = await handle.writev(pending, this.position);
      this.position += bytesWritten;
      this.sinceFlush += bytesWritten;
      pending = remainderAfter(pending, bytesWritten);
    }
    if (this.flushError) throw this.flushError;
    if (this.sinceFlush >= this.flushEvery && !this.flushing) {
      this.sinceFlush = 0;
      this.flushing = handle
        .datasync()
        .catch((error: unknown) => {
          this.flushError = asError(error);
        })
        .finally(() => {
          this.flushing = undefined;
        });
    }
  }

  /** Waits for a background flush, failing if it failed. */
  private async settle(): Promise<void> {
    await this.flushing;
    if (this.flushError) throw this.flushError;
  }
}

/** What is left of `buffers` once their first `written` bytes are written (writev may write part). */
function remainderAfter(buffers: Buffer[], written: number): Buffer[] {
  let skip = written;
  let index = 0;
  for (let buffer = buffers[index]; buffer && skip >= buffer.length; buffer = buffers[index]) {
    skip -= buffer.length;
    index += 1;
  }
  const partial = buffers[index];
  return partial ? [partial.subarray(skip), ...buffers.slice(index + 1)] : [];
}
