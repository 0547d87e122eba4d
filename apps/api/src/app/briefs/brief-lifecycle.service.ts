import { Injectable } from '@nestjs/common';
import type { BriefDetailDto } from '@agency-portal/shared';
import { fitsBudget, type BriefAction } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { DomainError, forbidden, invalidState } from '../common/errors/domain-error';
import { BudgetService } from '../contracts/budget.service';
import { Contract } from '../contracts/contract.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { Deliverable } from '../deliverables/deliverable.entity';
import { DomainEvents } from '../events/domain-events.service';
import { assertBriefAction } from './brief-actions';
import { Brief, DeliverableSpec } from './brief.entity';
import { briefSnapshot } from './brief.mapper';
import { BriefsService } from './briefs.service';

/** The audit action each brief transition is recorded as. */
const AUDITED_AS: Record<BriefAction, string> = {
  edit: 'updated',
  send: 'sent',
  accept: 'accepted',
  decline: 'declined',
  cancel: 'cancelled',
  complete: 'completed',
  override_budget: 'budget_override',
};

/**
 * A brief's workflow: draft → sent → accepted or declined, then completed, or cancelled on the way.
 * Each step is one transaction with its audit record and, where the other side must hear of it, its event.
 */
@Injectable()
export class BriefLifecycleService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly briefs: BriefsService,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly events: DomainEvents,
  ) {}

  /** draft → sent: the agency is told in the app and by e-mail. */
  async send(actor: Actor, id: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'send', async (manager, brief) => {
      brief.status = 'sent';
      brief.sentAt = new Date();
      const contract = await manager.findOneByOrFail(Contract, { id: brief.contractId });
      await this.events.publish(
        manager,
        {
          type: 'brief.sent',
          payload: {
            briefId: brief.id,
            briefTitle: brief.title,
            contractReference: contract.reference,
            dueDate: brief.dueDate,
            senderName: actor.name,
            budgetEstimateMinor: brief.budgetEstimateMinor,
            currency: contract.currency,
          },
          audience: { agencyIds: [contract.agencyId] },
        },
        actor,
      );
    });
    return this.briefs.get(actor, id);
  }

  /** The owner's explicit permission to take the contract past its cap with this brief. */
  async overrideBudget(actor: Actor, id: string, reason: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'override_budget', async (manager, brief) => {
      const contract = await manager.findOneByOrFail(Contract, { id: brief.contractId });
      if (contract.ownerId !== actor.id && actor.role !== 'admin') {
        throw forbidden('Only the contract owner can allow a brief past the budget cap.');
      }
      brief.overrideReason = reason;
      brief.overrideBy = actor.id;
      brief.overrideAt = new Date();
    });
    return this.briefs.get(actor, id);
  }

  /**
   * sent → accepted by the agency: commits the estimate against the contract (refused past the cap
   * unless the owner overrode it) and creates the deliverables from the specs.
   */
  async accept(actor: Actor, id: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'accept', async (manager, brief) => {
      // Serialise commitments on one contract so two acceptances cannot both squeeze under the cap.
      const contract = await this.uow.lockOne(manager, Contract, brief.contractId, 'Contract');
      if (contract.status !== 'active') throw invalidState('The contract is no longer active.');
      const committed = await this.budget.committedMinor(manager, contract.id);
      if (
        !fitsBudget(contract.budgetCapMinor, committed, brief.budgetEstimateMinor) &&
        !brief.overrideReason
      ) {
        throw new DomainError(
          'invalid_state',
          'Accepting this brief would take the contract past its budget cap; the contract owner must allow it first.',
          {
            capMinor: contract.budgetCapMinor,
            committedMinor: committed,
            estimateMinor: brief.budgetEstimateMinor,
          },
        );
      }
      brief.status = 'accepted';
      brief.answeredAt = new Date();
      await this.createDeliverables(manager, brief);
      await this.events.publish(
        manager,
        {
          type: 'brief.accepted',
          payload: { briefId: brief.id, briefTitle: brief.title, agencyUserName: actor.name },
          audience: brandAudience(contract, brief),
        },
        actor,
      );
    });
    return this.briefs.get(actor, id);
  }

  async decline(actor: Actor, id: string, reason: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'decline', async (manager, brief) => {
      brief.status = 'declined';
      brief.declineReason = reason;
      brief.answeredAt = new Date();
      const contract = await manager.findOneByOrFail(Contract, { id: brief.contractId });
      await this.events.publish(
        manager,
        {
          type: 'brief.declined',
          payload: { briefId: brief.id, briefTitle: brief.title, agencyUserName: actor.name, reason },
          audience: brandAudience(contract, brief),
        },
        actor,
      );
    });
    return this.briefs.get(actor, id);
  }

  async cancel(actor: Actor, id: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'cancel', (_manager, brief) => {
      brief.status = 'cancelled';
      return Promise.resolve();
    });
    return this.briefs.get(actor, id);
  }

  async complete(actor: Actor, id: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'complete', (_manager, brief) => {
      brief.status = 'completed';
      return Promise.resolve();
    });
    return this.briefs.get(actor, id);
  }

  private async transition(
    actor: Actor,
    id: string,
    action: BriefAction,
    apply: (manager: EntityManager, brief: Brief) => Promise<void>,
  ): Promise<void> {
    await this.uow.run(async (manager) => {
      const brief = await this.uow.lockVisible(manager, actor, 'brief', Brief, id);
      assertBriefAction(brief, action, actor);
      const audited = {
        entity: 'brief',
        action: `brief.${AUDITED_AS[action]}`,
        record: brief,
        snapshot: briefSnapshot,
      };
      await this.audit.saveChange(manager, actor, audited, (changed) => apply(manager, changed));
    });
  }

  private async createDeliverables(manager: EntityManager, brief: Brief): Promise<void> {
    const specs = await manager.find(DeliverableSpec, {
      where: { briefId: brief.id },
      relations: { rateCardItem: true },
      order: { position: 'ASC' },
    });
    const rows = specs.flatMap((spec) =>
      Array.from({ length: spec.quantity }, (_, index) => ({
        briefId: brief.id,
        specId: spec.id,
        title:
          spec.quantity > 1
            ? `${spec.rateCardItem?.description ?? 'Deliverable'} ${index + 1}`
            : (spec.rateCardItem?.description ?? 'Deliverable'),
        channel: spec.channel,
        dueDate: spec.dueDate,
        derivedFromId: null,
        status: 'draft' as const,
        currentVersionId: null,
        currentStep: null,
      })),
    );
    if (rows.length > 0) await manager.insert(Deliverable, rows);
  }
}

/** Who hears the agency's answer to a brief: the contract's owner and the brief's author. */
function brandAudience(contract: Contract, brief: Brief): { userIds: string[] } {
  return { userIds: [contract.ownerId, brief.createdBy] };
}
