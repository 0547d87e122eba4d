import { ViewColumn, ViewEntity } from 'typeorm';
import { bigintNumber } from '../common/bigint';

/** Read-only rows of the ledger views (migration 1765400000000-spend): computed, never stored. */
abstract class LedgerFiguresColumns {
  @ViewColumn()
  id!: string;

  @ViewColumn()
  currency!: string;

  @ViewColumn({ name: 'cap_minor', transformer: bigintNumber })
  capMinor!: number;

  @ViewColumn({ name: 'committed_minor', transformer: bigintNumber })
  committedMinor!: number;

  @ViewColumn({ name: 'invoiced_minor', transformer: bigintNumber })
  invoicedMinor!: number;

  @ViewColumn({ name: 'approved_minor', transformer: bigintNumber })
  approvedMinor!: number;

  @ViewColumn({ name: 'paid_minor', transformer: bigintNumber })
  paidMinor!: number;

  @ViewColumn({ name: 'remaining_minor', transformer: bigintNumber })
  remainingMinor!: number;

  @ViewColumn({ name: 'business_unit_id' })
  businessUnitId!: string;
}

@ViewEntity({ name: 'contract_budget_ledger', synchronize: false })
export class ContractLedgerRow extends LedgerFiguresColumns {
  @ViewColumn({ name: 'contract_id' })
  contractId!: string;

  @ViewColumn({ name: 'agency_id' })
  agencyId!: string;
}

@ViewEntity({ name: 'goal_budget_ledger', synchronize: false })
export class GoalLedgerRow extends LedgerFiguresColumns {
  @ViewColumn({ name: 'contract_id' })
  contractId!: string;

  @ViewColumn({ name: 'goal_id' })
  goalId!: string;

  @ViewColumn({ name: 'agency_id' })
  agencyId!: string;

  @ViewColumn({ name: 'allocation_percent' })
  allocationPercent!: number | null;
}

@ViewEntity({ name: 'business_unit_budget_ledger', synchronize: false })
export class BusinessUnitLedgerRow extends LedgerFiguresColumns {}
