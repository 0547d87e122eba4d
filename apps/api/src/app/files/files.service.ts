import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError, notFound } from '../common/errors/domain-error';
import { msg } from '../i18n/message';
import { answerRange, entityTag, type ByteRange } from './byte-ranges';
import { FILE_STORAGE, FileNotFoundError, type FileStorage } from './file-storage';
import { StoredFile } from './stored-file.entity';
import type { ReceivedFile } from './upload';

/** What serving stored bytes needs to know: a stored file, or a rendition of one. */
export type ServableFile = Pick<
  StoredFile,
  'storageKey' | 'originalName' | 'contentType' | 'sizeBytes' | 'sha256'
>;

@Injectable()
export class FilesService {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  /** Records a received file inside the caller's transaction. */
  async record(manager: EntityManager, received: ReceivedFile, actor: Actor): Promise<StoredFile> {
    return manager.save(
      manager.create(StoredFile, {
        storageKey: received.storageKey,
        originalName: received.originalName,
        contentType: received.contentType,
        sizeBytes: received.sizeBytes,
        sha256: received.sha256,
        uploadedBy: actor.id,
      }),
    );
  }

  /** Best-effort clean-up of bytes whose database record was never written. */
  async discard(received: ReceivedFile | undefined): Promise<void> {
    if (received) await this.storage.remove(received.storageKey).catch(() => undefined);
  }

  /**
   * Streams a stored file as an attachment with its detected type: never rendered inline as
   * HTML, never sniffed by the browser.
   */
  async download(
    file: ServableFile,
    response: Response,
    disposition: 'attachment' | 'inline' = 'attachment',
  ): Promise<StreamableFile> {
    const stream = await this.open(file);
    this.describe(file, response, disposition);
    return new StreamableFile(stream, { type: file.contentType, length: file.sizeBytes });
  }

  /**
   * The same, answering the request's Range (206 with the bytes asked for, 416 when none of them
   * exist), If-Range and If-None-Match (304) against the content's sha256 as a strong ETag, so a
   * video seeks without downloading the whole file.
   */
  async serve(
    file: ServableFile,
    request: Request,
    response: Response,
    disposition: 'attachment' | 'inline',
  ): Promise<StreamableFile | undefined> {
    const etag = entityTag(file.sha256);
    const answer = answerRange(file.sizeBytes, etag, {
      range: request.headers.range,
      ifRange: header(request, 'if-range'),
      ifNoneMatch: header(request, 'if-none-match'),
    });
    if (answer.kind === 'unsatisfiable') {
      response.setHeader('Content-Range', `bytes */${file.sizeBytes}`);
      throw new DomainError(
        'range_not_satisfiable',
        msg('The range asked for is outside the file, which has {size, number} bytes.', {
          size: file.sizeBytes,
        }),
      );
    }
    const range: ByteRange | undefined = answer.kind === 'partial' ? answer.range : undefined;
    const stream = answer.kind === 'not_modified' ? undefined : await this.open(file, range);
    this.describe(file, response, disposition);
    // Kept by the browser for this person only, and revalidated (by ETag) before each use.
    response.setHeader('Cache-Control', 'private, no-cache');
    response.setHeader('ETag', etag);
    response.setHeader('Accept-Ranges', 'bytes');
    if (!stream) {
      response.status(304);
      return undefined;
    }
    if (range) {
      response.status(206);
      response.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.sizeBytes}`);
    }
    const length = range ? range.end - range.start + 1 : file.sizeBytes;
    return new StreamableFile(stream, { type: file.contentType, length });
  }

  private async open(file: ServableFile, range?: ByteRange): Promise<Readable> {
    try {
      return await this.storage.open(file.storageKey, range);
    } catch (error) {
      if (error instanceof FileNotFoundError) throw notFound('File');
      throw error;
    }
  }

  private describe(file: ServableFile, response: Response, disposition: 'attachment' | 'inline'): void {
    response.attachment(file.originalName);
    if (disposition === 'inline') {
      // Same encoded file name, shown in place: only ever for detected image, video and PDF types.
      response.setHeader(
        'Content-Disposition',
        String(response.getHeader('Content-Disposition')).replace(/^attachment/, 'inline'),
      );
    }
    // attachment() guesses a type from the file name; the detected type is the only one served.
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('Cache-Control', 'private, no-store');
  }
}

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
