import { Injectable } from '@nestjs/common';
import type { BriefDetailDto, BriefDto, BriefSortKey, BriefGoalRef, Page } from '@agency-portal/shared';
import { briefActions, NESTED_LIST_LIMIT } from '@agency-portal/shared';
import { In, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { fieldError, notFound } from '../common/errors/domain-error';
import {
  joinSome,
  paginate,
  PERSON,
  toPage,
  whereSearch,
  type ListSpec,
  whereEqual,
  whereBetween,
} from '../common/lists/paginate';
import { Contract, ContractGoal, RateCardItem } from '../contracts/contract.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { deliverableSummaryQuery, thumbnailOf, withThumbnail } from '../deliverables/deliverable-queries';
import { toDeliverableSummary } from '../deliverables/deliverable.mapper';
import { assertBriefAction } from './brief-actions';
import { Brief, BriefGoal, DeliverableSpec } from './brief.entity';
import { briefSnapshot, toBriefDto, toSpecDto } from './brief.mapper';
import type {
  BriefListQueryDto,
  CreateBriefDto,
  DeliverableSpecInputDto,
  UpdateBriefDto,
} from './dto/brief.dto';

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

/** A brief's reads and its terms while it is a draft: goals, content, due date, priced specs. */
@Injectable()
export class BriefsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: BriefListQueryDto): Promise<Page<BriefDto>> {
    const qb = this.baseQuery(this.uow.manager);
    this.access.scope(qb, actor, 'brief', 'brief');
    whereEqual(qb, {
      'brief.contract_id': query.contractId,
      'contract.agency_id': query.agencyId,
      'brief.status': query.status,
    });
    whereBetween(qb, 'brief.due_date', query.dueFrom, query.dueTo);
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
      const brief = await this.uow.lockVisible(manager, actor, 'brief', Brief, id);
      assertBriefAction(brief, 'edit', actor);
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
