import { Injectable } from '@nestjs/common';
import { COMMITTING_BRIEF_STATUSES, type BudgetSummaryDto } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import type { Contract } from './contract.entity';


/**
 * The budget summary of a contract, computed from the records that spend it, never stored:
 * committed = estimates of accepted briefs. Invoiced, approved and paid come from invoices, which
 * the portal does not hold yet, so they are the sum over none: zero.
 */
@Injectable()
export class BudgetService {
  async committedMinor(manager: EntityManager, contractId: string): Promise<number> {
    const rows: { committed: string | null }[] = await manager.query(
      `SELECT COALESCE(SUM(budget_estimate_minor), 0)::text AS committed
         FROM briefs WHERE contract_id = $1 AND status = ANY($2)`,
      [contractId, [...COMMITTING_BRIEF_STATUSES]],
    );
    return Number(rows[0]?.committed ?? 0);
  }

  async summarise(
    manager: EntityManager,
    contract: Pick<Contract, 'id' | 'currency' | 'budgetCapMinor'>,
  ): Promise<BudgetSummaryDto> {
    const committedMinor = await this.committedMinor(manager, contract.id);
    const invoicedMinor = 0;
    return {
      currency: contract.currency,
      capMinor: contract.budgetCapMinor,
      committedMinor,
      invoicedMinor,
      approvedMinor: 0,
      paidMinor: 0,
      remainingMinor: contract.budgetCapMinor - Math.max(committedMinor, invoicedMinor),
    };
  }
}
