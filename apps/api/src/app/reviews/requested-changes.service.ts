import { Injectable } from '@nestjs/common';
import type { RequestedChangesDto } from '@agency-portal/shared';
import { REQUESTED_CHANGES_LIMITS } from '@agency-portal/shared';
import { In } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { joinSome, PERSON } from '../common/lists/paginate';
import { UnitOfWork } from '../database/unit-of-work';
import { ApprovalDecision } from '../deliverables/deliverable.entity';
import { Comment } from './comment.entity';
import { toCommentDto } from './comments.service';

/**
 * What the agency was asked to change on a deliverable: its "request changes" decisions, newest
 * first, each with the comments still open on the version it was made on. Four statements
 * whatever the history: the access check, the capped decisions, the ids of the capped open
 * comments per version (ranked in SQL), and those comments with their authors.
 */
@Injectable()
export class RequestedChangesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, deliverableId: string): Promise<RequestedChangesDto> {
    const manager = this.uow.manager;
    await this.access.require(actor, 'deliverable', deliverableId, manager);

    const decisionQuery = manager.getRepository(ApprovalDecision).createQueryBuilder('decision');
    joinSome(decisionQuery, 'decision.approver', 'approver', PERSON)
      .innerJoin('deliverable_versions', 'version', 'version.id = decision.version_id')
      .addSelect('version.number', 'version_number')
      .addSelect('count(*) OVER ()', 'request_count')
      .where('version.deliverable_id = :deliverableId', { deliverableId })
      .andWhere(`decision.decision = 'request_changes'`)
      .orderBy('decision.decided_at', 'DESC')
      .addOrderBy('decision.id', 'DESC')
      .limit(REQUESTED_CHANGES_LIMITS.requests);
    const decisions = await decisionQuery.getRawAndEntities<{
      decision_id: string;
      version_number: number;
      request_count: string;
    }>();
    if (decisions.entities.length === 0) return { items: [], total: 0 };
    const numberOf = new Map(decisions.raw.map((row) => [row.decision_id, Number(row.version_number)]));

    const versionIds = [...new Set(decisions.entities.map((decision) => decision.versionId))];
    const ranked = await manager
      .createQueryBuilder()
      .select('ranked.id', 'id')
      .addSelect('ranked.open_count', 'open_count')
      .from(
        (sub) =>
          sub
            .select('comment.id', 'id')
            .addSelect(
              'row_number() OVER (PARTITION BY comment.version_id ORDER BY (comment.pin IS NULL), comment.created_at, comment.id)',
              'comment_rank',
            )
            .addSelect('count(*) OVER (PARTITION BY comment.version_id)', 'open_count')
            .from(Comment, 'comment')
            .where('comment.version_id = ANY(CAST(:versionIds AS uuid[]))', { versionIds })
            .andWhere('comment.parent_id IS NULL')
            .andWhere('comment.resolved_at IS NULL'),
        'ranked',
      )
      .where('ranked.comment_rank <= :perRequest', {
        perRequest: REQUESTED_CHANGES_LIMITS.commentsPerRequest,
      })
      .getRawMany<{ id: string; open_count: string }>();
    const comments =
      ranked.length === 0
        ? []
        : await manager.getRepository(Comment).find({
            where: { id: In(ranked.map((row) => row.id)) },
            relations: { author: true, resolver: true },
            order: { createdAt: 'ASC', id: 'ASC' },
          });
    const openOf = new Map<string, Comment[]>();
    const openCount = new Map<string, number>();
    const countById = new Map(ranked.map((row) => [row.id, Number(row.open_count)]));
    for (const comment of [...comments].sort((a, b) => Number(a.pin === null) - Number(b.pin === null))) {
      openOf.set(comment.versionId, [...(openOf.get(comment.versionId) ?? []), comment]);
      openCount.set(comment.versionId, countById.get(comment.id) ?? 0);
    }

    return {
      items: decisions.entities.map((decision) => ({
        decisionId: decision.id,
        versionId: decision.versionId,
        versionNumber: numberOf.get(decision.id) ?? 0,
        stepIndex: decision.stepIndex,
        stepName: decision.stepName,
        requestedBy: {
          id: decision.approverId,
          name: decision.approver?.name ?? '',
          email: decision.approver?.email ?? '',
        },
        comment: decision.comment,
        decidedAt: decision.decidedAt.toISOString(),
        openComments: (openOf.get(decision.versionId) ?? []).map(toCommentDto),
        openCommentCount: openCount.get(decision.versionId) ?? 0,
      })),
      total: Number(decisions.raw[0]?.request_count ?? 0),
    };
  }
}
