import { Injectable } from '@nestjs/common';
import type { BriefDetailDto, BriefDto } from '@agency-portal/shared';
import { canDoBriefAction, fitsBudget, type BriefAction } from '@agency-portal/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { DomainError, fieldError, forbidden, invalidState } from '../common/errors/domain-error';
import { BudgetService } from '../contracts/budget.service';
import { Contract, ContractGoal, RateCardItem } from '../contracts/contract.entity';
import { Deliverable } from '../deliverables/deliverable.entity';
import { latestVersionNumbers } from '../deliverables/version-numbers';
import { DomainEvents } from '../events/domain-events.service';
import { Brief, BriefGoal, DeliverableSpec } from './brief.entity';
import { briefSnapshot, toBriefDto, toDeliverableSummary, toSpecDto } from './brief.mapper';
import { requireVisibleBrief, scopeBriefs } from './briefs.policy';
import type {
  BriefListQueryDto,
  CreateBriefDto,
  DeliverableSpecInputDto,
  UpdateBriefDto,
} from './dto/brief.dto';
import { msg } from '../i18n/message';

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

@Injectable()
export class BriefsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly events: DomainEvents,
  ) {}

  async list(actor: Actor, query: BriefListQueryDto): Promise<BriefDto[]> {
    const qb = this.baseQuery(this.dataSource.manager);
    scopeBriefs(qb, actor);
    if (query.contractId) qb.andWhere('brief.contract_id = :contractId', { contractId: query.contractId });
    if (query.agencyId) qb.andWhere('contract.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.status) qb.andWhere('brief.status = :status', { status: query.status });
    if (query.goalId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM brief_goals bg WHERE bg.brief_id = brief.id AND bg.goal_id = :goalId)',
        {
          goalId: query.goalId,
        },
      );
    }
    const briefs = await qb.orderBy('brief.due_date', 'ASC').addOrderBy('brief.title', 'ASC').getMany();
    const goals = await this.goalsOf(briefs.map((brief) => brief.id));
    return briefs.map((brief) =>
      toBriefDto(
        brief,
        goals.filter((goal) => goal.briefId === brief.id),
      ),
    );
  }

  async get(actor: Actor, id: string): Promise<BriefDetailDto> {
    const brief = await requireVisibleBrief(
      this.dataSource.manager,
      actor,
      await this.baseQuery(this.dataSource.manager).where('brief.id = :id', { id }).getOne(),
      (record) => record.contract?.agencyId ?? '',
    );
    const [goals, specs, deliverables] = await Promise.all([
      this.goalsOf([id]),
      this.dataSource.getRepository(DeliverableSpec).find({
        where: { briefId: id },
        relations: { rateCardItem: true },
        order: { position: 'ASC' },
      }),
      this.dataSource.getRepository(Deliverable).find({
        where: { briefId: id },
        relations: { spec: { rateCardItem: true } },
        order: { dueDate: 'ASC', createdAt: 'ASC' },
      }),
    ]);
    const latest = await latestVersionNumbers(
      this.dataSource.manager,
      deliverables.map((deliverable) => deliverable.id),
    );
    return {
      ...toBriefDto(brief, goals),
      specs: specs.map(toSpecDto),
      deliverables: deliverables.map((deliverable) =>
        toDeliverableSummary(deliverable, latest.get(deliverable.id) ?? null),
      ),
    };
  }

  async create(actor: Actor, input: CreateBriefDto): Promise<BriefDetailDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const contract = await manager.findOneBy(Contract, { id: input.contractId });
      if (!contract) throw fieldError('contractId', 'The contract does not exist.');
      if (contract.status !== 'active') throw fieldError('contractId', 'Briefs go to active contracts only.');
      await this.validateGoals(manager, contract.id, input.goalIds);
      const estimate = await this.priceSpecs(manager, contract.id, input.specs);
      const brief = await manager.save(
        manager.create(Brief, {
          contractId: contract.id,
          title: input.title,
          objective: input.objective,
          audience: input.audience,
          keyMessages: input.keyMessages,
          channels: input.channels,
          funnelStage: input.funnelStage,
          dueDate: input.dueDate,
          budgetEstimateMinor: input.budgetEstimateMinor ?? estimate,
          status: 'draft',
          declineReason: null,
          overrideReason: null,
          overrideBy: null,
          overrideAt: null,
          sentAt: null,
          answeredAt: null,
          createdBy: actor.id,
        }),
      );
      await this.replaceGoals(manager, brief.id, input.goalIds);
      await this.replaceSpecs(manager, brief.id, input.specs);
      await this.audit.record(manager, actor, {
        action: 'brief.created',
        entity: 'brief',
        entityId: brief.id,
        after: { ...briefSnapshot(brief), goalIds: input.goalIds, specs: input.specs },
      });
      return brief.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateBriefDto): Promise<BriefDetailDto> {
    await this.dataSource.transaction(async (manager) => {
      const brief = await this.lockFor(manager, actor, id, 'edit');
      const before = briefSnapshot(brief);
      if (input.goalIds) await this.validateGoals(manager, brief.contractId, input.goalIds);
      const estimate = input.specs
        ? await this.priceSpecs(manager, brief.contractId, input.specs)
        : undefined;
      Object.assign(brief, {
        title: input.title ?? brief.title,
        objective: input.objective ?? brief.objective,
        audience: input.audience ?? brief.audience,
        keyMessages: input.keyMessages ?? brief.keyMessages,
        channels: input.channels ?? brief.channels,
        funnelStage: input.funnelStage ?? brief.funnelStage,
        dueDate: input.dueDate ?? brief.dueDate,
        budgetEstimateMinor: input.budgetEstimateMinor ?? estimate ?? brief.budgetEstimateMinor,
      });
      await manager.save(brief);
      if (input.goalIds) await this.replaceGoals(manager, id, input.goalIds);
      if (input.specs) await this.replaceSpecs(manager, id, input.specs);
      await this.audit.record(manager, actor, {
        action: 'brief.updated',
        entity: 'brief',
        entityId: id,
        before,
        after: briefSnapshot(brief),
      });
    });
    return this.get(actor, id);
  }

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
    return this.get(actor, id);
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
    return this.get(actor, id);
  }

  /**
   * sent → accepted by the agency: commits the estimate against the contract (refused past the cap
   * unless the owner overrode it) and creates the deliverables from the specs.
   */
  async accept(actor: Actor, id: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'accept', async (manager, brief) => {
      // Serialise commitments on one contract so two acceptances cannot both squeeze under the cap.
      const contract = await manager
        .getRepository(Contract)
        .createQueryBuilder('contract')
        .setLock('pessimistic_write')
        .where('contract.id = :id', { id: brief.contractId })
        .getOneOrFail();
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
    return this.get(actor, id);
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
    return this.get(actor, id);
  }

  async cancel(actor: Actor, id: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'cancel', (_manager, brief) => {
      brief.status = 'cancelled';
      return Promise.resolve();
    });
    return this.get(actor, id);
  }

  async complete(actor: Actor, id: string): Promise<BriefDetailDto> {
    await this.transition(actor, id, 'complete', (_manager, brief) => {
      brief.status = 'completed';
      return Promise.resolve();
    });
    return this.get(actor, id);
  }

  private async transition(
    actor: Actor,
    id: string,
    action: BriefAction,
    apply: (manager: EntityManager, brief: Brief) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const brief = await this.lockFor(manager, actor, id, action);
      const before = briefSnapshot(brief);
      await apply(manager, brief);
      await manager.save(brief);
      await this.audit.record(manager, actor, {
        action: `brief.${AUDITED_AS[action]}`,
        entity: 'brief',
        entityId: id,
        before,
        after: briefSnapshot(brief),
      });
    });
  }

  /** Loads and locks a visible brief and checks the workflow allows the action for this actor. */
  private async lockFor(
    manager: EntityManager,
    actor: Actor,
    id: string,
    action: BriefAction,
  ): Promise<Brief> {
    const brief = await manager
      .getRepository(Brief)
      .createQueryBuilder('brief')
      .setLock('pessimistic_write')
      .where('brief.id = :id', { id })
      .getOne();
    const contract = brief ? await manager.findOneBy(Contract, { id: brief.contractId }) : null;
    const visible = await requireVisibleBrief(manager, actor, brief, () => contract?.agencyId ?? '');
    if (!canDoBriefAction(visible.status, action, actor.role)) {
      throw invalidState(
        msg(
          'A brief that is {status, select, draft {draft} sent {sent} accepted {accepted} declined {declined} in_progress {in progress} completed {completed} cancelled {cancelled} other {{status}}} cannot be {action, select, edit {edited} send {sent} accept {accepted} decline {declined} cancel {cancelled} complete {completed} override_budget {given a budget override} other {changed}} by you.',
          { status: visible.status, action },
        ),
      );
    }
    return visible;
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

  private async validateGoals(
    manager: EntityManager,
    contractId: string,
    goalIds: readonly string[],
  ): Promise<void> {
    const allocated = await manager.find(ContractGoal, { where: { contractId } });
    goalIds.forEach((goalId, index) => {
      if (!allocated.some((allocation) => allocation.goalId === goalId)) {
        throw fieldError(`goalIds.${index}`, 'A brief can serve only goals its contract is allocated to.');
      }
    });
  }

  /** Σ unit price × quantity in minor units, exact; each spec must use the contract's own rate card. */
  private async priceSpecs(
    manager: EntityManager,
    contractId: string,
    specs: readonly DeliverableSpecInputDto[],
  ): Promise<number> {
    const items = await manager.find(RateCardItem, {
      where: { id: In(specs.map((spec) => spec.rateCardItemId)) },
    });
    let total = 0n;
    specs.forEach((spec, index) => {
      const item = items.find((candidate) => candidate.id === spec.rateCardItemId);
      if (!item || item.contractId !== contractId) {
        throw fieldError(
          `specs.${index}.rateCardItemId`,
          "The rate card item is not on this brief's contract.",
        );
      }
      total += BigInt(item.unitPriceMinor) * BigInt(spec.quantity);
    });
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw fieldError('specs', 'The estimate is too large.');
    return Number(total);
  }

  private async replaceGoals(
    manager: EntityManager,
    briefId: string,
    goalIds: readonly string[],
  ): Promise<void> {
    await manager.delete(BriefGoal, { briefId });
    await manager.insert(
      BriefGoal,
      goalIds.map((goalId) => ({ briefId, goalId })),
    );
  }

  private async replaceSpecs(
    manager: EntityManager,
    briefId: string,
    specs: readonly DeliverableSpecInputDto[],
  ): Promise<void> {
    await manager.delete(DeliverableSpec, { briefId });
    await manager.insert(
      DeliverableSpec,
      specs.map((spec, position) => ({
        briefId,
        position,
        rateCardItemId: spec.rateCardItemId,
        quantity: spec.quantity,
        dueDate: spec.dueDate,
        channel: spec.channel ?? null,
      })),
    );
  }

  private async goalsOf(briefIds: string[]): Promise<BriefGoal[]> {
    if (briefIds.length === 0) return [];
    return this.dataSource
      .getRepository(BriefGoal)
      .find({ where: { briefId: In(briefIds) }, relations: { goal: true } });
  }

  private baseQuery(manager: EntityManager) {
    return manager
      .getRepository(Brief)
      .createQueryBuilder('brief')
      .innerJoinAndSelect('brief.contract', 'contract')
      .leftJoinAndSelect('contract.agency', 'agency')
      .leftJoinAndSelect('brief.creator', 'creator')
      .leftJoinAndSelect('brief.overrideUser', 'overrideUser');
  }
}

/** Who hears the agency's answer to a brief: the contract's owner and the brief's author. */
function brandAudience(contract: Contract, brief: Brief): { userIds: string[] } {
  return { userIds: [contract.ownerId, brief.createdBy] };
}

