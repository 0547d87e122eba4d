import { forwardRef, Inject, Injectable, type StreamableFile } from '@nestjs/common';
import type {
  ApprovalStepDto,
  DeliverableDetailDto,
  DeliverableSortKey,
  DeliverableStatus,
  DeliverableSummaryDto,
  Page,
} from '@agency-portal/shared';
import {
  applyDecision,
  canPublish,
  canSubmitVersion,
  commentRequired,
  isAgencyRole,
  previewKind,
} from '@agency-portal/shared';
import type { Response } from 'express';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import type { Actor } from '../auth/actor';
import { Brief } from '../briefs/brief.entity';
import { currentStepDueAt, toDeliverableSummary } from '../briefs/brief.mapper';
import { DomainError, fieldError, forbidden, invalidState, notFound } from '../common/errors/domain-error';
import { Contract } from '../contracts/contract.entity';
import { FilesService } from '../files/files.service';
import { StoredFile } from '../files/stored-file.entity';
import { DomainEvents } from '../events/domain-events.service';
import { ApprovalPoliciesService, isApproverOf } from '../reviews/approval-policies.service';
import type { UploadTargets } from '../uploads/upload-targets';
import { UploadsService } from '../uploads/uploads.service';
import { User } from '../users/user.entity';
import { ApprovalDecision, Deliverable, DeliverableVersion } from './deliverable.entity';
import { deliverableSummaryQuery, thumbnailOf, withThumbnail } from './deliverable-queries';
import { loadDeliverableDetail } from './deliverable-detail';
import type {
  CreateDerivedDeliverableDto,
  DecideDto,
  DeliverableListQueryDto,
  PublishDeliverableDto,
  SubmitVersionDto,
} from './dto/deliverable.dto';
import { msg } from '../i18n/message';

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

interface Visible {
  deliverable: Deliverable;
  brief: Brief;
  contract: Contract;
}

