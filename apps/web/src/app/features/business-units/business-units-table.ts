import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { BusinessUnitDto } from '@agency-portal/shared';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, dateCell, omitColumns, textCell } from '../../shared/table/table-column';

const COLUMNS: readonly TableColumn<BusinessUnitDto>[] = [
  { id: 'name', header: $localize`Name`, sort: 'name', cell: textCell((unit) => unit.name) },
  {
    id: 'operatingModel',
    header: $localize`Operating model`,
    cell: textCell((unit) => OPERATING_MODEL_LABELS[unit.operatingModel]),
  },
  { id: 'parent', header: $localize`Parent unit`, cell: textCell((unit) => unit.parentName ?? '—') },
  {
    id: 'createdAt',
    header: $localize`:When a record was created:Created`,
    sort: 'createdAt',
    start: 'desc',
    cell: dateCell((unit) => unit.createdAt),
  },
  { id: 'actions', header: $localize`Actions`, headerHidden: true, cellClass: 'ap-actions-cell' },
];

@Component({
  selector: 'ap-business-units-table',
  imports: [DataTable, MatButtonModule, RouterLink, TableCellDef],
  template: `
    <ap-data-table
      [rows]="units()"
      [columns]="columns()"
      [label]="label"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    >
      <ng-template apCell="actions" [apCellOf]="units()" let-unit>
        <a i18n matButton [routerLink]="['/business-units', unit.id, 'edit']"
          >Edit<span class="ap-visually-hidden"> {{ unit.name }}</span></a
        >
      </ng-template>
    </ap-data-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitsTable {
  readonly units = input.required<BusinessUnitDto[]>();
  readonly canManage = input(false);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly label = $localize`Business units`;
  protected readonly columns = computed(() => omitColumns(COLUMNS, !this.canManage() && 'actions'));
}
