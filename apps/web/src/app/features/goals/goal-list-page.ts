import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CHANNELS, GOAL_SORT_KEYS, GOAL_STATUSES, KPI_METRICS } from '@agency-portal/shared';
import { GOAL_STATUS_LABELS, KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import {
  ChannelFilter,
  DateRangeFilter,
  LookupFilter,
  OptionFilter,
  StatusFilter,
} from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { createListPage, listViewer, oneOfThese } from '../../shared/list/list-page';
import { isoDate, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { GoalService } from './goal.service';
import { GoalsTable } from './goals-table';

/** /goals: the marketing goals, searchable by name and filtered through the URL. */
@Component({
  selector: 'ap-goal-list-page',
  imports: [
    ChannelFilter,
    DateRangeFilter,
    GoalsTable,
    ListFilters,
    ListView,
    LookupFilter,
    MatButtonModule,
    OptionFilter,
    RouterLink,
    StatusFilter,
  ],
  templateUrl: './goal-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalListPage {
  private readonly goalService = inject(GoalService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly viewer = listViewer();

  protected readonly statuses = GOAL_STATUSES;
  protected readonly statusLabels = GOAL_STATUS_LABELS;
  protected readonly kpiMetrics = KPI_METRICS;
  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly canManage = this.viewer.can('goal:manage');
  protected readonly canCompare = this.viewer.can('outcome:read');
  protected readonly showUnitFilter = this.viewer.can('business_unit:read');

  protected readonly list = createListPage(
    {
      businessUnitId: uuid,
      status: oneOfThese(GOAL_STATUSES),
      kpiMetric: oneOfThese(KPI_METRICS),
      channel: oneOfThese(CHANNELS),
      periodFrom: isoDate,
      periodTo: isoDate,
    },
    {
      sortKeys: GOAL_SORT_KEYS,
      defaultSort: '-periodStart',
      load: (query) => this.goalService.list(query),
    },
  );

  protected openNewGoal(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
