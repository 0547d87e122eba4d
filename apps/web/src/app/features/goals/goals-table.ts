import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { GoalDto } from '@agency-portal/shared';
import { GOAL_STATUS_LABELS, KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import {
  type TableColumn,
  linkCell,
  periodCell,
  statusCell,
  textCell,
} from '../../shared/table/table-column';
import { GOAL_STATUS_TONES } from './goal-labels';
import { GoalTargetPipe } from './goal-target.pipe';

const COLUMNS: readonly TableColumn<GoalDto>[] = [
  {
    id: 'name',
    header: $localize`Name`,
    sort: 'name',
    cell: linkCell(
      (goal) => ['/goals', goal.id],
      (goal) => goal.name,
    ),
  },
  { id: 'unit', header: $localize`Business unit`, cell: textCell((goal) => goal.businessUnitName) },
  { id: 'kpi', header: $localize`KPI`, cell: textCell((goal) => KPI_METRIC_LABELS[goal.kpiMetric]) },
  { id: 'target', header: $localize`Target`, numeric: true },
  {
    id: 'period',
    header: $localize`Period`,
    sort: 'periodStart',
    start: 'desc',
    cell: periodCell(
      (goal) => goal.periodStart,
      (goal) => goal.periodEnd,
    ),
  },
  {
    id: 'status',
    header: $localize`Status`,
    cell: statusCell(
      (goal) => GOAL_STATUS_LABELS[goal.status],
      (goal) => GOAL_STATUS_TONES[goal.status],
    ),
  },
];

@Component({
  selector: 'ap-goals-table',
  imports: [DataTable, GoalTargetPipe, TableCellDef],
  template: `
    <ap-data-table
      [rows]="goals()"
      [columns]="columns"
      [label]="label"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    >
      <ng-template apCell="target" [apCellOf]="goals()" let-goal>{{ goal | goalTarget }}</ng-template>
    </ap-data-table>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalsTable {
  readonly goals = input.required<GoalDto[]>();
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly columns = COLUMNS;
  protected readonly label = $localize`Goals`;
}
