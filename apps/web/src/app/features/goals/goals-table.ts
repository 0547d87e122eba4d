import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { GoalDto, GoalStatus, KpiMetric } from '@agency-portal/shared';
import { GOAL_STATUS_LABELS, KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { GOAL_STATUS_TONES } from './goal-labels';
import { GoalTargetPipe } from './goal-target.pipe';

@Component({
  selector: 'ap-goals-table',
  imports: [LocalDatePipe, GoalTargetPipe, MatSortModule, MatTableModule, RouterLink, StatusChip],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="goals()"
        aria-label="Goals"
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
          <td mat-cell *matCellDef="let goal">
            <a [routerLink]="['/goals', goal.id]">{{ goal.name }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="unit">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Business unit</th>
          <td mat-cell *matCellDef="let goal">{{ goal.businessUnitName }}</td>
        </ng-container>
        <ng-container matColumnDef="kpi">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">KPI</th>
          <td mat-cell *matCellDef="let goal">{{ kpiLabel(goal.kpiMetric) }}</td>
        </ng-container>
        <ng-container matColumnDef="target">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Target</th>
          <td mat-cell *matCellDef="let goal" class="ap-number">{{ goal | goalTarget }}</td>
        </ng-container>
        <ng-container matColumnDef="period">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="periodStart"
            [start]="'desc'"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Period
          </th>
          <td mat-cell *matCellDef="let goal">
            {{ goal.periodStart | localDate: 'date' }} – {{ goal.periodEnd | localDate: 'date' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let goal">
            <ap-status-chip [label]="statusLabel(goal.status)" [tone]="statusTone(goal.status)" />
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalsTable {
  readonly goals = input.required<GoalDto[]>();
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly columns = ['name', 'unit', 'kpi', 'target', 'period', 'status'];
  protected readonly kpiLabel = (metric: KpiMetric): string => KPI_METRIC_LABELS[metric];
  protected readonly statusLabel = (status: GoalStatus): string => GOAL_STATUS_LABELS[status];
  protected readonly statusTone = (status: GoalStatus): StatusTone => GOAL_STATUS_TONES[status];
}
