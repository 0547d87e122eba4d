import { Injectable } from '@nestjs/common';
import type {
  DeliverableDetailDto,
  DeliverableSortKey,
  DeliverableSummaryDto,
  Page,
} from '@agency-portal/shared';
import { canPublish, canSubmitVersion, isAgencyRole, isBriefRunning } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { ApprovalPoliciesService } from '../approval-policies/approval-policies.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { Brief } from '../briefs/brief.entity';
import { forbidden, invalidState, notFound } from '../common/errors/domain-error';
import {
  paginate,
  toPage,
  whereSearch,
  type ListSpec,
  whereEqual,
  whereBetween,
} from '../common/lists/paginate';
import { Contract } from '../contracts/contract.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { msg } from '../i18n/message';
import { loadDeliverableDetail } from './deliverable-detail';
import {
  deliverableSummaryQuery,
  thumbnailOf,
  whereAwaitingDecisionOf,
  withThumbnail,
} from './deliverable-queries';
import { Deliverable } from './deliverable.entity';
import { toDeliverableSummary } from './deliverable.mapper';
import type {
  CreateDerivedDeliverableDto,
  DeliverableListQueryDto,
  PublishDeliverableDto,
} from './dto/deliverable.dto';

const DELIVERABLE_LIST: ListSpec<DeliverableSortKey> = {
  alias: 'deliverable',
  sorts: {
    dueDate: { expression: 'deliverable.due_date', type: 'date' },
    title: { expression: 'deliverable.title', type: 'text' },
    createdAt: { expression: 'deliverable.created_at', type: 'timestamptz' },
    updatedAt: { expression: 'deliverable.updated_at', type: 'timestamptz' },
  },
  defaultSort: 'dueDate',
};

export interface Visible {
  deliverable: Deliverable;
  brief: Brief;
  contract: Contract;
}

/**
 * Deliverables: the list and detail, cut-downs, publishing, and whether the agency may upload for
 * one. Review (submit, decide, escalate) is reviews/reviews.service; file content is
 * deliverable-files.service.
 */
@Injectable()
export class DeliverablesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly policies: ApprovalPoliciesService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: DeliverableListQueryDto): Promise<Page<DeliverableSummaryDto>> {
    const qb = deliverableSummaryQuery(this.uow.manager);
    this.access.scope(qb, actor, 'deliverable', 'deliverable');
    if (query.contractId) {
      qb.andWhere('deliverable.brief_id IN (SELECT b.id FROM briefs b WHERE b.contract_id = :contractId)', {
        contractId: query.contractId,
      });
    }
    whereEqual(qb, {
      'deliverable.brief_id': query.briefId,
      'deliverable.derived_from_id': query.derivedFromId,
      'deliverable.status': query.status,
      'deliverable.channel': query.channel,
    });
    whereBetween(qb, 'deliverable.due_date', query.dueFrom, query.dueTo);
    if (query.awaitingMe) whereAwaitingDecisionOf(qb, actor);
    whereSearch(qb, query.q, ['deliverable.title']);
    const page = await paginate(withThumbnail(qb), DELIVERABLE_LIST, query);
    return toPage(page, (deliverable) =>
      toDeliverableSummary(deliverable, undefined, thumbnailOf(page.raw.get(deliverable.id))),
    );
  }

  async get(actor: Actor, id: string): Promise<DeliverableDetailDto> {
    return loadDeliverableDetail(this.uow.manager, this.access, this.policies, actor, id);
  }

  /** Before any byte is stored: only the deliverable's own agency, while it awaits a version. */
  async assertCanUpload(actor: Actor, deliverableId: string): Promise<void> {
    if (!isAgencyRole(actor.role)) throw forbidden('Only the agency uploads versions.');
    const { deliverable, brief } = await this.loadVisible(this.uow.manager, actor, deliverableId);
    if (!canSubmitVersion(deliverable.status, brief.status)) {
      throw invalidState(
        msg(
          'This deliverable is {status, select, draft {a draft} in_review {in review} changes_requested {waiting for changes} approved {approved} rejected {rejected} published {published} other {{status}}}; it does not take a new version now.',
          {
            status: deliverable.status,
          },
        ),
      );
    }
  }

  /** A cut-down of a master asset for another channel, in the same brief; lineage is kept. */
  async createDerivative(
    actor: Actor,
    id: string,
    input: CreateDerivedDeliverableDto,
  ): Promise<DeliverableDetailDto> {
    const childId = await this.uow.run(async (manager) => {
      const { deliverable, brief } = await this.loadVisible(manager, actor, id);
      if (!isBriefRunning(brief.status)) throw invalidState('The brief is not running.');
      const child = await manager.save(
        manager.create(Deliverable, {
          briefId: deliverable.briefId,
          specId: deliverable.specId,
          title: input.title,
          channel: input.channel ?? null,
          dueDate: input.dueDate,
          derivedFromId: deliverable.id,
          status: 'draft',
          currentVersionId: null,
          currentStep: null,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'deliverable.derived',
        entity: 'deliverable',
        entityId: child.id,
        after: { title: child.title, channel: child.channel, derivedFromId: deliverable.id },
      });
      return child.id;
    });
    return this.get(actor, childId);
  }

  async publish(actor: Actor, id: string, input: PublishDeliverableDto): Promise<DeliverableDetailDto> {
    await this.uow.run(async (manager) => {
      const { deliverable } = await this.loadVisible(manager, actor, id, true);
      if (!canPublish(deliverable.status)) throw invalidState('Only approved deliverables can be published.');
      deliverable.status = 'published';
      deliverable.postUrl = input.postUrl;
      deliverable.publishedAt = input.publishedAt ? new Date(input.publishedAt) : new Date();
      await manager.save(deliverable);
      await this.audit.record(manager, actor, {
        action: 'deliverable.published',
        entity: 'deliverable',
        entityId: id,
        before: { status: 'approved' },
        after: { status: 'published', postUrl: input.postUrl },
      });
    });
    return this.get(actor, id);
  }

  /** Loads a deliverable with its brief and contract, answering 404 outside the actor's scope. */
  async loadVisible(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<Visible> {
    const qb = manager
      .getRepository(Deliverable)
      .createQueryBuilder('deliverable')
      .where('deliverable.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const deliverable = await this.access.scope(qb, actor, 'deliverable', 'deliverable').getOne();
    if (!deliverable) throw notFound('Deliverable');
    const brief = await manager.findOneByOrFail(Brief, { id: deliverable.briefId });
    const contract = await manager.findOneByOrFail(Contract, { id: brief.contractId });
    return { deliverable, brief, contract };
  }
}
