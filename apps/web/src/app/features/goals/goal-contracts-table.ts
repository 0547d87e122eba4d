import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { GoalContractRef } from '@agency-portal/shared';
import { DataTable } from '../../shared/table/data-table';
import { type TableColumn, linkCell, moneyCell, statusCell, textCell } from '../../shared/table/table-column';
import { contractStatusLabel, contractStatusTone } from '../contracts/contract-labels';

const COLUMNS: readonly TableColumn<GoalContractRef>[] = [
  {
    id: 'reference',
    header: $localize`Reference`,
    cell: linkCell(
      (contract) => (contract.mayOpen ? ['/contracts', contract.contractId] : null),
      (contract) => contract.reference,
      (contract) => contract.title,
    ),
  },
  { id: 'agency', header: $localize`Agency`, cell: textCell((contract) => contract.agencyName) },
  {
    id: 'status',
    header: $localize`Status`,
    cell: statusCell(
      (contract) => contractStatusLabel(contract.status),
      (contract) => contractStatusTone(contract.status),
    ),
  },
  {
    id: 'percent',
    header: $localize`Percent`,
    numeric: true,
    cell: textCell((contract) => `${contract.percent}%`),
  },
  {
    id: 'allocated',
    header: $localize`Allocated`,
    numeric: true,
    cell: moneyCell(
      (contract) => contract.allocatedMinor,
      (contract) => contract.currency,
    ),
  },
];

/** The contracts whose budget is allocated (in part) to a goal. */
@Component({
  selector: 'ap-goal-contracts-table',
  imports: [DataTable],
  template: `<ap-data-table [rows]="contracts()" [columns]="columns" [label]="label" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalContractsTable {
  /** Each says whether the reader may open it (`mayOpen`): a viewer reads the allocation only. */
  readonly contracts = input.required<GoalContractRef[]>();

  protected readonly columns = COLUMNS;
  protected readonly label = $localize`Contracts serving this goal`;
}
