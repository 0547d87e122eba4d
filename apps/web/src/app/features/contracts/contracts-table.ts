import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { ContractDto } from '@agency-portal/shared';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable } from '../../shared/table/data-table';
import {
  type TableColumn,
  linkCell,
  moneyCell,
  omitColumns,
  periodCell,
  statusCell,
  textCell,
} from '../../shared/table/table-column';
import { contractStatusLabel, contractStatusTone } from './contract-labels';

const COLUMNS: readonly TableColumn<ContractDto>[] = [
  {
    id: 'reference',
    header: $localize`Reference`,
    sort: 'reference',
    cell: linkCell(
      (contract) => ['/contracts', contract.id],
      (contract) => contract.reference,
    ),
  },
  { id: 'title', header: $localize`Title`, sort: 'title', cell: textCell((contract) => contract.title) },
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
    id: 'period',
    header: $localize`Period`,
    sort: 'startDate',
    start: 'desc',
    cell: periodCell(
      (contract) => contract.startDate,
      (contract) => contract.endDate,
    ),
  },
  {
    id: 'budget',
    header: $localize`Budget cap`,
    numeric: true,
    cell: moneyCell(
      (contract) => contract.budgetCapMinor,
      (contract) => contract.currency,
    ),
  },
];

@Component({
  selector: 'ap-contracts-table',
  imports: [DataTable],
  template: `
    <ap-data-table
      [rows]="contracts()"
      [columns]="columns()"
      [label]="label"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractsTable {
  readonly contracts = input.required<ContractDto[]>();
  /** Off for agency users, whose contracts are all with their own agency. */
  readonly showAgency = input(true);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly label = $localize`Contracts`;
  protected readonly columns = computed(() => omitColumns(COLUMNS, !this.showAgency() && 'agency'));
}
