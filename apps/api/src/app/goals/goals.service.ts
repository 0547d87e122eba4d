import { Injectable } from '@nestjs/common';
import type { GoalContractRef, GoalDetailDto, GoalDto } from '@agency-portal/shared';
import { allocatedAmount, can, isAgencyRole } from '@agency-portal/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { agencyScopeOf } from '../access/scope';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { User } from '../users/user.entity';
import type { CreateGoalDto, GoalListQueryDto, UpdateGoalDto } from './dto/goal.dto';
import { MarketingGoal } from './goal.entity';
import { goalSnapshot, toGoalDto } from './goal.mapper';
import { requireVisibleGoal, scopeGoals } from './goals.policy';

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
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: GoalListQueryDto): Promise<GoalDto[]> {
    const qb = this.baseQuery(this.dataSource.manager);
    scopeGoals(qb, actor);
    if (query.businessUnitId) qb.andWhere('goal.business_unit_id = :unit', { unit: query.businessUnitId });
    if (query.status) qb.andWhere('goal.status = :status', { status: query.status });
    if (query.channel) qb.andWhere(':channel = ANY(goal.channels)', { channel: query.channel });
    if (query.periodFrom) qb.andWhere('goal.period_end >= :periodFrom', { periodFrom: query.periodFrom });
    if (query.periodTo) qb.andWhere('goal.period_start <= :periodTo', { periodTo: query.periodTo });
    const goals = await qb.orderBy('goal.period_start', 'DESC').addOrderBy('goal.name', 'ASC').getMany();
    return goals.map(toGoalDto);
  }

  async get(actor: Actor, id: string): Promise<GoalDetailDto> {
    const qb = this.baseQuery(this.dataSource.manager).where('goal.id = :id', { id });
    scopeGoals(qb, actor);
    const goal = requireVisibleGoal(await qb.getOne());
    return { ...toGoalDto(goal), contracts: await this.contractsOf(actor, goal.id) };
  }

  async create(actor: Actor, input: CreateGoalDto): Promise<GoalDto> {
    const id = await this.dataSource.transaction(async (manager) => {
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
    await this.dataSource.transaction(async (manager) => {
      const goal = requireVisibleGoal(
        await manager
          .getRepository(MarketingGoal)
          .createQueryBuilder('goal')
          .setLock('pessimistic_write')
          .where('goal.id = :id', { id })
          .getOne(),
      );
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

  /** The contracts allocated to a goal that the actor may see. */
  private async contractsOf(actor: Actor, goalId: string): Promise<GoalContractRef[]> {
    if (!can(actor.role, 'contract:read')) return [];
    const agencyId = agencyScopeOf(actor);
    const rows: {
      contract_id: string;
      reference: string;
      title: string;
      agency_id: string;
      agency_name: string;
      status: string;
      currency: string;
      percent: number;
      budget_cap_minor: string;
    }[] = await this.dataSource.query(
      `SELECT c.id AS contract_id, c.reference, c.title, c.agency_id, a.name AS agency_name, c.status,
              c.currency, cg.percent, c.budget_cap_minor
         FROM contract_goals cg
         JOIN contracts c ON c.id = cg.contract_id
         JOIN agencies a ON a.id = c.agency_id
        WHERE cg.goal_id = $1
          AND ($2::uuid IS NULL OR (c.agency_id = $2 AND c.status <> 'draft'))
        ORDER BY c.start_date DESC, c.reference`,
      [goalId, isAgencyRole(actor.role) ? agencyId : null],
    );
    return rows.map((row) => ({
      contractId: row.contract_id,
      reference: row.reference,
      title: row.title,
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      status: row.status,
      currency: row.currency,
      percent: row.percent,
      allocatedMinor: allocatedAmount(Number(row.budget_cap_minor), row.percent),
    }));
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
        const allocated = await manager.query('SELECT 1 FROM contract_goals WHERE goal_id = $1 LIMIT 1', [
          existing.id,
        ]);
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
    return manager
      .getRepository(MarketingGoal)
      .createQueryBuilder('goal')
      .leftJoinAndSelect('goal.businessUnit', 'businessUnit')
      .leftJoinAndSelect('goal.owner', 'owner');
  }
}
