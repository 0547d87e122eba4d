import { Injectable } from '@nestjs/common';
import type { BriefDetailDto, BriefDto, BriefSortKey, BriefGoalRef, Page } from '@agency-portal/shared';
import {
  briefActions,
  canDoBriefAction,
  fitsBudget,
  NESTED_LIST_LIMIT,
  type BriefAction,
} from '@agency-portal/shared';
import { In, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { joinSome, paginate, PERSON, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import type { Actor } from '../auth/actor';
import { DomainError, fieldError, forbidden, invalidState, notFound } from '../common/errors/domain-error';
import { BudgetService } from '../contracts/budget.service';
import { Contract, ContractGoal, RateCardItem } from '../contracts/contract.entity';
import { Deliverable } from '../deliverables/deliverable.entity';
import { deliverableSummaryQuery, thumbnailOf, withThumbnail } from '../deliverables/deliverable-queries';
import { toDeliverableSummary } from '../deliverables/deliverable.mapper';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainEvents } from '../events/domain-events.service';
import { Brief, BriefGoal, DeliverableSpec } from './brief.entity';
import { briefSnapshot, toBriefDto, toSpecDto } from './brief.mapper';
import type {
  BriefListQueryDto,
  CreateBriefDto,
  DeliverableSpecInputDto,
  UpdateBriefDto,
} from './dto/brief.dto';
import { msg } from '../i18n/message';

const BRIEF_LIST: ListSpec<BriefSortKey> = {
  alias: 'brief',
  sorts: {
    dueDate: { expression: 'brief.due_date', type: 'date' },
    title: { expression: 'brief.title', type: 'text' },
    createdAt: { expression: 'brief.created_at', type: 'timestamptz' },
    updatedAt: { expression: 'brief.updated_at', type: 'timestamptz' },
  },
  defaultSort: 'dueDate',
};

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
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: BriefListQueryDto): Promise<Page<BriefDto>> {
    const qb = this.baseQuery(this.uow.manager);
    this.access.scope(qb, actor, 'brief', 'brief');
    if (query.contractId) qb.andWhere('brief.contract_id = :contractId', { contractId: query.contractId });
    if (query.agencyId) qb.andWhere('contract.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.status) qb.andWhere('brief.status = :status', { status: query.status });
    if (query.dueFrom) qb.andWhere('brief.due_date >= :dueFrom', { dueFrom: query.dueFrom });
    if (query.dueTo) qb.andWhere('brief.due_date <= :dueTo', { dueTo: query.dueTo });
    if (query.goalId) {
      qb.andWhere('brief.id IN (SELECT bg.brief_id FROM brief_goals bg WHERE bg.goal_id = :goalId)', {
        goalId: query.goalId,
      });
    }
    whereSearch(qb, query.q, [
      'brief.title',
      'brief.contract_id IN (SELECT searched.id FROM contracts searched WHERE searched.reference ILIKE :searchTerm)',
    ]);
    const page = await paginate(qb, BRIEF_LIST, query);
    const goals = await this.goalsOf(page.rows.map((brief) => brief.id));
    return toPage(page, (brief) => toBriefDto(brief, goals.get(brief.id) ?? []));
  }

  /** Four queries whatever the brief's size: the brief, its goals, its specs, its first deliverables with their count. */
  async get(actor: Actor, id: string): Promise<BriefDetailDto> {
    const qb = this.baseQuery(this.uow.manager).where('brief.id = :id', { id });
    const brief = await this.access.scope(qb, actor, 'brief', 'brief').getOne();
    if (!brief) throw notFound('Brief');
    const [goals, specs, deliverables] = await Promise.all([
      this.goalsOf([id]),
      this.uow.manager.getRepository(DeliverableSpec).find({
        where: { briefId: id },
        relations: { rateCardItem: true },
        order: { position: 'ASC' },
      }),
      withThumbnail(deliverableSummaryQuery(this.uow.manager))
        .addSelect('count(*) OVER ()', 'deliverable_count')
        .where('deliverable.brief_id = :id', { id })
        .orderBy('deliverable.due_date', 'ASC')
        .addOrderBy('deliverable.id', 'ASC')
        .limit(NESTED_LIST_LIMIT)
        .getRawAndEntities<{ deliverable_count: string; deliverable_id: string }>(),
    ]);
    const rawOf = new Map(deliverables.raw.map((row) => [row.deliverable_id, row]));
    return {
      ...toBriefDto(brief, goals.get(id) ?? []),
      allowedActions: briefActions(brief.status, actor.role),
      specs: specs.map(toSpecDto),
      deliverables: deliverables.entities.map((deliverable) =>
        toDeliverableSummary(deliverable, undefined, thumbnailOf(rawOf.get(deliverable.id))),
      ),
      deliverableCount: Number(deliverables.raw[0]?.deliverable_count ?? 0),
    };
  }

  async create(actor: Actor, input: CreateBriefDto): Promise<BriefDetailDto> {
    const id = await this.uow.run(async (manager) => {
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
    await this.uow.run(async (manager) => {
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
    await this.uow.run(async (manager) => {
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
    const brief = await this.uow.lockVisible(manager, actor, 'brief', Brief, id);
    if (!canDoBriefAction(brief.status, action, actor.role)) {
      throw invalidState(
        msg(
          'A brief that is {status, select, draft {draft} sent {sent} accepted {accepted} declined {declined} in_progress {in progress} completed {completed} cancelled {cancelled} other {{status}}} cannot be {action, select, edit {edited} send {sent} accept {accepted} decline {declined} cancel {cancelled} complete {completed} override_budget {given a budget override} other {changed}} by you.',
          { status: brief.status, action },
        ),
      );
    }
    return brief;
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

  /**
   * The goals of some briefs, grouped by brief: one fixed statement read as rows (a nested
   * to-many load needs no query builder; building one cost more CPU than running it).
   */
  private async goalsOf(briefIds: string[]): Promise<Map<string, BriefGoalRef[]>> {
    const byBrief = new Map<string, BriefGoalRef[]>();
    if (briefIds.length === 0) return byBrief;
    const rows: { brief_id: string; id: string; name: string }[] = await this.uow.manager.query(
      `SELECT link.brief_id, goal.id, goal.name FROM brief_goals link
         JOIN marketing_goals goal ON goal.id = link.goal_id
        WHERE link.brief_id = ANY($1::uuid[]) ORDER BY goal.name ASC, goal.id ASC`,
      [briefIds],
    );
    for (const row of rows) {
      byBrief.set(row.brief_id, [...(byBrief.get(row.brief_id) ?? []), { id: row.id, name: row.name }]);
    }
    return byBrief;
  }

  /** A brief with the few fields of its contract, agency and people that its answer shows. */
  private baseQuery(manager: EntityManager) {
    const query = manager.getRepository(Brief).createQueryBuilder('brief');
    joinSome(query, 'brief.contract', 'contract', ['reference', 'agencyId', 'currency'], true);
    joinSome(query, 'contract.agency', 'agency', ['name']);
    joinSome(query, 'brief.creator', 'creator', PERSON);
    return joinSome(query, 'brief.overrideUser', 'overrideUser', PERSON);
  }
}

/** Who hears the agency's answer to a brief: the contract's owner and the brief's author. */
function brandAudience(contract: Contract, brief: Brief): { userIds: string[] } {
  return { userIds: [contract.ownerId, brief.createdBy] };
}
