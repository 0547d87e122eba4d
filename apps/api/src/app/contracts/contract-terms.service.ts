import { Injectable } from '@nestjs/common';
import type { ContractDetailDto } from '@agency-portal/shared';
import {
  allocationTotal,
  isAgencyRole,
  lockedContractFields,
  MAX_ALLOCATED_PERCENT,
} from '@agency-portal/shared';
import { In, type EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { DomainEvents } from '../events/domain-events.service';
import { MarketingGoal } from '../goals/goal.entity';
import { msg } from '../i18n/message';
import { User } from '../users/user.entity';
import { assertContractAction, contractFacts } from './contract-actions';
import { Contract, ContractGoal, RateCardItem } from './contract.entity';
import { contractSnapshot, rateCardSnapshot } from './contract.mapper';
import { ContractsService } from './contracts.service';
import type {
  CreateContractDto,
  GoalAllocationInputDto,
  RateCardItemInputDto,
  UpdateContractDto,
} from './dto/contract.dto';

const UNIQUES = {
  contracts_reference_key: () =>
    fieldError('reference', 'Another contract already uses this reference.', 'conflict'),
  rate_card_items_code_key: () => fieldError('rateCard', 'Rate card codes must be unique within a contract.'),
};

/**
 * A contract's terms: creating a draft, and changing it (freely while a draft; once active only
 * what the shared rule leaves editable, with budget and rate card changes audited and the agency told).
 */
@Injectable()
export class ContractTermsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contracts: ContractsService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Creates a draft with its rate card and goal allocations, in one transaction. */
  async create(actor: Actor, input: CreateContractDto): Promise<ContractDetailDto> {
    const id = await this.uow.run(async (manager) => {
      await this.requireActiveAgency(manager, input.agencyId);
      await this.validateTerms(manager, {
        businessUnitId: input.businessUnitId,
        ownerId: input.ownerId,
        startDate: input.startDate,
        endDate: input.endDate,
      });
      validateRateCard(input.rateCard);
      await this.validateAllocations(manager, input.businessUnitId, input.allocations);
      const contract = await manager.save(
        manager.create(Contract, {
          agencyId: input.agencyId,
          businessUnitId: input.businessUnitId,
          ownerId: input.ownerId,
          reference: input.reference,
          title: input.title,
          scope: input.scope,
          startDate: input.startDate,
          endDate: input.endDate,
          currency: input.currency,
          budgetCapMinor: input.budgetCapMinor,
          taxRateBp: input.taxRateBp ?? 0,
          renewalNoticeDays: input.renewalNoticeDays,
          internalNotes: input.internalNotes ?? '',
          status: 'draft',
          terminationReason: null,
          terminatedAt: null,
          activatedAt: null,
          expiredAt: null,
          renewalNotifiedAt: null,
          signedDocumentId: null,
        }),
      );
      const rateCard = await this.replaceRateCard(manager, contract.id, input.rateCard);
      await this.replaceAllocations(manager, contract.id, input.allocations);
      await this.audit.record(manager, actor, {
        action: 'contract.created',
        entity: 'contract',
        entityId: contract.id,
        after: {
          ...contractSnapshot(contract),
          rateCard: rateCardSnapshot(rateCard),
          allocations: input.allocations,
        },
      });
      return contract.id;
    }, UNIQUES);
    return this.contracts.get(actor, id);
  }

  /**
   * Drafts change freely. Active contracts keep their signed terms; their budget cap and rate
   * card may change, audited with before and after, and the agency is told in the app.
   */
  async update(actor: Actor, id: string, input: UpdateContractDto): Promise<ContractDetailDto> {
    await this.uow.run(async (manager) => {
      const contract = await this.uow.lockVisible(manager, actor, 'contract', Contract, id);
      assertContractAction(contract, 'edit');
      const locked = lockedContractFields(contract.status, { ...input });
      if (locked.length > 0) {
        throw new DomainError(
          'invalid_state',
          msg('These fields of an active contract cannot change: {fields}.', { fields: locked.join(', ') }),
          {
            fields: locked.map((field) => ({ field, messages: ['Locked once the contract is active.'] })),
          },
        );
      }
      const before = contractSnapshot(contract);
      const rateCardBefore = await manager.find(RateCardItem, {
        where: { contractId: id },
        order: { position: 'ASC' },
      });
      const allocationsBefore = await manager.find(ContractGoal, { where: { contractId: id } });

      const businessUnitId = input.businessUnitId ?? contract.businessUnitId;
      await this.validateTerms(
        manager,
        {
          businessUnitId,
          ownerId: input.ownerId ?? contract.ownerId,
          startDate: input.startDate ?? contract.startDate,
          endDate: input.endDate ?? contract.endDate,
        },
        contract,
      );
      if (input.rateCard) validateRateCard(input.rateCard);
      const allocations =
        input.allocations ?? allocationsBefore.map(({ goalId, percent }) => ({ goalId, percent }));
      if (input.allocations || businessUnitId !== contract.businessUnitId) {
        await this.validateAllocations(manager, businessUnitId, allocations);
      }

      Object.assign(contract, {
        businessUnitId,
        ownerId: input.ownerId ?? contract.ownerId,
        reference: input.reference ?? contract.reference,
        title: input.title ?? contract.title,
        scope: input.scope ?? contract.scope,
        startDate: input.startDate ?? contract.startDate,
        endDate: input.endDate ?? contract.endDate,
        currency: input.currency ?? contract.currency,
        budgetCapMinor: input.budgetCapMinor ?? contract.budgetCapMinor,
        taxRateBp: input.taxRateBp ?? contract.taxRateBp,
        renewalNoticeDays: input.renewalNoticeDays ?? contract.renewalNoticeDays,
        internalNotes: input.internalNotes ?? contract.internalNotes,
      });
      contract.agency = undefined;
      contract.businessUnit = undefined;
      contract.owner = undefined;
      contract.signedDocument = undefined;
      await manager.save(contract);
      const rateCardAfter = input.rateCard
        ? await this.replaceRateCard(manager, id, input.rateCard)
        : rateCardBefore;
      if (input.allocations) await this.replaceAllocations(manager, id, input.allocations);

      const budgetChanged = before['budgetCapMinor'] !== contract.budgetCapMinor;
      const rateCardChanged =
        JSON.stringify(rateCardSnapshot(rateCardBefore)) !== JSON.stringify(rateCardSnapshot(rateCardAfter));
      if (contract.status === 'active' && budgetChanged) {
        await this.audit.record(manager, actor, {
          action: 'contract.budget_changed',
          entity: 'contract',
          entityId: id,
          before: { budgetCapMinor: before['budgetCapMinor'], currency: contract.currency },
          after: { budgetCapMinor: contract.budgetCapMinor, currency: contract.currency },
        });
      }
      if (contract.status === 'active' && rateCardChanged) {
        await this.audit.record(manager, actor, {
          action: 'contract.rate_card_changed',
          entity: 'contract',
          entityId: id,
          before: { rateCard: rateCardSnapshot(rateCardBefore) },
          after: { rateCard: rateCardSnapshot(rateCardAfter) },
        });
      }
      await this.audit.record(manager, actor, {
        action: 'contract.updated',
        entity: 'contract',
        entityId: id,
        before: {
          ...before,
          allocations: allocationsBefore.map(({ goalId, percent }) => ({ goalId, percent })),
        },
        after: { ...contractSnapshot(contract), allocations },
      });
      if (contract.status === 'active' && (budgetChanged || rateCardChanged)) {
        await this.events.publish(
          manager,
          {
            type: 'contract.terms_changed',
            payload: { ...contractFacts(contract), budgetChanged, rateCardChanged },
            audience: { agencyIds: [contract.agencyId] },
          },
          actor,
        );
      }
    }, UNIQUES);
    return this.contracts.get(actor, id);
  }

  private async validateTerms(
    manager: EntityManager,
    terms: { businessUnitId: string; ownerId: string; startDate: string; endDate: string },
    existing?: Contract,
  ): Promise<void> {
    if (terms.endDate < terms.startDate) {
      throw fieldError('endDate', 'The contract must end on or after its start date.');
    }
    if (!existing || existing.businessUnitId !== terms.businessUnitId) {
      if (!(await manager.existsBy(BusinessUnit, { id: terms.businessUnitId }))) {
        throw fieldError('businessUnitId', 'The business unit does not exist.');
      }
    }
    if (!existing || existing.ownerId !== terms.ownerId) {
      const owner = await manager.findOneBy(User, { id: terms.ownerId });
      if (!owner || !owner.active || isAgencyRole(owner.role)) {
        throw fieldError('ownerId', 'The owner must be an active in-house user.');
      }
    }
  }

  private async requireActiveAgency(manager: EntityManager, agencyId: string): Promise<void> {
    const agency = await manager.findOneBy(Agency, { id: agencyId });
    if (!agency) throw fieldError('agencyId', 'The agency does not exist.');
    if (agency.status !== 'active') throw fieldError('agencyId', 'The agency is offboarded.');
  }

  private async validateAllocations(
    manager: EntityManager,
    businessUnitId: string,
    allocations: readonly GoalAllocationInputDto[],
  ): Promise<void> {
    const seen = new Set<string>();
    allocations.forEach((allocation, index) => {
      if (seen.has(allocation.goalId)) {
        throw fieldError(`allocations.${index}.goalId`, 'Each goal can be allocated only once.');
      }
      seen.add(allocation.goalId);
    });
    const total = allocationTotal(allocations);
    if (total > MAX_ALLOCATED_PERCENT) {
      throw fieldError(
        'allocations',
        msg('The allocations add up to {total, number} %; at most 100 % of the budget can be allocated.', {
          total,
        }),
      );
    }
    if (allocations.length === 0) return;
    const goals = await manager.find(MarketingGoal, { where: { id: In([...seen]) } });
    allocations.forEach((allocation, index) => {
      const goal = goals.find((candidate) => candidate.id === allocation.goalId);
      if (!goal) throw fieldError(`allocations.${index}.goalId`, 'The goal does not exist.');
      if (goal.businessUnitId !== businessUnitId) {
        throw fieldError(
          `allocations.${index}.goalId`,
          msg('"{goal}" belongs to another business unit.', { goal: goal.name }),
        );
      }
    });
  }

  /** Keeps the ids of items whose code stays (later records price from them), adds and removes the rest. */
  private async replaceRateCard(
    manager: EntityManager,
    contractId: string,
    items: readonly RateCardItemInputDto[],
  ): Promise<RateCardItem[]> {
    const existing = await manager.find(RateCardItem, { where: { contractId } });
    const byCode = new Map(existing.map((item) => [item.code.toLowerCase(), item]));
    const kept = new Set<string>();
    const saved: RateCardItem[] = [];
    for (const [position, input] of items.entries()) {
      const match = byCode.get(input.code.toLowerCase());
      const item = match ?? manager.create(RateCardItem, { contractId });
      Object.assign(item, {
        position,
        code: input.code,
        description: input.description,
        unit: input.unit,
        unitPriceMinor: input.unitPriceMinor,
      });
      if (match) kept.add(match.id);
      saved.push(item);
    }
    const removed = existing.filter((item) => !kept.has(item.id));
    if (removed.length > 0) await manager.delete(RateCardItem, { id: In(removed.map((item) => item.id)) });
    return manager.save(saved);
  }

  private async replaceAllocations(
    manager: EntityManager,
    contractId: string,
    allocations: readonly GoalAllocationInputDto[],
  ): Promise<void> {
    await manager.delete(ContractGoal, { contractId });
    if (allocations.length > 0) {
      await manager.insert(
        ContractGoal,
        allocations.map(({ goalId, percent }) => ({ contractId, goalId, percent })),
      );
    }
  }
}

/** Duplicate codes (ignoring case) are refused with the row that repeats one. */
function validateRateCard(items: readonly RateCardItemInputDto[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const key = item.code.toLowerCase();
    if (seen.has(key)) {
      throw fieldError(
        `rateCard.${index}.code`,
        msg('The code "{code}" is already used by rate card item {row, number}.', {
          code: item.code,
          row: (seen.get(key) ?? 0) + 1,
        }),
      );
    }
    seen.set(key, index);
  });
}
