import { Injectable } from '@nestjs/common';
import type { GoalContractRef, GoalDetailDto, GoalDto, GoalSortKey, Page } from '@agency-portal/shared';
import { allocatedAmount, isAgencyRole, NESTED_LIST_LIMIT } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { DomainError, fieldError, notFound } from '../common/errors/domain-error';
import {
  joinSome,
  paginate,
  PERSON,
  toPage,
  whereSearch,
  type ListSpec,
  whereEqual,
} from '../common/lists/paginate';
import { ContractGoal } from '../contracts/contract.entity';
import { UnitOfWork } from '../database/unit-of-work';
import { User } from '../users/user.entity';
import type { CreateGoalDto, GoalListQueryDto, UpdateGoalDto } from './dto/goal.dto';
import { MarketingGoal } from './goal.entity';
import { goalSnapshot, toGoalDto } from './goal.mapper';

const GOAL_LIST: ListSpec<GoalSortKey> = {
  alias: 'goal',
  sorts: {
    periodStart: { expression: 'goal.period_start', type: 'date' },
    periodEnd: { expression: 'goal.period_end', type: 'date' },
    name: { expression: 'goal.name', type: 'text' },
    createdAt: { expression: 'goal.created_at', type: 'timestamptz' },
  },
  defaultSort: '-periodStart',
};

interface GoalFacts {
  businessUnitId: string;
  ownerId: string;
  kpiMetric: MarketingGoal['kpiMetric'];
  targetCurrency: string | null;
  periodStart: string;
  periodEnd: string;
}

