import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { FILE_STORAGE, FileNotFoundError, type FileStorage } from './file-storage';
import { StoredFile } from './stored-file.entity';
import type { ReceivedFile } from './upload';

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
    file: StoredFile,
    response: Response,
    disposition: 'attachment' | 'inline' = 'attachment',
  ): Promise<StreamableFile> {
    let stream;
    try {
      stream = await this.storage.open(file.storageKey);
    } catch (error) {
      if (error instanceof FileNotFoundError) throw notFound('File');
      throw error;
    }
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
    return new StreamableFile(stream, { type: file.contentType, length: file.sizeBytes });
  }
}
