import { Transform } from 'node:stream';

/** Bytes gathered before a write: a few socket writes per megabyte instead of one per CSV row. */
export const COALESCE_BYTES = 64 * 1024;

/**
 * Gathers the small chunks a row-by-row writer makes (csv-stringify pushes one per record) into
 * writes of about `bytes`, so a streamed export does not pay a system call per line. Backpressure
 * passes through: it holds at most one batch.
 */
export function coalesce(bytes = COALESCE_BYTES): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer | string, encoding, callback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
      pending.push(buffer);
      size += buffer.length;
      if (size < bytes) return callback();
      const batch = Buffer.concat(pending, size);
      pending = [];
      size = 0;
      callback(null, batch);
    },
    flush(callback) {
      callback(null, size > 0 ? Buffer.concat(pending, size) : null);
    },
  });
}
