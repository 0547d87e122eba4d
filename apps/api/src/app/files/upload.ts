import { createHash, randomUUID } from 'node:crypto';
import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { DomainError } from '../common/errors/domain-error';
import type { FileStorage } from './file-storage';
import { msg, type Text } from '../i18n/message';

/** What the upload pipeline learned about a file while streaming it into storage. */
export interface ReceivedFile {
  storageKey: string;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ContentRule {
  /** Detected content type for the head of the file, or null when it is not allowed. */
  detect(head: Buffer): string | null;
  /** Shown when detection fails, e.g. "The signed document must be a PDF." */
  message: Text;
}

/** PDF by content: the `%PDF-` signature within the first 1024 bytes, as readers accept it. */
export const PDF_ONLY: ContentRule = {
  detect: (head) => (head.subarray(0, 1024).includes(Buffer.from('%PDF-')) ? 'application/pdf' : null),
  message: msg('The file must be a PDF.'),
};

const HEAD_BYTES = 4096;

/**
 * Counts, hashes and keeps the first bytes of everything that passes, without buffering the
 * file: memory stays flat whatever the size.
 */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    }
    callback(null, chunk);
  }
}

/**
 * A multer storage engine that streams each file straight into the portal's FileStorage,
 * checksumming it on the way, then checks its content against the rule. A file that fails the
 * check is removed again, so nothing is left behind.
 */
export function streamingStorage(
  storage: FileStorage,
  keyPrefix: () => string,
  rule: ContentRule,
): StorageEngine {
  return {
    _handleFile(
      _request: Request,
      file: Express.Multer.File,
      callback: (error?: unknown, info?: Partial<Express.Multer.File> & { received?: ReceivedFile }) => void,
    ) {
      const key = `${keyPrefix()}/${randomUUID()}`;
      const inspector = new Inspector();
      const source = file.stream;
      const body = new PassThrough();
      source.pipe(inspector).pipe(body);
      source.on('error', (error) => body.destroy(error));
      storage
        .put(key, body)
        .then(async () => {
          const contentType = rule.detect(inspector.head);
          if (!contentType) {
            await storage.remove(key);
            throw new DomainError('unsupported_media_type', rule.message);
          }
          const received: ReceivedFile = {
            storageKey: key,
            originalName: sanitiseFileName(file.originalname),
            contentType,
            sizeBytes: inspector.size,
            sha256: inspector.hash.digest('hex'),
          };
          callback(null, { size: inspector.size, received });
        })
        .catch(async (error: unknown) => {
          await storage.remove(key).catch(() => undefined);
          callback(error);
        });
    },
    _removeFile(
      _request: Request,
      file: Express.Multer.File & { received?: ReceivedFile },
      callback: (error: Error | null) => void,
    ) {
      const key = file.received?.storageKey;
      if (!key) return callback(null);
      storage.remove(key).then(
        () => callback(null),
        (error: Error) => callback(error),
      );
    },
  };
}

/** Keeps a display name safe for headers and file systems. */
export function sanitiseFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && char !== '"')
    .join('')
    .trim();
  return (cleaned || 'file').slice(0, 200);
}

export type UploadedFile = Express.Multer.File & { received?: ReceivedFile };

export function requireReceived(file: UploadedFile | undefined): ReceivedFile {
  if (!file?.received) {
    throw new DomainError('validation_failed', 'Attach the file in the multipart field "file".', {
      fields: [{ field: 'file', messages: ['A file is required.'] }],
    });
  }
  return file.received;
}
