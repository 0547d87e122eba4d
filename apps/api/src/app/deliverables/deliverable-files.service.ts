import { Injectable, type StreamableFile } from '@nestjs/common';
import { previewKind } from '@agency-portal/shared';
import type { Request, Response } from 'express';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { FilesService } from '../files/files.service';
import { StoredFile } from '../files/stored-file.entity';

/** Streams deliverable files: inline when the browser can preview them safely, else as attachments. */
@Injectable()
export class DeliverableFilesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly files: FilesService,
    private readonly access: AccessService,
  ) {}

  /** A deliverable file for whoever may see its deliverable (or the uploader, before submission). */
  async content(
    actor: Actor,
    fileId: string,
    forceDownload: boolean,
    request: Request,
    response: Response,
  ): Promise<StreamableFile | undefined> {
    const qb = this.uow.manager
      .getRepository(StoredFile)
      .createQueryBuilder('file')
      .where('file.id = :fileId', { fileId });
    const file = await this.access.scope(qb, actor, 'file', 'file').getOne();
    if (!file) throw notFound('File');
    const inline = !forceDownload && previewKind(file.contentType) !== null;
    return this.files.serve(file, request, response, inline ? 'inline' : 'attachment');
  }
}
