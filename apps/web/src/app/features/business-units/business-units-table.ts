import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { BusinessUnitDto, OperatingModel } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';

@Component({
  selector: 'ap-business-units-table',
  imports: [LocalDatePipe, MatButtonModule, MatSortModule, MatTableModule, RouterLink],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="units()"
        aria-label="Business units"
        i18n-aria-label
        matSort
        matSortDisableClear
        [matSortActive]="sort()?.key ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        [matSortDisabled]="!sort()"
        (matSortChange)="sortChange.emit($event)"
      >
        <ng-container matColumnDef="name">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="name"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Name
          </th>
          <td mat-cell *matCellDef="let unit">{{ unit.name }}</td>
        </ng-container>
        <ng-container matColumnDef="operatingModel">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Operating model</th>
          <td mat-cell *matCellDef="let unit">{{ operatingModelLabel(unit.operatingModel) }}</td>
        </ng-container>
        <ng-container matColumnDef="parent">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Parent unit</th>
          <td mat-cell *matCellDef="let unit">{{ unit.parentName ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th
            i18n="When a record was created"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="createdAt"
            [start]="'desc'"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Created
          </th>
          <td mat-cell *matCellDef="let unit">{{ unit.createdAt | localDate: 'date' }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col">
            <span i18n class="ap-visually-hidden">Actions</span>
          </th>
          <td mat-cell *matCellDef="let unit" class="ap-actions-cell">
            <a i18n matButton [routerLink]="['/business-units', unit.id, 'edit']"
              >Edit<span class="ap-visually-hidden"> {{ unit.name }}</span></a
            >
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
  `,
  styles: `
    .ap-actions-cell {
      text-align: right;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitsTable {
  readonly units = input.required<BusinessUnitDto[]>();
  readonly canManage = input(false);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly operatingModelLabel = (model: OperatingModel): string => OPERATING_MODEL_LABELS[model];
  protected readonly columns = computed(() => [
    'name',
    'operatingModel',
    'parent',
    'createdAt',
    ...(this.canManage() ? ['actions'] : []),
  ]);
}
