import { Injectable } from '@nestjs/common';
import type { CommentDto, Page } from '@agency-portal/shared';
import { type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { UnitOfWork } from '../database/unit-of-work';
import { fieldError, notFound } from '../common/errors/domain-error';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { StoredFile } from '../files/stored-file.entity';
import { Comment } from './comment.entity';
import type { CommentListQueryDto, CreateCommentDto } from './dto/review.dto';

const COMMENT_LIST: ListSpec<'createdAt'> = {
  alias: 'comment',
  sorts: { createdAt: { expression: 'comment.created_at', type: 'timestamptz' } },
  defaultSort: 'createdAt',
};

@Injectable()
export class CommentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, versionId: string, query: CommentListQueryDto): Promise<Page<CommentDto>> {
    await this.requireVersion(this.uow.manager, actor, versionId);
    const qb = this.uow.manager
      .getRepository(Comment)
      .createQueryBuilder('comment')
      .leftJoinAndSelect('comment.author', 'author')
      .leftJoinAndSelect('comment.resolver', 'resolver')
      .where('comment.version_id = :versionId', { versionId });
    if (query.resolved !== undefined) {
      qb.andWhere(query.resolved ? 'comment.resolved_at IS NOT NULL' : 'comment.resolved_at IS NULL');
    }
    whereSearch(qb, query.q, ['comment.body']);
    return toPage(await paginate(qb, COMMENT_LIST, query), toCommentDto);
  }

  /** A comment on a version, optionally pinned to a point of one of its images or PDF pages, or a video timecode. */
  async create(actor: Actor, versionId: string, input: CreateCommentDto): Promise<CommentDto> {
    const id = await this.uow.run(async (manager) => {
      await this.requireVersion(manager, actor, versionId);
      if (input.parentId) {
        const parent = await manager.findOneBy(Comment, { id: input.parentId });
        if (!parent || parent.versionId !== versionId)
          throw fieldError('parentId', 'Replies stay on the same version.');
      }
      let pin: Comment['pin'] = null;
      if (input.pin) {
        const file = await manager.findOneBy(StoredFile, { id: input.pin.fileId });
        if (!file || file.versionId !== versionId)
          throw fieldError('pin.fileId', 'The pin must point at a file of this version.');
        if (input.pin.kind === 'point') {
          const pdf = file.contentType === 'application/pdf';
          if (!file.contentType.startsWith('image/') && !pdf) {
            throw fieldError('pin.kind', 'Point pins go on images and PDF pages.');
          }
          if (pdf && input.pin.page === undefined)
            throw fieldError('pin.page', 'Say which page of the PDF the pin is on.');
          if (!pdf && input.pin.page !== undefined)
            throw fieldError('pin.page', 'Only pins on a PDF have a page.');
          pin = {
            kind: 'point',
            x: input.pin.x as number,
            y: input.pin.y as number,
            fileId: file.id,
            ...(pdf ? { page: input.pin.page } : {}),
          };
        } else {
          if (!file.contentType.startsWith('video/'))
            throw fieldError('pin.kind', 'Timecode pins go on videos.');
          pin = { kind: 'timecode', seconds: input.pin.seconds as number, fileId: file.id };
        }
      }
      const comment = await manager.save(
        manager.create(Comment, {
          versionId,
          parentId: input.parentId ?? null,
          authorId: actor.id,
          body: input.body,
          pin,
          resolvedAt: null,
          resolvedBy: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'comment.created',
        entity: 'comment',
        entityId: comment.id,
        after: { versionId, parentId: comment.parentId, pin },
      });
      return comment.id;
    });
    return this.one(id);
  }

  async setResolved(actor: Actor, id: string, resolved: boolean): Promise<CommentDto> {
    await this.uow.run(async (manager) => {
      const comment = await manager.findOneBy(Comment, { id });
      if (!comment) throw notFound('Comment');
      try {
        await this.requireVersion(manager, actor, comment.versionId);
      } catch {
        throw notFound('Comment');
      }
      const before = { resolved: comment.resolvedAt !== null };
      comment.resolvedAt = resolved ? new Date() : null;
      comment.resolvedBy = resolved ? actor.id : null;
      await manager.save(comment);
      await this.audit.record(manager, actor, {
        action: resolved ? 'comment.resolved' : 'comment.reopened',
        entity: 'comment',
        entityId: id,
        before,
        after: { resolved },
      });
    });
    return this.one(id);
  }

  private async one(id: string): Promise<CommentDto> {
    const comment = await this.uow.manager
      .getRepository(Comment)
      .findOneOrFail({ where: { id }, relations: { author: true, resolver: true } });
    return toCommentDto(comment);
  }

  /** The version must belong to a deliverable the actor may see (404 otherwise). */
  private async requireVersion(manager: EntityManager, actor: Actor, versionId: string): Promise<void> {
    await this.access.require(actor, 'version', versionId, manager);
  }
}

export function toCommentDto(comment: Comment): CommentDto {
  return {
    id: comment.id,
    versionId: comment.versionId,
    parentId: comment.parentId,
    author: { id: comment.authorId, name: comment.author?.name ?? '', email: comment.author?.email ?? '' },
    body: comment.body,
    pin: comment.pin,
    resolved: comment.resolvedAt !== null,
    resolvedBy: comment.resolver
      ? { id: comment.resolver.id, name: comment.resolver.name, email: comment.resolver.email }
      : null,
    createdAt: comment.createdAt.toISOString(),
  };
}
