import { Injectable } from '@nestjs/common';
import type { BudgetSummaryDto } from '@agency-portal/shared';
import type { Contract } from './contract.entity';

/**
 * The budget summary of a contract, computed from the records that spend it, never stored.
 * Committed money comes from accepted briefs and invoiced/approved/paid from invoices; until
 * those records exist for a contract, each figure is the sum over none of them: zero.
 */
@Injectable()
export class BudgetService {
  summarise(
    contract: Pick<Contract, 'currency' | 'budgetCapMinor'>,
    spend: SpendFigures = NO_SPEND,
  ): BudgetSummaryDto {
    return {
      currency: contract.currency,
      capMinor: contract.budgetCapMinor,
      committedMinor: spend.committedMinor,
      invoicedMinor: spend.invoicedMinor,
      approvedMinor: spend.approvedMinor,
      paidMinor: spend.paidMinor,
      remainingMinor: contract.budgetCapMinor - Math.max(spend.committedMinor, spend.invoicedMinor),
    };
  }
}

export interface SpendFigures {
  committedMinor: number;
  invoicedMinor: number;
  approvedMinor: number;
  paidMinor: number;
}

const NO_SPEND: SpendFigures = { committedMinor: 0, invoicedMinor: 0, approvedMinor: 0, paidMinor: 0 };