@Injectable()
export class DeliverablesService implements UploadTargets {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly policies: ApprovalPoliciesService,
    private readonly events: DomainEvents,
    private readonly files: FilesService,
    @Inject(forwardRef(() => UploadsService)) private readonly uploads: UploadsService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: DeliverableListQueryDto): Promise<Page<DeliverableSummaryDto>> {
    const qb = deliverableSummaryQuery(this.dataSource.manager);
    this.access.scope(qb, actor, 'deliverable', 'deliverable');
    if (query.briefId) qb.andWhere('deliverable.brief_id = :briefId', { briefId: query.briefId });
    if (query.contractId) {
      qb.andWhere('deliverable.brief_id IN (SELECT b.id FROM briefs b WHERE b.contract_id = :contractId)', {
        contractId: query.contractId,
      });
    }
    if (query.derivedFromId) {
      qb.andWhere('deliverable.derived_from_id = :derivedFromId', { derivedFromId: query.derivedFromId });
    }
    if (query.status) qb.andWhere('deliverable.status = :status', { status: query.status });
    if (query.channel) qb.andWhere('deliverable.channel = :channel', { channel: query.channel });
    if (query.dueFrom) qb.andWhere('deliverable.due_date >= :dueFrom', { dueFrom: query.dueFrom });
    if (query.dueTo) qb.andWhere('deliverable.due_date <= :dueTo', { dueTo: query.dueTo });
    if (query.awaitingMe) {
      // The caller's review queue, decided in SQL: the current step of the snapshotted policy names
      // them by role or by id (the same rule as isApproverOf); indexed by the partial indexes on in-review rows.
      qb.andWhere("deliverable.status = 'in_review'").andWhere(
        `((deliverable.review_policy->'steps'->deliverable.current_step->>'approverRole') = :queueRole
          OR (deliverable.review_policy->'steps'->deliverable.current_step->'approverUserIds') @> jsonb_build_array(CAST(:queueUser AS text)))`,
        { queueRole: actor.role, queueUser: actor.id },
      );
    }
    whereSearch(qb, query.q, ['deliverable.title']);
    const page = await paginate(withThumbnail(qb), DELIVERABLE_LIST, query);
    return toPage(page, (deliverable) =>
      toDeliverableSummary(deliverable, undefined, thumbnailOf(page.raw.get(deliverable.id))),
    );
  }

  async get(actor: Actor, id: string): Promise<DeliverableDetailDto> {
    return loadDeliverableDetail(this.dataSource.manager, this.access, this.policies, actor, id);
  }

  /** Before any byte is stored: only the deliverable's own agency, while it awaits a version. */
  async assertCanUpload(actor: Actor, deliverableId: string): Promise<void> {
    if (!isAgencyRole(actor.role)) throw forbidden('Only the agency uploads versions.');
    const { deliverable, brief } = await this.loadVisible(this.dataSource.manager, actor, deliverableId);
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
    const childId = await this.dataSource.transaction(async (manager) => {
      const { deliverable, brief } = await this.loadVisible(manager, actor, id);
      if (!['accepted', 'in_progress'].includes(brief.status))
        throw invalidState('The brief is not running.');
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

  /**
   * The agency submits a version: its uploaded files are attached for good, the review starts at
   * step one of the policy that applies now (kept with the deliverable), and the approvers hear of it.
   */
  async submitVersion(actor: Actor, id: string, input: SubmitVersionDto): Promise<DeliverableDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const { deliverable, brief, contract } = await this.loadVisible(manager, actor, id, true);
      if (!isAgencyRole(actor.role)) throw forbidden('Only the agency submits versions.');
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
      const [{ next }] = (await manager.query(
        'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM deliverable_versions WHERE deliverable_id = $1',
        [id],
      )) as { next: number }[];
      const version = await manager.save(
        manager.create(DeliverableVersion, {
          deliverableId: id,
          number: Number(next),
          copyText: input.copyText,
          uploadedBy: actor.id,
        }),
      );
      // Only the submitter's own finished uploads for this deliverable, not yet part of a version.
      await this.uploads.claimForVersion(manager, actor, id, input.fileIds, version.id);
      const policy = await this.policies.effectiveForContract(manager, contract.id);
      const before = { status: deliverable.status, currentVersionId: deliverable.currentVersionId };
      Object.assign(deliverable, {
        status: 'in_review' as DeliverableStatus,
        currentVersionId: version.id,
        currentStep: 0,
        reviewStartedAt: new Date(),
        escalatedStep: null,
        reviewPolicy: policy,
      });
      await manager.save(deliverable);
      if (brief.status === 'accepted') {
        await manager.update(Brief, { id: brief.id }, { status: 'in_progress' });
        await this.audit.record(manager, actor, {
          action: 'brief.in_progress',
          entity: 'brief',
          entityId: brief.id,
          before: { status: 'accepted' },
          after: { status: 'in_progress' },
        });
      }
      await this.audit.record(manager, actor, {
        action: 'deliverable.version_submitted',
        entity: 'deliverable',
        entityId: id,
        before,
        after: {
          status: 'in_review',
          versionId: version.id,
          number: version.number,
          fileIds: input.fileIds,
          policy: policy.name,
        },
      });
      const firstStep = policy.steps[0] as ApprovalStepDto;
      const recipients = await this.approversOf(manager, firstStep, [contract.ownerId]);
      await this.events.publish(
        manager,
        {
          type: 'deliverable.version_submitted',
          payload: {
            deliverableId: id,
            deliverableTitle: deliverable.title,
            versionNumber: version.number,
            submitterName: actor.name,
            firstStepName: firstStep.name,
            firstStepSlaHours: firstStep.slaHours,
          },
          audience: { userIds: recipients.map((user) => user.id) },
        },
        actor,
      );
    });
    return this.get(actor, id);
  }

  /**
   * One decision per step counts. The deliverable row is updated only if it is still in review on
   * the same version and step (a conditional UPDATE); whoever finds it changed gets 409 with the
   * current state, and nothing of theirs is written.
   */
  async decide(actor: Actor, id: string, input: DecideDto): Promise<DeliverableDetailDto> {
    if (commentRequired(input.decision) && !input.comment) {
      throw fieldError('comment', 'A comment is required to request changes or reject.');
    }
    await this.dataSource.transaction(async (manager) => {
      const { deliverable, brief, contract } = await this.loadVisible(manager, actor, id);
      if (!['accepted', 'in_progress'].includes(brief.status)) {
        throw invalidState(
          msg(
            'The brief is {status, select, draft {draft} sent {sent} accepted {accepted} declined {declined} in_progress {in progress} completed {completed} cancelled {cancelled} other {{status}}}; its deliverables are no longer reviewed.',
            { status: brief.status },
          ),
        );
      }
      const policy = deliverable.reviewPolicy;
      const stale =
        deliverable.status !== 'in_review' ||
        deliverable.currentVersionId !== input.versionId ||
        deliverable.currentStep !== input.stepIndex ||
        !policy;
      if (stale) throw this.conflict(deliverable);
      const step = policy.steps[input.stepIndex];
      if (!step || !isApproverOf(step, actor)) throw forbidden('You are not an approver of this step.');
      const outcome = applyDecision(input.stepIndex, policy.steps.length, input.decision);
      const updated = await manager
        .createQueryBuilder()
        .update(Deliverable)
        .set({
          status: outcome.status,
          currentStep: outcome.nextStep,
          reviewStartedAt: outcome.nextStep !== null ? new Date() : null,
          escalatedStep: null,
        })
        .where('id = :id', { id })
        .andWhere("status = 'in_review'")
        .andWhere('current_version_id = :versionId', { versionId: input.versionId })
        .andWhere('current_step = :step', { step: input.stepIndex })
        .execute();
      if (updated.affected !== 1) {
        throw this.conflict(await manager.findOneByOrFail(Deliverable, { id }));
      }
      await manager.insert(ApprovalDecision, {
        versionId: input.versionId,
        stepIndex: input.stepIndex,
        stepName: step.name,
        approverId: actor.id,
        decision: input.decision,
        comment: input.comment || null,
      });
      await this.audit.record(manager, actor, {
        action: `deliverable.${input.decision === 'approve' ? 'step_approved' : input.decision === 'reject' ? 'rejected' : 'changes_requested'}`,
        entity: 'deliverable',
        entityId: id,
        before: { status: 'in_review', step: input.stepIndex, versionId: input.versionId },
        after: {
          status: outcome.status,
          step: outcome.nextStep,
          decision: input.decision,
          comment: input.comment ?? null,
        },
      });
      const nextStep = outcome.nextStep !== null ? policy.steps[outcome.nextStep] : undefined;
      const nextApprovers = nextStep ? await this.approversOf(manager, nextStep, []) : [];
      await this.events.publish(
        manager,
        {
          type: 'deliverable.decided',
          payload: {
            deliverableId: id,
            deliverableTitle: deliverable.title,
            decision: input.decision,
            stepName: step.name,
            deciderName: actor.name,
            comment: input.comment || null,
            outcome: outcome.status,
          },
          audience: { agencyIds: [contract.agencyId], userIds: nextApprovers.map((user) => user.id) },
        },
        actor,
      );
    });
    return this.get(actor, id);
  }

  async publish(actor: Actor, id: string, input: PublishDeliverableDto): Promise<DeliverableDetailDto> {
    await this.dataSource.transaction(async (manager) => {
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

  /** A deliverable file for whoever may see its deliverable (or the uploader, before submission). */
  async fileContent(
    actor: Actor,
    fileId: string,
    forceDownload: boolean,
    response: Response,
  ): Promise<StreamableFile> {
    const qb = this.dataSource
      .getRepository(StoredFile)
      .createQueryBuilder('file')
      .where('file.id = :fileId', { fileId });
    const file = await this.access.scope(qb, actor, 'file', 'file').getOne();
    if (!file) throw notFound('File');
    const inline = !forceDownload && previewKind(file.contentType) !== null;
    return this.files.download(file, response, inline ? 'inline' : 'attachment');
  }

  /** Reviews past their step's SLA: the step's approvers and the agency's relationship owner hear once per step. */
  async escalateOverdue(now: Date = new Date()): Promise<number> {
    const escalated = await this.dataSource.transaction(async (manager) => {
      const inReview = await manager
        .getRepository(Deliverable)
        .createQueryBuilder('deliverable')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("deliverable.status = 'in_review'")
        .andWhere(
          '(deliverable.escalated_step IS NULL OR deliverable.escalated_step <> deliverable.current_step)',
        )
        .getMany();
      let count = 0;
      for (const deliverable of inReview) {
        const step = deliverable.reviewPolicy?.steps[deliverable.currentStep ?? -1];
        const due = currentStepDueAt(deliverable);
        if (!step || !due || due.getTime() > now.getTime()) continue;
        const rows: { relationship_owner_id: string }[] = await manager.query(
          `SELECT a.relationship_owner_id FROM briefs b JOIN contracts c ON c.id = b.contract_id
             JOIN agencies a ON a.id = c.agency_id WHERE b.id = $1`,
          [deliverable.briefId],
        );
        const recipients = await this.approversOf(
          manager,
          step,
          rows.map((row) => row.relationship_owner_id),
        );
        await manager.update(Deliverable, { id: deliverable.id }, { escalatedStep: deliverable.currentStep });
        await this.audit.record(manager, null, {
          action: 'deliverable.review_overdue',
          entity: 'deliverable',
          entityId: deliverable.id,
          after: {
            step: deliverable.currentStep,
            stepName: step.name,
            slaHours: step.slaHours,
            dueAt: due.toISOString(),
          },
        });
        await this.events.publish(manager, {
          type: 'deliverable.review_overdue',
          payload: {
            deliverableId: deliverable.id,
            deliverableTitle: deliverable.title,
            stepName: step.name,
            slaHours: step.slaHours,
          },
          audience: { userIds: recipients.map((user) => user.id) },
        });
        count++;
      }
      return count;
    });
    return escalated;
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

  private conflict(deliverable: Deliverable): DomainError {
    return new DomainError(
      'conflict',
      'Someone else decided first, or this is no longer the version under review.',
      {
        current: {
          status: deliverable.status,
          currentStep: deliverable.currentStep,
          currentVersionId: deliverable.currentVersionId,
        },
      },
    );
  }

  /** Active users who may decide a step (its role's members and named users), plus extra ids. */
  private async approversOf(
    manager: EntityManager,
    step: ApprovalStepDto,
    extraIds: string[],
  ): Promise<User[]> {
    const byRole = step.approverRole
      ? await manager.find(User, { where: { role: step.approverRole, active: true, agencyId: IsNull() } })
      : [];
    const ids = [...step.approverUserIds, ...extraIds];
    const named = ids.length ? await manager.find(User, { where: { id: In(ids), active: true } }) : [];
    const all = new Map([...byRole, ...named].map((user) => [user.id, user]));
    return [...all.values()];
  }
}
