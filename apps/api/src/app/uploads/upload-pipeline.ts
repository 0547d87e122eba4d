import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Upload } from '@tus/server';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { DomainError, fieldError, invalidState, notFound } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DeliverablesService } from '../deliverables/deliverables.service';
import { DELIVERABLE_TYPES_MESSAGE, detectDeliverableType } from '../files/content-detection';
import { FILE_STORAGE, type FileStorage } from '../files/file-storage';
import { syncDirectory } from '../files/durable-write-stream';
import { LocalDiskStorage } from '../files/local-disk-storage';
import { StoredFile } from '../files/stored-file.entity';
import { readClientMetadata, readStoredMetadata, type UploadMetadata } from './upload-metadata';
import { UploadTempStore } from './upload-temp-store';

/**
 * The portal's rules along a tus upload, from creation to a stored_files row: who may upload
 * what, who may resume it, and what becomes of a finished upload. The protocol itself is
 * @tus/server's (see TusUploadServer).
 */
@Injectable()
export class UploadPipeline {
  /** Finishing uploads by id: a repeated final request waits for the same result. */
  private readonly finishing = new Map<string, Promise<StoredFile>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: UploadTempStore,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly deliverables: DeliverablesService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /**
   * Checks a new upload before anything is stored: its length and metadata, and that the actor
   * may upload to the deliverable. Returns the metadata to keep with the upload.
   */
  async prepare(actor: Actor, upload: Pick<Upload, 'size' | 'metadata'>): Promise<UploadMetadata> {
    if (upload.size === undefined) {
      throw fieldError('Upload-Length', 'Give the Upload-Length when the upload is created.');
    }
    if (upload.size === 0) throw fieldError('Upload-Length', 'The file is empty.');
    const { deliverableId, filename } = readClientMetadata(upload.metadata);
    await this.deliverables.assertCanUpload(actor, deliverableId);
    return { deliverableId, filename, ownerId: actor.id };
  }

  /** An unfinished upload is its creator's alone: anyone else is told it does not exist. */
  async requireOwnUpload(actor: Actor, id: string): Promise<void> {
    const upload = await this.store.getUpload(id);
    if (readStoredMetadata(upload)?.ownerId !== actor.id) throw notFound('Upload');
  }

  /**
   * Turns a finished upload into a stored file: content checked against the allowlist, sha256,
   * bytes moved into file storage, row recorded. The temporary upload is gone afterwards,
   * whatever the outcome, so a refused file leaves nothing behind.
   */
  complete(actor: Actor, upload: Upload): Promise<StoredFile> {
    const running = this.finishing.get(upload.id);
    if (running) return running;
    const work = this.finish(actor, upload).finally(() => this.finishing.delete(upload.id));
    this.finishing.set(upload.id, work);
    return work;
  }

  private async finish(actor: Actor, upload: Upload): Promise<StoredFile> {
    try {
      const metadata = readStoredMetadata(upload);
      if (!metadata || metadata.ownerId !== actor.id) throw notFound('Upload');
      const size = upload.size;
      if (size === undefined || upload.offset !== size) throw invalidState('The upload is not complete yet.');
      const path = this.store.dataPath(upload.id);
      const contentType = await detectDeliverableType(path);
      if (!contentType) throw new DomainError('unsupported_media_type', DELIVERABLE_TYPES_MESSAGE);
      // Still allowed? The deliverable may have moved on while the bytes were arriving.
      await this.deliverables.assertCanUpload(actor, metadata.deliverableId);
      const sha256 = await this.store.sha256(upload.id, size);
      const key = `deliverables/${metadata.deliverableId}/${randomUUID()}`;
      await this.moveIntoStorage(path, key);
      try {
        const files = this.dataSource.getRepository(StoredFile);
        return await files.save(
          files.create({
            storageKey: key,
            originalName: metadata.filename,
            contentType,
            sizeBytes: size,
            sha256,
            uploadedBy: actor.id,
            deliverableId: metadata.deliverableId,
            versionId: null,
          }),
        );
      } catch (error) {
        await this.storage.remove(key).catch(() => undefined);
        throw error;
      }
    } finally {
      await this.store.discard(upload.id);
    }
  }

  /**
   * On local disk a rename (the temporary folder sits under STORAGE_DIR by default), so a large
   * file is written once; elsewhere, or across file systems, a stream into the storage.
   */
  private async moveIntoStorage(path: string, key: string): Promise<void> {
    if (this.storage instanceof LocalDiskStorage) {
      // LocalDiskStorage keeps `key` at `<STORAGE_DIR>/<key>`.
      const target = resolve(join(resolve(this.config.storageDir), key));
      await mkdir(dirname(target), { recursive: true });
      try {
        await rename(path, target);
        // The bytes were flushed as they arrived; the new name must be durable too.
        await syncDirectory(dirname(target));
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      }
    }
    await this.storage.put(key, createReadStream(path));
  }
}
