import { Injectable } from '@nestjs/common';
import type { CommentDto, CommentPin, Page } from '@agency-portal/shared';
import { pinProblem, previewKind, type PinProblem } from '@agency-portal/shared';
import { type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { UnitOfWork } from '../database/unit-of-work';
import { fieldError, notFound } from '../common/errors/domain-error';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { StoredFile } from '../files/stored-file.entity';
import { msg, type Message } from '../i18n/message';
import { Comment } from './comment.entity';
import type { CommentListQueryDto, CommentPinDto, CreateCommentDto } from './dto/review.dto';

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

  /**
   * A comment on a version, optionally pinned to a point or a rectangle of one of its images, PDF
   * pages or video frames, or to a video's timecode.
   */
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
        pin = storedPin(input.pin, file);
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

const PIN_MESSAGES: Record<PinProblem['problem'], Message> = {
  kind_not_on_target: msg(
    'This kind of pin does not go on this file: points and regions go on images and PDF pages, regions and timecodes on videos.',
  ),
  page_required: msg('Say which page of the PDF the pin is on.'),
  page_only_on_pdf: msg('Only pins on a PDF have a page.'),
  seconds_required: msg('Say at which time of the video the region is drawn.'),
  seconds_only_on_video: msg('Only pins on a video have a time.'),
};

/** The pin as stored: only the fields of its kind, checked against the file it is on (shared `pinProblem`). */
function storedPin(input: CommentPinDto, file: StoredFile): CommentPin {
  const target = previewKind(file.contentType);
  if (!target)
    throw fieldError('pin.fileId', 'Pins go on images, videos and PDFs; this file has no preview.');
  if (input.kind === 'point' && input.seconds !== undefined)
    throw fieldError('pin.seconds', PIN_MESSAGES.seconds_only_on_video);
  const pin = pinOf(input, file.id);
  const problem = pinProblem(pin, target);
  if (problem) throw fieldError(problem.field, PIN_MESSAGES[problem.problem]);
  return pin;
}

function pinOf(input: CommentPinDto, fileId: string): CommentPin {
  const optional = {
    ...(input.page !== undefined ? { page: input.page } : {}),
    ...(input.seconds !== undefined ? { seconds: input.seconds } : {}),
  };
  switch (input.kind) {
    case 'point':
      return {
        kind: 'point',
        x: input.x as number,
        y: input.y as number,
        ...(input.page !== undefined ? { page: input.page } : {}),
        fileId,
      };
    case 'region':
      return {
        kind: 'region',
        x: input.x as number,
        y: input.y as number,
        w: input.w as number,
        h: input.h as number,
        ...optional,
        fileId,
      };
    case 'timecode':
      return { kind: 'timecode', seconds: input.seconds as number, fileId };
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
