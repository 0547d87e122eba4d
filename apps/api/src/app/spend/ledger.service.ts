import { Injectable } from '@nestjs/common';
import type { LedgerFigures, LedgerRowDto, Page } from '@agency-portal/shared';
import { reachedThresholds } from '@agency-portal/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { DomainEvents } from '../events/domain-events.service';
import { financeUserIds } from '../invoices/finance-audience';
import type { LedgerQueryDto } from './dto/spend.dto';
import { BusinessUnitLedgerRow, ContractLedgerRow, GoalLedgerRow } from './ledger.entity';

type LedgerRow = ContractLedgerRow | GoalLedgerRow | BusinessUnitLedgerRow;

function figures(row: LedgerFigures): LedgerFigures {
  return {
    currency: row.currency,
    capMinor: row.capMinor,
    committedMinor: row.committedMinor,
    invoicedMinor: row.invoicedMinor,
    approvedMinor: row.approvedMinor,
    paidMinor: row.paidMinor,
    remainingMinor: row.remainingMinor,
  };
}

/**
 * The budget ledger: cap, committed, invoiced, approved, paid and remaining per contract, per
 * contract and goal, and per business unit and currency, read from the ledger views (computed
 * from briefs and invoices, never stored). Also announces the 80 % and 100 % crossings.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly events: DomainEvents,
  ) {}

  async contractFigures(manager: EntityManager, contractId: string): Promise<LedgerFigures | null> {
    const row = await manager.findOneBy(ContractLedgerRow, { contractId });
    return row ? figures(row) : null;
  }

  async list(actor: Actor, query: LedgerQueryDto): Promise<Page<LedgerRowDto>> {
    switch (query.level) {
      case 'contract':
        return this.contracts(actor, query);
      case 'goal':
        return this.goals(actor, query);
      case 'business_unit':
        return this.units(actor, query);
    }
  }

  /**
   * Raises `budget.threshold_crossed` for each threshold the contract's invoiced amount has newly
   * reached, and forgets thresholds it fell back below (a rejection), so each crossing is told
   * once. The `budget_alerts` row is the once: its insert either happens or finds the row there.
   * Call with the contract row locked, in the transaction of the change.
   */
  async announceThresholds(
    manager: EntityManager,
    contract: { id: string; reference: string; title: string; ownerId: string },
    actor: { id: string } | null,
  ): Promise<number[]> {
    const ledger = await this.contractFigures(manager, contract.id);
    if (!ledger) return [];
    const reached = reachedThresholds(ledger.invoicedMinor, ledger.capMinor);
    await manager.query(
      `DELETE FROM budget_alerts WHERE contract_id = $1 AND NOT (threshold_percent = ANY($2::int[]))`,
      [contract.id, reached],
    );
    const raised: number[] = [];
    for (const threshold of reached) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO budget_alerts (contract_id, threshold_percent) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING threshold_percent`,
        [contract.id, threshold],
      );
      if (inserted.length === 0) continue;
      raised.push(threshold);
      await this.events.publish(
        manager,
        {
          type: 'budget.threshold_crossed',
          payload: {
            contractId: contract.id,
            reference: contract.reference,
            title: contract.title,
            thresholdPercent: threshold,
            invoicedMinor: ledger.invoicedMinor,
            capMinor: ledger.capMinor,
            currency: ledger.currency,
          },
          audience: { userIds: [contract.ownerId, ...(await financeUserIds(manager))] },
        },
        actor,
      );
    }
    return raised;
  }

  private async contracts(actor: Actor, query: LedgerQueryDto): Promise<Page<LedgerRowDto>> {
    const qb = this.dataSource
      .getRepository(ContractLedgerRow)
      .createQueryBuilder('ledger')
      .innerJoin('contracts', 'contract', 'contract.id = ledger.contract_id')
      .innerJoin('business_units', 'unit', 'unit.id = ledger.business_unit_id')
      .addSelect(['contract.reference AS contract_reference', 'unit.name AS unit_name']);
    this.access.scope(qb, actor, 'budget_ledger', 'contract');
    this.filter(qb, query);
    whereSearch(qb, query.q, ['contract.reference', 'contract.title']);
    const page = await paginate(qb, this.spec('contract.reference'), query);
    return toPage(page, (row) => {
      const raw = page.raw.get(row.id);
      return {
        ...figures(row),
        id: row.id,
        level: 'contract' as const,
        contractId: row.contractId,
        contractReference: String(raw?.['contract_reference'] ?? ''),
        agencyId: row.agencyId,
        goalId: null,
        goalName: null,
        businessUnitId: row.businessUnitId,
        businessUnitName: String(raw?.['unit_name'] ?? ''),
        allocationPercent: null,
      };
    });
  }

  private async goals(actor: Actor, query: LedgerQueryDto): Promise<Page<LedgerRowDto>> {
    const qb = this.dataSource
      .getRepository(GoalLedgerRow)
      .createQueryBuilder('ledger')
      .innerJoin('contracts', 'contract', 'contract.id = ledger.contract_id')
      .innerJoin('marketing_goals', 'goal', 'goal.id = ledger.goal_id')
      .innerJoin('business_units', 'unit', 'unit.id = ledger.business_unit_id')
      .addSelect([
        'contract.reference AS contract_reference',
        'goal.name AS goal_name',
        'unit.name AS unit_name',
      ]);
    this.access.scope(qb, actor, 'budget_ledger', 'contract');
    this.filter(qb, query);
    if (query.goalId) qb.andWhere('ledger.goal_id = :goalId', { goalId: query.goalId });
    whereSearch(qb, query.q, ['contract.reference', 'goal.name']);
    const page = await paginate(qb, this.spec("contract.reference || ' ' || goal.name"), query);
    return toPage(page, (row) => {
      const raw = page.raw.get(row.id);
      return {
        ...figures(row),
        id: row.id,
        level: 'goal' as const,
        contractId: row.contractId,
        contractReference: String(raw?.['contract_reference'] ?? ''),
        agencyId: row.agencyId,
        goalId: row.goalId,
        goalName: String(raw?.['goal_name'] ?? ''),
        businessUnitId: row.businessUnitId,
        businessUnitName: String(raw?.['unit_name'] ?? ''),
        allocationPercent: row.allocationPercent,
      };
    });
  }

  /** Units and currencies: in-house readers see every contract, so no contract scope applies here. */
  private async units(actor: Actor, query: LedgerQueryDto): Promise<Page<LedgerRowDto>> {
    const qb = this.dataSource
      .getRepository(BusinessUnitLedgerRow)
      .createQueryBuilder('ledger')
      .innerJoin('business_units', 'unit', 'unit.id = ledger.business_unit_id')
      .addSelect(['unit.name AS unit_name']);
    this.access.scope(qb, actor, 'business_unit', 'unit');
    if (query.businessUnitId) qb.andWhere('ledger.business_unit_id = :unit', { unit: query.businessUnitId });
    if (query.currency) qb.andWhere('ledger.currency = :currency', { currency: query.currency });
    whereSearch(qb, query.q, ['unit.name']);
    const page = await paginate(qb, this.spec("unit.name || ' ' || ledger.currency"), query);
    return toPage(page, (row) => {
      const raw = page.raw.get(row.id);
      return {
        ...figures(row),
        id: row.id,
        level: 'business_unit' as const,
        contractId: null,
        contractReference: null,
        agencyId: null,
        goalId: null,
        goalName: null,
        businessUnitId: row.businessUnitId,
        businessUnitName: String(raw?.['unit_name'] ?? ''),
        allocationPercent: null,
      };
    });
  }

  private filter(qb: SelectQueryBuilder<LedgerRow>, query: LedgerQueryDto): void {
    if (query.contractId) qb.andWhere('ledger.contract_id = :contractId', { contractId: query.contractId });
    if (query.agencyId) qb.andWhere('ledger.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.businessUnitId) qb.andWhere('ledger.business_unit_id = :unit', { unit: query.businessUnitId });
    if (query.currency) qb.andWhere('ledger.currency = :currency', { currency: query.currency });
  }

  private spec(name: string): ListSpec<'name'> {
    return { alias: 'ledger', sorts: { name: { expression: name, type: 'text' } }, defaultSort: 'name' };
  }
}
