import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { BriefDto } from '@agency-portal/shared';
import { BRIEF_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable } from '../../shared/table/data-table';
import {
  type TableColumn,
  dateCell,
  linkCell,
  moneyCell,
  omitColumns,
  statusCell,
  textCell,
} from '../../shared/table/table-column';
import { BRIEF_STATUS_TONES } from './brief-labels';

const COLUMNS: readonly TableColumn<BriefDto>[] = [
  {
    id: 'title',
    header: $localize`Title`,
    sort: 'title',
    cell: linkCell(
      (brief) => ['/briefs', brief.id],
      (brief) => brief.title,
    ),
  },
  { id: 'contract', header: $localize`Contract`, cell: textCell((brief) => brief.contractReference) },
  { id: 'agency', header: $localize`Agency`, cell: textCell((brief) => brief.agencyName) },
  { id: 'dueDate', header: $localize`Due date`, sort: 'dueDate', cell: dateCell((brief) => brief.dueDate) },
  {
    id: 'estimate',
    header: $localize`Estimate`,
    numeric: true,
    cell: moneyCell(
      (brief) => brief.budgetEstimateMinor,
      (brief) => brief.currency,
    ),
  },
  {
    id: 'status',
    header: $localize`Status`,
    cell: statusCell(
      (brief) => BRIEF_STATUS_LABELS[brief.status],
      (brief) => BRIEF_STATUS_TONES[brief.status],
    ),
  },
];

@Component({
  selector: 'ap-briefs-table',
  imports: [DataTable],
  template: `
    <ap-data-table
      [rows]="briefs()"
      [columns]="columns()"
      [label]="label"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefsTable {
  readonly briefs = input.required<BriefDto[]>();
  /** Off for agency users, whose briefs all come to their own agency. */
  readonly showAgency = input(true);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly label = $localize`Briefs`;
  protected readonly columns = computed(() => omitColumns(COLUMNS, !this.showAgency() && 'agency'));
}
