import { Injectable } from '@nestjs/common';
import type { BudgetSummaryDto } from '@agency-portal/shared';
import { BUDGET_COMMITTING_BRIEF_STATUSES } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import type { Contract } from './contract.entity';

/**
 * The budget summary of a contract, read from the ledger view `contract_budget_ledger`
 * (migration 1765400000000-spend): committed = estimates of accepted briefs, invoiced = live
 * invoices, approved = approved and paid, paid = paid, all net of tax and computed from the
 * records, never stored.
 */
@Injectable()
export class BudgetService {
  async committedMinor(manager: EntityManager, contractId: string): Promise<number> {
    const rows: { committed: string | null }[] = await manager.query(
      `SELECT COALESCE(SUM(budget_estimate_minor), 0)::text AS committed
         FROM briefs WHERE contract_id = $1 AND status = ANY($2)`,
      [contractId, [...BUDGET_COMMITTING_BRIEF_STATUSES]],
    );
    return Number(rows[0]?.committed ?? 0);
  }

  async summarise(
    manager: EntityManager,
    contract: Pick<Contract, 'id' | 'currency' | 'budgetCapMinor'>,
  ): Promise<BudgetSummaryDto> {
    const rows: Record<'committed' | 'invoiced' | 'approved' | 'paid' | 'remaining', string>[] =
      await manager.query(
        `SELECT committed_minor AS committed, invoiced_minor AS invoiced, approved_minor AS approved,
              paid_minor AS paid, remaining_minor AS remaining
         FROM contract_budget_ledger WHERE contract_id = $1`,
        [contract.id],
      );
    const row = rows[0];
    return {
      currency: contract.currency,
      capMinor: contract.budgetCapMinor,
      committedMinor: Number(row?.committed ?? 0),
      invoicedMinor: Number(row?.invoiced ?? 0),
      approvedMinor: Number(row?.approved ?? 0),
      paidMinor: Number(row?.paid ?? 0),
      remainingMinor: Number(row?.remaining ?? contract.budgetCapMinor),
    };
  }
}
