import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { fieldError, notFound } from '../common/errors/domain-error';
import { StoredFile } from '../files/stored-file.entity';
import { toStoredFileResponse, type StoredFileResponse } from './dto/stored-file.response';
import { UUID } from './upload-metadata';

/**
 * Finished deliverable uploads (stored_files rows with a deliverable and no version yet): what
 * their uploader may see of them, and their hand-over to a submitted version.
 */
@Injectable()
export class UploadsService {
  constructor(private readonly dataSource: DataSource) {}

  /** A finished upload for its uploader, while it is not yet part of a version. */
  async describe(actor: Actor, fileId: string): Promise<StoredFileResponse> {
    const file = await this.dataSource.getRepository(StoredFile).findOneBy({
      id: fileId,
      uploadedBy: actor.id,
      deliverableId: Not(IsNull()),
      versionId: IsNull(),
    });
    if (!file) throw notFound('File');
    return toStoredFileResponse(file);
  }

  /**
   * Attaches the actor's finished, unattached uploads for a deliverable to a version being
   * submitted, in the caller's transaction (the rows are locked; outside a transaction TypeORM
   * refuses). All or nothing: if any id does not qualify, nothing changes and validation_failed
   * names the field `fileIds`. Returns the files in the order given.
   */
  async claimForVersion(
    manager: EntityManager,
    actor: Actor,
    deliverableId: string,
    fileIds: string[],
    versionId: string,
  ): Promise<StoredFile[]> {
    if (fileIds.some((id) => !UUID.test(id))) throw fieldError('fileIds', 'Every file id must be a UUID.');
    if (new Set(fileIds).size !== fileIds.length)
      throw fieldError('fileIds', 'Each file may be listed once.');
    if (fileIds.length === 0) return [];
    const files = await manager
      .getRepository(StoredFile)
      .createQueryBuilder('file')
      .setLock('pessimistic_write')
      .where('file.id IN (:...fileIds)', { fileIds })
      .andWhere('file.deliverable_id = :deliverableId', { deliverableId })
      .andWhere('file.uploaded_by = :actorId', { actorId: actor.id })
      .andWhere('file.version_id IS NULL')
      .getMany();
    if (files.length !== fileIds.length) {
      throw fieldError(
        'fileIds',
        'Every file must be a finished upload of yours for this deliverable that is not yet part of a version.',
      );
    }
    await manager
      .createQueryBuilder()
      .update(StoredFile)
      .set({ versionId })
      .where('id IN (:...fileIds)', { fileIds })
      .execute();
    const byId = new Map(files.map((file) => [file.id, Object.assign(file, { versionId })]));
    return fileIds.flatMap((id) => byId.get(id) ?? []);
  }
}
