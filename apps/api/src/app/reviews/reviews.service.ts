import { Injectable } from '@nestjs/common';
import type {
  AppliedPolicyDto,
  ApprovalStepDto,
  DeliverableDetailDto,
  DeliverableStatus,
  StepDecision,
} from '@agency-portal/shared';
import {
  applyDecision,
  canSubmitVersion,
  commentRequired,
  isAgencyRole,
  isBriefRunning,
  stepRefusal,
} from '@agency-portal/shared';
import { ApprovalPoliciesService } from '../approval-policies/approval-policies.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { Brief } from '../briefs/brief.entity';
import type { Contract } from '../contracts/contract.entity';
import { DomainError, fieldError, forbidden, invalidState } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { ApprovalDecision, Deliverable, DeliverableVersion } from '../deliverables/deliverable.entity';
import { currentStepDueAt } from '../deliverables/deliverable.mapper';
import { DeliverablesService } from '../deliverables/deliverables.service';
import type { DecideDto, SubmitVersionDto } from '../deliverables/dto/deliverable.dto';
import { DomainEvents } from '../events/domain-events.service';
import { msg } from '../i18n/message';
import type { EntityManager } from 'typeorm';
import { RenditionsService } from '../renditions/renditions.service';
import { UploadsService } from '../uploads/uploads.service';
import { approversOf, decisionsOn } from './review-audience';

