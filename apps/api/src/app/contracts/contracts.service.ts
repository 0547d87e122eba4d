import { Injectable, type StreamableFile } from '@nestjs/common';
import type { ContractDetailDto, ContractDto, ContractSortKey, Page } from '@agency-portal/shared';
import {
  ACTIVE_CONTRACT_EDITABLE_FIELDS,
  allocationTotal,
  canDoContractAction,
  isAgencyRole,
  renewalNoticeDate,
  type ContractAction,
} from '@agency-portal/shared';
import type { Response } from 'express';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { mayReadInternalNotes } from '../access/access-rules';
import { Agency } from '../agencies/agency.entity';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { isUniqueViolation } from '../common/db-errors';
import { joinSome, paginate, PERSON, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { DomainError, fieldError, invalidState, notFound } from '../common/errors/domain-error';
import { todayIso } from '../common/http/validators';
import { FilesService } from '../files/files.service';
import type { ReceivedFile } from '../files/upload';
import { MarketingGoal } from '../goals/goal.entity';
import { DomainEvents } from '../events/domain-events.service';
import { User } from '../users/user.entity';
import { BudgetService } from './budget.service';
import { Contract, ContractGoal, RateCardItem } from './contract.entity';
import {
  contractSnapshot,
  rateCardSnapshot,
  toAllocationDto,
  toContractDto,
  toRateCardItemDto,
} from './contract.mapper';
import type {
  ContractListQueryDto,
  CreateContractDto,
  GoalAllocationInputDto,
  RateCardItemInputDto,
  UpdateContractDto,
} from './dto/contract.dto';
import { msg } from '../i18n/message';

const referenceTaken = () =>
  fieldError('reference', 'Another contract already uses this reference.', 'conflict');

const CONTRACT_LIST: ListSpec<ContractSortKey> = {
  alias: 'contract',
  sorts: {
    startDate: { expression: 'contract.start_date', type: 'date' },
    endDate: { expression: 'contract.end_date', type: 'date' },
    reference: { expression: 'contract.reference', type: 'text' },
    title: { expression: 'contract.title', type: 'text' },
    createdAt: { expression: 'contract.created_at', type: 'timestamptz' },
  },
  defaultSort: '-startDate',
};

export interface LifecycleRun {
  expired: number;
  renewalNotices: number;
}

@Injectable()
export class ContractsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly budget: BudgetService,
    private readonly files: FilesService,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: ContractListQueryDto): Promise<Page<ContractDto>> {
    const qb = this.baseQuery(this.dataSource.manager);
    this.access.scope(qb, actor, 'contract', 'contract');
    if (query.agencyId) qb.andWhere('contract.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.businessUnitId)
      qb.andWhere('contract.business_unit_id = :unit', { unit: query.businessUnitId });
    if (query.ownerId) qb.andWhere('contract.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.status) qb.andWhere('contract.status = :status', { status: query.status });
    if (query.currency) qb.andWhere('contract.currency = :currency', { currency: query.currency });
    if (query.goalId) {
      qb.andWhere(
        'contract.id IN (SELECT cg.contract_id FROM contract_goals cg WHERE cg.goal_id = :goalId)',
        {
          goalId: query.goalId,
        },
      );
    }
    whereSearch(qb, query.q, ['contract.reference', 'contract.title']);
    const page = await paginate(qb, CONTRACT_LIST, query);
    const internal = mayReadInternalNotes(actor);
    return toPage(page, (contract) => toContractDto(contract, internal));
  }

  async get(actor: Actor, id: string): Promise<ContractDetailDto> {
    const qb = this.baseQuery(this.dataSource.manager).where('contract.id = :id', { id });
    const contract = await this.access.scope(qb, actor, 'contract', 'contract').getOne();
    if (!contract) throw notFound('Contract');
    const [rateCard, allocations, budget] = await Promise.all([
      this.dataSource
        .getRepository(RateCardItem)
        .find({ where: { contractId: id }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(ContractGoal)
        .find({ where: { contractId: id }, relations: { goal: true }, order: { percent: 'DESC' } }),
      this.budget.summarise(this.dataSource.manager, contract),
    ]);
    return {
      ...toContractDto(contract, mayReadInternalNotes(actor)),
      rateCard: rateCard.map(toRateCardItemDto),
      allocations: allocations.map((allocation) => toAllocationDto(allocation, contract.budgetCapMinor)),
      budget,
    };
  }

  /** Creates a draft with its rate card and goal allocations, in one transaction. */
  async create(actor: Actor, input: CreateContractDto): Promise<ContractDetailDto> {
    const id = await this.write(async (manager) => {
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
    });
    return this.get(actor, id);
  }

  /**
   * Drafts change freely. Active contracts keep their signed terms; their budget cap and rate
   * card may change, audited with before and after, and the agency is told in the app.
   */
  async update(actor: Actor, id: string, input: UpdateContractDto): Promise<ContractDetailDto> {
    await this.write(async (manager) => {
      const contract = await this.lock(manager, actor, id);
      assertAction(contract, 'edit');
      if (contract.status === 'active') {
        const locked = Object.keys(input).filter(
          (field) =>
            (input as Record<string, unknown>)[field] !== undefined &&
            !(ACTIVE_CONTRACT_EDITABLE_FIELDS as readonly string[]).includes(field),
        );
        if (locked.length > 0) {
          throw new DomainError(
            'invalid_state',
            msg('These fields of an active contract cannot change: {fields}.', { fields: locked.join(', ') }),
            {
              fields: locked.map((field) => ({ field, messages: ['Locked once the contract is active.'] })),
            },
          );
        }
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
    });
    return this.get(actor, id);
  }

  /** draft → active: needs the signed document and an end date that has not passed. */
  async activate(actor: Actor, id: string): Promise<ContractDetailDto> {
    await this.write(async (manager) => {
      const contract = await this.lock(manager, actor, id);
      assertAction(contract, 'activate');
      if (!contract.signedDocumentId) {
        throw invalidState('Upload the signed document before activating the contract.');
      }
      if (contract.endDate < todayIso()) {
        throw invalidState('The contract has already ended; change its dates before activating it.');
      }
      const before = contractSnapshot(contract);
      contract.status = 'active';
      contract.activatedAt = new Date();
      await manager.save(contract);
      await this.audit.record(manager, actor, {
        action: 'contract.activated',
        entity: 'contract',
        entityId: id,
        before,
        after: contractSnapshot(contract),
      });
      await this.events.publish(
        manager,
        {
          type: 'contract.activated',
          payload: { ...contractFacts(contract), startDate: contract.startDate, endDate: contract.endDate },
          audience: { agencyIds: [contract.agencyId] },
        },
        actor,
      );
    });
    return this.get(actor, id);
  }

  async terminate(actor: Actor, id: string, reason: string): Promise<ContractDetailDto> {
    await this.write(async (manager) => {
      const contract = await this.lock(manager, actor, id);
      assertAction(contract, 'terminate');
      const before = contractSnapshot(contract);
      contract.status = 'terminated';
      contract.terminationReason = reason;
      contract.terminatedAt = new Date();
      await manager.save(contract);
      await this.audit.record(manager, actor, {
        action: 'contract.terminated',
        entity: 'contract',
        entityId: id,
        before,
        after: contractSnapshot(contract),
      });
      await this.events.publish(
        manager,
        {
          type: 'contract.terminated',
          payload: { ...contractFacts(contract), reason },
          audience: { agencyIds: [contract.agencyId] },
        },
        actor,
      );
    });
    return this.get(actor, id);
  }

  /** Attaches a signed PDF already streamed into storage; the bytes are discarded if this fails. */
  async attachSignedDocument(actor: Actor, id: string, received: ReceivedFile): Promise<ContractDetailDto> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const contract = await this.lock(manager, actor, id);
        assertAction(contract, 'upload_document');
        const before = contractSnapshot(contract);
        const file = await this.files.record(manager, received, actor);
        contract.signedDocumentId = file.id;
        await manager.save(contract);
        await this.audit.record(manager, actor, {
          action: 'contract.document_uploaded',
          entity: 'contract',
          entityId: id,
          before,
          after: {
            ...contractSnapshot(contract),
            fileName: file.originalName,
            sha256: file.sha256,
            sizeBytes: file.sizeBytes,
          },
        });
      });
    } catch (error) {
      await this.files.discard(received);
      throw error;
    }
    return this.get(actor, id);
  }

  async downloadSignedDocument(actor: Actor, id: string, response: Response): Promise<StreamableFile> {
    const qb = this.dataSource
      .getRepository(Contract)
      .createQueryBuilder('contract')
      .leftJoinAndSelect('contract.signedDocument', 'signedDocument')
      .where('contract.id = :id', { id });
    const contract = await this.access.scope(qb, actor, 'contract', 'contract').getOne();
    if (!contract) throw notFound('Contract');
    if (!contract.signedDocument) throw notFound('Signed document');
    return this.files.download(contract.signedDocument, response);
  }

  /**
   * The daily lifecycle run: active contracts past their end date expire, and contracts entering
   * their renewal notice window raise one notice to their owner. Safe to run more than once a day
   * and from several replicas at once (rows are locked and skipped when taken).
   */
  async runDailyLifecycle(today: string = todayIso()): Promise<LifecycleRun> {
    return this.dataSource.transaction(async (manager) => {
      const due: Contract[] = await manager
        .getRepository(Contract)
        .createQueryBuilder('contract')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("contract.status = 'active'")
        .andWhere('contract.end_date < :today', { today })
        .getMany();
      for (const contract of due) {
        const before = contractSnapshot(contract);
        contract.status = 'expired';
        contract.expiredAt = new Date();
        await manager.save(contract);
        await this.audit.record(manager, null, {
          action: 'contract.expired',
          entity: 'contract',
          entityId: contract.id,
          before,
          after: contractSnapshot(contract),
        });
        await this.events.publish(manager, {
          type: 'contract.expired',
          payload: { ...contractFacts(contract), endDate: contract.endDate },
          audience: { userIds: [contract.ownerId], agencyIds: [contract.agencyId] },
        });
      }

      const renewing: Contract[] = await manager
        .getRepository(Contract)
        .createQueryBuilder('contract')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where("contract.status = 'active'")
        .andWhere('contract.renewal_notified_at IS NULL')
        .andWhere('contract.end_date >= :today', { today })
        .andWhere('contract.end_date - contract.renewal_notice_days <= CAST(:today AS date)', { today })
        .getMany();
      for (const contract of renewing) {
        contract.renewalNotifiedAt = new Date();
        await manager.save(contract);
        await this.audit.record(manager, null, {
          action: 'contract.renewal_notice_raised',
          entity: 'contract',
          entityId: contract.id,
          after: {
            endDate: contract.endDate,
            noticeFrom: renewalNoticeDate(contract.endDate, contract.renewalNoticeDays),
          },
        });
        await this.events.publish(manager, {
          type: 'contract.renewal_due',
          payload: {
            ...contractFacts(contract),
            endDate: contract.endDate,
            renewalNoticeDays: contract.renewalNoticeDays,
          },
          audience: { userIds: [contract.ownerId] },
        });
      }
      return { expired: due.length, renewalNotices: renewing.length };
    });
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
    if (total > 100) {
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

  /** A contract with the fields of its agency, unit, owner and signed document that its answer shows. */
  private baseQuery(manager: EntityManager) {
    const query = manager.getRepository(Contract).createQueryBuilder('contract');
    joinSome(query, 'contract.agency', 'agency', ['name']);
    joinSome(query, 'contract.businessUnit', 'businessUnit', ['name']);
    joinSome(query, 'contract.owner', 'owner', PERSON);
    return joinSome(query, 'contract.signedDocument', 'signedDocument', [
      'originalName',
      'sizeBytes',
      'sha256',
      'createdAt',
    ]);
  }

  private async lock(manager: EntityManager, actor: Actor, id: string): Promise<Contract> {
    const qb = manager
      .getRepository(Contract)
      .createQueryBuilder('contract')
      .setLock('pessimistic_write')
      .where('contract.id = :id', { id });
    const contract = await this.access.scope(qb, actor, 'contract', 'contract').getOne();
    if (!contract) throw notFound('Contract');
    return contract;
  }

  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'contracts_reference_key')) throw referenceTaken();
      if (isUniqueViolation(error, 'rate_card_items_code_key')) {
        throw fieldError('rateCard', 'Rate card codes must be unique within a contract.');
      }
      throw error;
    }
  }
}

function assertAction(contract: Contract, action: ContractAction): void {
  if (!canDoContractAction(contract.status, action)) {
    throw invalidState(
      msg(
        'A contract that is {status, select, draft {a draft} active {active} expired {expired} terminated {terminated} other {{status}}} cannot be {action, select, edit {edited} activate {activated} terminate {terminated} upload_document {given a new signed document} other {changed}}.',
        { status: contract.status, action },
      ),
    );
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

/** What every contract event says about its contract. */
function contractFacts(contract: Contract): { contractId: string; reference: string; title: string } {
  return { contractId: contract.id, reference: contract.reference, title: contract.title };
}
