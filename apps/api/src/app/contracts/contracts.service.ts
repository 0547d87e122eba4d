import { Injectable } from '@nestjs/common';
import type { ContractDetailDto, ContractDto, ContractSortKey, Page } from '@agency-portal/shared';
import { allowedContractActions } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { mayReadInternalNotes } from '../access/access-rules';
import type { Actor } from '../auth/actor';
import {
  joinSome,
  paginate,
  PERSON,
  toPage,
  whereSearch,
  type ListSpec,
  whereEqual,
} from '../common/lists/paginate';
import { notFound } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { BudgetService } from './budget.service';
import { Contract, ContractGoal, RateCardItem } from './contract.entity';
import { toAllocationDto, toContractDto, toRateCardItemDto } from './contract.mapper';
import type { ContractListQueryDto } from './dto/contract.dto';

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

/**
 * Reading contracts: the list and the detail every change answers with. Changes live beside it, by
 * responsibility: terms (contract-terms.service), lifecycle (contract-lifecycle.service), the signed
 * document (contract-documents.service) and the daily run (contract-jobs).
 */
@Injectable()
export class ContractsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly budget: BudgetService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: ContractListQueryDto): Promise<Page<ContractDto>> {
    const qb = this.baseQuery(this.uow.manager);
    this.access.scope(qb, actor, 'contract', 'contract');
    whereEqual(qb, {
      'contract.agency_id': query.agencyId,
      'contract.business_unit_id': query.businessUnitId,
      'contract.owner_id': query.ownerId,
      'contract.status': query.status,
      'contract.currency': query.currency,
    });
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
    const qb = this.baseQuery(this.uow.manager).where('contract.id = :id', { id });
    const contract = await this.access.scope(qb, actor, 'contract', 'contract').getOne();
    if (!contract) throw notFound('Contract');
    const [rateCard, allocations, budget] = await Promise.all([
      this.uow.manager
        .getRepository(RateCardItem)
        .find({ where: { contractId: id }, order: { position: 'ASC' } }),
      this.uow.manager
        .getRepository(ContractGoal)
        .find({ where: { contractId: id }, relations: { goal: true }, order: { percent: 'DESC' } }),
      this.budget.summarise(this.uow.manager, contract),
    ]);
    return {
      ...toContractDto(contract, mayReadInternalNotes(actor)),
      rateCard: rateCard.map(toRateCardItemDto),
      allocations: allocations.map((allocation) => toAllocationDto(allocation, contract.budgetCapMinor)),
      budget,
      allowedActions: allowedContractActions(contract.status, actor.role),
    };
  }

  /** A contract with the fields of its agency, unit, owner and signed document that its answer shows. */
  baseQuery(manager: EntityManager) {
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
}