/**
 * The review of a deliverable: the agency submits a version, each step's approvers decide
 * (exactly one decision counts), and reviews past their step's SLA are escalated.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliverables: DeliverablesService,
    private readonly audit: AuditService,
    private readonly policies: ApprovalPoliciesService,
    private readonly events: DomainEvents,
    private readonly uploads: UploadsService,
    private readonly renditions: RenditionsService,
  ) {}

  /**
   * The agency submits a version: its uploaded files are attached for good, the review starts at
   * step one of the policy that applies now (kept with the deliverable), and the approvers hear of it.
   * Its images' previews and videos' posters are queued to be made once it commits.
   */
  async submitVersion(actor: Actor, id: string, input: SubmitVersionDto): Promise<DeliverableDetailDto> {
    await this.uow.run(async (manager) => {
      const { deliverable, brief, contract } = await this.deliverables.loadVisible(manager, actor, id, true);
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
      const [row] = await manager.query<{ next: number }[]>(
        'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM deliverable_versions WHERE deliverable_id = $1',
        [id],
      );
      const version = await manager.save(
        manager.create(DeliverableVersion, {
          deliverableId: id,
          number: Number(row?.next ?? 1),
          copyText: input.copyText,
          uploadedBy: actor.id,
        }),
      );
      // Only the submitter's own finished uploads for this deliverable, not yet part of a version.
      const files = await this.uploads.claimForVersion(manager, actor, id, input.fileIds, version.id);
      await this.renditions.queueFor(manager, files);
      const policy = await this.policies.effectiveForContract(manager, contract.id);
      const before = { status: deliverable.status, currentVersionId: deliverable.currentVersionId };
      Object.assign(deliverable, {
        status: 'in_review',
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
      // "Ready for review" goes to those who may decide the first step, and to nobody else.
      const recipients = await approversOf(manager, policy.steps, 0, {
        contractOwnerId: contract.ownerId,
        decisions: [],
      });
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
    return this.deliverables.get(actor, id);
  }

  /**
   * One decision per step counts. The deliverable row is locked, then updated only if it is still in
   * review on the same version and step (a conditional UPDATE); whoever finds it changed gets 409
   * with the current state, and nothing of theirs is written. A person decides at most one step of
   * a version (unless the step allows it): the lock makes a second decision by the same person, at
   * the same moment on the next step, wait and then see the first.
   */
  async decide(actor: Actor, id: string, input: DecideDto): Promise<DeliverableDetailDto> {
    if (commentRequired(input.decision) && !input.comment) {
      throw fieldError('comment', 'A comment is required to request changes or reject.');
    }
    await this.uow.run(async (manager) => {
      const { deliverable, brief, contract } = await this.deliverables.loadVisible(manager, actor, id, true);
      if (!isBriefRunning(brief.status)) {
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
      const stand = {
        contractOwnerId: contract.ownerId,
        decisions: await decisionsOn(manager, input.versionId),
      };
      const refusal = stepRefusal(policy.steps, input.stepIndex, actor, stand);
      if (!step || refusal === 'not_approver') throw forbidden('You are not an approver of this step.');
      if (refusal === 'decided_earlier_step') {
        throw forbidden('You decided an earlier step of this version; another approver decides this one.');
      }
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
      await this.announceDecision(manager, actor, {
        deliverable,
        contract,
        policy,
        input,
        outcome,
        decisions: [...stand.decisions, { stepIndex: input.stepIndex, approverId: actor.id }],
      });
    });
    return this.deliverables.get(actor, id);
  }

  /** Reviews past their step's SLA: the step's approvers and the agency's relationship owner hear once per step. */
  async escalateOverdue(now: Date = new Date()): Promise<number> {
    const escalated = await this.uow.run(async (manager) => {
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
        const rows: { relationship_owner_id: string; owner_id: string }[] = await manager.query(
          `SELECT a.relationship_owner_id, c.owner_id FROM briefs b JOIN contracts c ON c.id = b.contract_id
             JOIN agencies a ON a.id = c.agency_id WHERE b.id = $1`,
          [deliverable.briefId],
        );
        const steps = deliverable.reviewPolicy?.steps ?? [];
        const approvers = await approversOf(manager, steps, deliverable.currentStep ?? -1, {
          contractOwnerId: rows[0]?.owner_id ?? '',
          decisions: deliverable.currentVersionId
            ? await decisionsOn(manager, deliverable.currentVersionId)
            : [],
        });
        const recipients = new Set([
          ...approvers.map((user) => user.id),
          ...rows.map((row) => row.relationship_owner_id),
        ]);
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
            dueAt: due.toISOString(),
          },
          audience: { userIds: [...recipients] },
        });
        count++;
      }
      return count;
    });
    return escalated;
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

  /**
   * Who hears of a decision, through the outbox after commit: the agency always; when the review
   * moves on, those who may decide the next step ("ready for review", and nobody else); when it
   * ends (approved, changes requested, rejected), the contract's owner, the lead who owns the brief,
   * unless they decided it themselves.
   */
  private async announceDecision(
    manager: EntityManager,
    actor: Actor,
    facts: {
      deliverable: Deliverable;
      contract: Contract;
      policy: AppliedPolicyDto;
      input: DecideDto;
      outcome: { status: DeliverableStatus; nextStep: number | null };
      decisions: StepDecision[];
    },
  ): Promise<void> {
    const { deliverable, contract, policy, input, outcome } = facts;
    const step = policy.steps[input.stepIndex] as ApprovalStepDto;
    const ended = outcome.status !== 'in_review';
    const owner = ended && contract.ownerId !== actor.id ? [contract.ownerId] : [];
    await this.events.publish(
      manager,
      {
        type: 'deliverable.decided',
        payload: {
          deliverableId: deliverable.id,
          deliverableTitle: deliverable.title,
          decision: input.decision,
          stepName: step.name,
          deciderName: actor.name,
          comment: input.comment || null,
          outcome: outcome.status,
        },
        audience: { agencyIds: [contract.agencyId], userIds: owner },
      },
      actor,
    );
    const next = outcome.nextStep;
    const nextStep = next !== null ? policy.steps[next] : undefined;
    if (next === null || !nextStep) return;
    const approvers = await approversOf(manager, policy.steps, next, {
      contractOwnerId: contract.ownerId,
      decisions: facts.decisions,
    });
    const version = await manager.findOneByOrFail(DeliverableVersion, { id: input.versionId });
    await this.events.publish(
      manager,
      {
        type: 'deliverable.step_ready',
        payload: {
          deliverableId: deliverable.id,
          deliverableTitle: deliverable.title,
          versionNumber: version.number,
          previousStepName: step.name,
          deciderName: actor.name,
          stepName: nextStep.name,
          slaHours: nextStep.slaHours,
        },
        audience: { userIds: approvers.map((user) => user.id) },
      },
      actor,
    );
  }
}
