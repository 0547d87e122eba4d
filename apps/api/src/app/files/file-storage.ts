import type { Readable } from 'node:stream';
import type { ByteRange } from './byte-ranges';

/**
 * Where file bytes live. Local disk by default; an S3-compatible implementation fills the same
 * interface for deployments. Keys are opaque, slash-separated paths chosen by the portal.
 */
export interface FileStorage {
  /** Streams the content to the key; resolves once it is durably stored. */
  put(key: string, content: Readable): Promise<void>;
  /**
   * A stream of the stored content, or of bytes `range.start` to `range.end` (inclusive) of it;
   * rejects with FileNotFoundError when the key is unknown.
   */
  open(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the key; removing a missing key is not an error. */
  remove(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class FileNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored file at ${key}`);
    this.name = 'FileNotFoundError';
  }
}
