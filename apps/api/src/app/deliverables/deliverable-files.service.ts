import { Injectable, type StreamableFile } from '@nestjs/common';
import { previewKind, type FileStreamLinkDto, type RenditionKind } from '@agency-portal/shared';
import type { Request, Response } from 'express';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { FilesService } from '../files/files.service';
import { StoredFile } from '../files/stored-file.entity';
import { FileRendition } from '../renditions/file-rendition.entity';
import { FileStreamLinks } from './file-stream-links';

/** Streams deliverable files: inline when the browser can preview them safely, else as attachments. */
@Injectable()
export class DeliverableFilesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly files: FilesService,
    private readonly access: AccessService,
    private readonly links: FileStreamLinks,
  ) {}

  /** A stream link for a file the actor may open (404 otherwise). */
  async streamLink(actor: Actor, fileId: string): Promise<FileStreamLinkDto> {
    const file = await this.visibleFile(actor, fileId);
    return this.links.issue(actor, file.id);
  }

  /** The file behind a stream link, for the link's actor, under the same rule as its content. */
  async stream(
    token: string,
    fileId: string,
    request: Request,
    response: Response,
  ): Promise<StreamableFile | undefined> {
    const actor = await this.links.actorFor(token, fileId);
    return this.content(actor, fileId, false, request, response);
  }

  /**
   * A rendition of a deliverable file (its web-sized preview, a video's poster), for exactly those
   * who may open the original: 404 for anyone else, and while it is not made yet.
   */
  async rendition(
    actor: Actor,
    fileId: string,
    kind: RenditionKind,
    request: Request,
    response: Response,
  ): Promise<StreamableFile | undefined> {
    const file = await this.visibleFile(actor, fileId);
    const rendition = await this.uow.manager.findOneBy(FileRendition, {
      fileId: file.id,
      kind,
      status: 'ready',
    });
    if (!rendition?.storageKey || !rendition.contentType || rendition.sizeBytes === null || !rendition.sha256)
      throw notFound('Rendition');
    const baseName = file.originalName.replace(/\.[^.]*$/, '');
    return this.files.serve(
      {
        storageKey: rendition.storageKey,
        originalName: `${baseName}-${kind}.webp`,
        contentType: rendition.contentType,
        sizeBytes: rendition.sizeBytes,
        sha256: rendition.sha256,
      },
      request,
      response,
      'inline',
    );
  }

  /** A deliverable file for whoever may see its deliverable (or the uploader, before submission). */
  async content(
    actor: Actor,
    fileId: string,
    forceDownload: boolean,
    request: Request,
    response: Response,
  ): Promise<StreamableFile | undefined> {
    const file = await this.visibleFile(actor, fileId);
    const inline = !forceDownload && previewKind(file.contentType) !== null;
    return this.files.serve(file, request, response, inline ? 'inline' : 'attachment');
  }

  private async visibleFile(actor: Actor, fileId: string): Promise<StoredFile> {
    const qb = this.uow.manager
      .getRepository(StoredFile)
      .createQueryBuilder('file')
      .where('file.id = :fileId', { fileId });
    const file = await this.access.scope(qb, actor, 'file', 'file').getOne();
    if (!file) throw notFound('File');
    return file;
  }
}
