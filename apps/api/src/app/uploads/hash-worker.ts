import { Worker } from 'node:worker_threads';

/**
 * Running sha256 hashes computed on a worker thread, so hashing a large upload runs beside the
 * request handling instead of on the event loop. Chunks are copied into one shared ring buffer
 * (never shared with the stream that writes them to disk, no allocation per chunk) and the worker
 * hashes them from there in order; a writer waits when the ring is full, so memory stays flat
 * however far the worker falls behind. If the worker fails, every running hash is lost and its
 * digest rejects: the caller hashes the file from disk instead.
 */

/** The worker's code, run with `eval` so it needs no file of its own in the webpack bundle. */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
let ring;
let processed = 0;
parentPort.on('message', (message) => {
  switch (message.op) {
    case 'init':
      ring = new Uint8Array(message.ring);
      break;
    case 'start':
      hashes.set(message.key, createHash('sha256'));
      break;
    case 'update': {
      const hash = hashes.get(message.key);
      if (hash) hash.update(ring.subarray(message.start, message.start + message.length));
      processed += message.length;
      if (processed >= ${256 * 1024}) {
        parentPort.postMessage({ op: 'ack', bytes: processed });
        processed = 0;
      }
      break;
    }
    case 'digest': {
      const hash = hashes.get(message.key);
      hashes.delete(message.key);
      parentPort.postMessage({ op: 'ack', bytes: processed });
      processed = 0;
      parentPort.postMessage({ op: 'digest', seq: message.seq, digest: hash ? hash.digest('hex') : null });
      break;
    }
    case 'drop':
      hashes.delete(message.key);
      break;
  }
});
`;

const RING_BYTES = 4 * 1024 * 1024;
/** Consecutive bytes of one hash are announced to the worker in batches of this size (a message per network chunk costs more than the hashing). */
const BATCH_BYTES = 256 * 1024;

type Reply = { op: 'ack'; bytes: number } | { op: 'digest'; seq: number; digest: string | null };

export class HashWorker {
  private worker: Worker | undefined;
  /** Incremented whenever a worker starts: hashes started on an earlier one are gone. */
  private generation = 0;
  private readonly ring = new Uint8Array(new SharedArrayBuffer(RING_BYTES));
  /** Bytes ever copied into the ring, and bytes the worker has finished with. */
  private head = 0;
  private tail = 0;
  private waiting: (() => void)[] = [];
  /** Bytes copied into the ring but not yet announced to the worker. */
  private pending: { key: string; start: number; length: number } | undefined;
  private nextSeq = 0;
  private readonly digests = new Map<
    number,
    { resolve: (digest: string) => void; reject: (error: Error) => void }
  >();

  /** Starts a hash under `key` (replacing any); returns the generation to quote with it. */
  start(key: string): number {
    this.flush();
    this.ensureWorker().postMessage({ op: 'start', key });
    return this.generation;
  }

  /** Whether a hash started in `generation` is still being kept. */
  alive(generation: number): boolean {
    return this.worker !== undefined && generation === this.generation;
  }

  /**
   * Adds chunks, in order, to the hash under `key`. Returns undefined when they were queued at
   * once, or a promise that resolves once all of them are queued (the ring was full): wait for it
   * before the next update.
   */
  update(key: string, chunks: readonly Uint8Array[]): Promise<void> | undefined {
    for (const [index, chunk] of chunks.entries()) {
      const queued = this.copyIn(key, chunk, 0);
      if (queued < chunk.length) return this.queueRest(key, chunks, index, queued);
    }
    return undefined;
  }

  /** The hex digest of everything added under `key` since its start; the hash is then forgotten. */
  digest(key: string, generation: number): Promise<string> {
    if (!this.alive(generation)) return Promise.reject(new Error('The hash worker was restarted'));
    const seq = this.nextSeq++;
    this.flush();
    return new Promise((resolve, reject) => {
      this.digests.set(seq, { resolve, reject });
      this.ensureWorker().postMessage({ op: 'digest', key, seq });
    });
  }

  drop(key: string): void {
    this.flush();
    this.worker?.postMessage({ op: 'drop', key });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.fail(new Error('The hash worker was closed'));
    if (worker) await worker.terminate();
  }

  /** Copies as much of the chunk as the ring has room for, from `from`; returns how far it got. */
  private copyIn(key: string, chunk: Uint8Array, from: number): number {
    this.ensureWorker();
    let offset = from;
    while (offset < chunk.length) {
      const free = RING_BYTES - (this.head - this.tail);
      if (free === 0) {
        // The worker must hear of everything queued, or it could never make room.
        this.flush();
        break;
      }
      const start = this.head % RING_BYTES;
      const length = Math.min(chunk.length - offset, free, RING_BYTES - start);
      this.ring.set(chunk.subarray(offset, offset + length), start);
      this.announce(key, start, length);
      this.head += length;
      offset += length;
    }
    return offset;
  }

  /** Extends the pending batch when the bytes follow it for the same hash; otherwise sends it and starts anew. */
  private announce(key: string, start: number, length: number): void {
    const pending = this.pending;
    if (pending && pending.key === key && pending.start + pending.length === start) {
      pending.length += length;
    } else {
      this.flush();
      this.pending = { key, start, length };
    }
    if ((this.pending?.length ?? 0) >= BATCH_BYTES) this.flush();
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = undefined;
    if (pending && this.worker) this.worker.postMessage({ op: 'update', ...pending });
  }

  /** Queues what is left of `chunks` from chunk `index`, byte `from`, waiting for room whenever the ring is full. */
  private async queueRest(
    key: string,
    chunks: readonly Uint8Array[],
    index: number,
    from: number,
  ): Promise<void> {
    let offset = from;
    for (const chunk of chunks.slice(index)) {
      offset = this.copyIn(key, chunk, offset);
      while (offset < chunk.length) {
        await new Promise<void>((resume) => this.waiting.push(resume));
        offset = this.copyIn(key, chunk, offset);
      }
      offset = 0;
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', (reply: Reply) => this.onReply(reply));
    worker.on('error', (error) => this.replace(worker, error));
    worker.on('exit', () => this.replace(worker, new Error('The hash worker stopped')));
    worker.postMessage({ op: 'init', ring: this.ring.buffer });
    this.worker = worker;
    this.generation += 1;
    return worker;
  }

  private onReply(reply: Reply): void {
    if (reply.op === 'ack') {
      this.tail = Math.min(this.head, this.tail + reply.bytes);
      this.release();
      return;
    }
    const pending = this.digests.get(reply.seq);
    this.digests.delete(reply.seq);
    if (!pending) return;
    if (reply.digest) pending.resolve(reply.digest);
    else pending.reject(new Error('The hash worker had no such hash'));
  }

  /** A failed worker takes its hashes with it: waiting digests reject, writers go on. */
  private replace(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.fail(error);
  }

  private fail(error: Error): void {
    this.pending = undefined;
    this.tail = this.head;
    this.release();
    for (const pending of this.digests.values()) pending.reject(error);
    this.digests.clear();
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }
}
