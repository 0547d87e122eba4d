import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { AgencyDto } from '@agency-portal/shared';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable } from '../../shared/table/data-table';
import { type TableColumn, dateCell, linkCell, statusCell, textCell } from '../../shared/table/table-column';
import { AGENCY_STATUS_LABELS, serviceLabels } from './agency-labels';

const COLUMNS: readonly TableColumn<AgencyDto>[] = [
  {
    id: 'name',
    header: $localize`Name`,
    sort: 'name',
    cell: linkCell(
      (agency) => ['/agencies', agency.id],
      (agency) => agency.name,
      (agency) => agency.legalName,
    ),
  },
  { id: 'services', header: $localize`Services`, cell: textCell((agency) => serviceLabels(agency.services)) },
  {
    id: 'owner',
    header: $localize`Relationship owner`,
    cell: textCell((agency) => agency.relationshipOwner.name),
  },
  { id: 'users', header: $localize`Users`, numeric: true, cell: textCell((agency) => agency.userCount) },
  {
    id: 'createdAt',
    header: $localize`:When a record was created:Created`,
    sort: 'createdAt',
    start: 'desc',
    cell: dateCell((agency) => agency.createdAt),
  },
  {
    id: 'status',
    header: $localize`Status`,
    cell: statusCell(
      (agency) => AGENCY_STATUS_LABELS[agency.status],
      (agency) => (agency.status === 'active' ? 'active' : 'inactive'),
    ),
  },
];

@Component({
  selector: 'ap-agencies-table',
  imports: [DataTable],
  template: `
    <ap-data-table
      [rows]="agencies()"
      [columns]="columns"
      [label]="label"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgenciesTable {
  readonly agencies = input.required<AgencyDto[]>();
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly columns = COLUMNS;
  protected readonly label = $localize`Agencies`;
}