@Injectable()
export class GoalsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: GoalListQueryDto): Promise<Page<GoalDto>> {
    const qb = this.baseQuery(this.uow.manager);
    this.access.scope(qb, actor, 'goal', 'goal');
    whereEqual(qb, {
      'goal.business_unit_id': query.businessUnitId,
      'goal.owner_id': query.ownerId,
      'goal.kpi_metric': query.kpiMetric,
      'goal.status': query.status,
    });
    if (query.channel) qb.andWhere(':channel = ANY(goal.channels)', { channel: query.channel });
    if (query.periodFrom) qb.andWhere('goal.period_end >= :periodFrom', { periodFrom: query.periodFrom });
    if (query.periodTo) qb.andWhere('goal.period_start <= :periodTo', { periodTo: query.periodTo });
    whereSearch(qb, query.q, ['goal.name']);
    return toPage(await paginate(qb, GOAL_LIST, query), toGoalDto);
  }

  async get(actor: Actor, id: string): Promise<GoalDetailDto> {
    const qb = this.baseQuery(this.uow.manager).where('goal.id = :id', { id });
    const goal = await this.access.scope(qb, actor, 'goal', 'goal').getOne();
    if (!goal) throw notFound('Goal');
    const { contracts, contractCount } = await this.contractsOf(actor, goal.id);
    return { ...toGoalDto(goal), contracts, contractCount };
  }

  async create(actor: Actor, input: CreateGoalDto): Promise<GoalDto> {
    const id = await this.uow.run(async (manager) => {
      const facts: GoalFacts = {
        businessUnitId: input.businessUnitId,
        ownerId: input.ownerId,
        kpiMetric: input.kpiMetric,
        targetCurrency: input.targetCurrency ?? null,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      };
      await this.validate(manager, facts);
      const goal = await manager.save(
        manager.create(MarketingGoal, {
          ...facts,
          name: input.name,
          description: input.description ?? '',
          targetValue: input.targetValue,
          channels: input.channels,
          funnelStage: input.funnelStage,
          status: input.status ?? 'draft',
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'goal.created',
        entity: 'goal',
        entityId: goal.id,
        after: goalSnapshot(goal),
      });
      return goal.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateGoalDto): Promise<GoalDto> {
    await this.uow.run(async (manager) => {
      const goal = await this.uow.lockVisible(manager, actor, 'goal', MarketingGoal, id);
      const before = goalSnapshot(goal);
      const facts: GoalFacts = {
        businessUnitId: input.businessUnitId ?? goal.businessUnitId,
        ownerId: input.ownerId ?? goal.ownerId,
        kpiMetric: input.kpiMetric ?? goal.kpiMetric,
        targetCurrency: input.targetCurrency !== undefined ? input.targetCurrency : goal.targetCurrency,
        periodStart: input.periodStart ?? goal.periodStart,
        periodEnd: input.periodEnd ?? goal.periodEnd,
      };
      if (
        facts.kpiMetric !== 'revenue' &&
        input.kpiMetric !== undefined &&
        input.targetCurrency === undefined
      ) {
        facts.targetCurrency = null;
      }
      await this.validate(manager, facts, goal);
      Object.assign(goal, facts, {
        name: input.name ?? goal.name,
        description: input.description ?? goal.description,
        targetValue: input.targetValue ?? goal.targetValue,
        channels: input.channels ?? goal.channels,
        funnelStage: input.funnelStage ?? goal.funnelStage,
        status: input.status ?? goal.status,
      });
      await manager.save(goal);
      await this.audit.record(manager, actor, {
        action: before['status'] !== goal.status ? 'goal.status_changed' : 'goal.updated',
        entity: 'goal',
        entityId: goal.id,
        before,
        after: goalSnapshot(goal),
      });
    });
    return this.get(actor, id);
  }

  /**
   * The contracts allocated to a goal as the actor may see them (`goal_allocation`: every in-house
   * goal reader all of them, an agency its own signed ones), each saying whether the actor may open
   * the contract itself (the contract scope), at most NESTED_LIST_LIMIT with the count of all; one query.
   */
  private async contractsOf(
    actor: Actor,
    goalId: string,
  ): Promise<{ contracts: GoalContractRef[]; contractCount: number }> {
    const qb = this.uow.manager.getRepository(ContractGoal).createQueryBuilder('allocation');
    joinSome(qb, 'allocation.contract', 'contract', [
      'reference',
      'title',
      'agencyId',
      'status',
      'currency',
      'budgetCapMinor',
      'startDate',
    ]);
    joinSome(qb, 'contract.agency', 'agency', ['name'], true)
      .addSelect('count(*) OVER ()', 'contract_count')
      .where('allocation.goal_id = :goalId', { goalId });
    const opens = this.access.condition(actor, 'contract', 'open_contract');
    qb.addSelect(
      opens
        ? `EXISTS (SELECT 1 FROM contracts open_contract WHERE open_contract.id = contract.id AND ${opens.sql})`
        : 'true',
      'may_open',
    ).setParameters(opens?.params ?? {});
    this.access.scope(qb, actor, 'goal_allocation', 'contract');
    const { entities, raw } = await qb
      .orderBy('contract.start_date', 'DESC')
      .addOrderBy('contract.reference', 'ASC')
      .addOrderBy('contract.id', 'ASC')
      .limit(NESTED_LIST_LIMIT)
      .getRawAndEntities<{ contract_count: string; may_open: boolean; allocation_contract_id: string }>();
    const mayOpen = new Set(raw.filter((row) => row.may_open).map((row) => row.allocation_contract_id));
    const contracts = entities.flatMap(({ contract, percent }) =>
      contract
        ? [
            {
              contractId: contract.id,
              reference: contract.reference,
              title: contract.title,
              agencyId: contract.agencyId,
              agencyName: contract.agency?.name ?? '',
              status: contract.status,
              currency: contract.currency,
              percent,
              allocatedMinor: allocatedAmount(contract.budgetCapMinor, percent),
              mayOpen: mayOpen.has(contract.id),
            },
          ]
        : [],
    );
    return { contracts, contractCount: Number(raw[0]?.contract_count ?? 0) };
  }

  private async validate(manager: EntityManager, facts: GoalFacts, existing?: MarketingGoal): Promise<void> {
    if (facts.periodEnd < facts.periodStart) {
      throw fieldError('periodEnd', 'The period must end on or after the day it starts.');
    }
    if (facts.kpiMetric === 'revenue' && !facts.targetCurrency) {
      throw fieldError('targetCurrency', 'A revenue goal needs the currency of its target.');
    }
    if (facts.kpiMetric !== 'revenue' && facts.targetCurrency) {
      throw fieldError('targetCurrency', 'Only revenue goals have a currency.');
    }
    if (!existing || existing.businessUnitId !== facts.businessUnitId) {
      if (!(await manager.existsBy(BusinessUnit, { id: facts.businessUnitId }))) {
        throw fieldError('businessUnitId', 'The business unit does not exist.');
      }
      if (existing) {
        const allocated: unknown[] = await manager.query(
          'SELECT 1 FROM contract_goals WHERE goal_id = $1 LIMIT 1',
          [existing.id],
        );
        if (allocated.length > 0) {
          throw new DomainError(
            'invalid_state',
            'This goal is allocated to contracts; it cannot move to another business unit.',
          );
        }
      }
    }
    if (!existing || existing.ownerId !== facts.ownerId) {
      const owner = await manager.findOneBy(User, { id: facts.ownerId });
      if (!owner || !owner.active || isAgencyRole(owner.role)) {
        throw fieldError('ownerId', 'The owner must be an active in-house user.');
      }
    }
  }

  private baseQuery(manager: EntityManager) {
    const query = manager.getRepository(MarketingGoal).createQueryBuilder('goal');
    joinSome(query, 'goal.businessUnit', 'businessUnit', ['name']);
    return joinSome(query, 'goal.owner', 'owner', PERSON);
  }
}
