import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CHANNELS, GOAL_SORT_KEYS, GOAL_STATUSES, KPI_METRICS } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { CHANNEL_LABELS, GOAL_STATUS_LABELS, KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { isoDate, listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { GoalService } from './goal.service';
import { GoalsTable } from './goals-table';

/** /goals: the marketing goals, searchable by name and filtered through the URL. */
@Component({
  selector: 'ap-goal-list-page',
  imports: [
    GoalsTable,
    ListFilters,
    ListView,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './goal-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalListPage {
  private readonly auth = inject(AuthService);
  private readonly goalService = inject(GoalService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = GOAL_STATUSES;
  protected readonly statusLabels = GOAL_STATUS_LABELS;
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly kpiMetrics = KPI_METRICS;
  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('goal:manage'));
  protected readonly canCompare = computed(() => this.auth.hasPermission('outcome:read'));
  protected readonly showUnitFilter = computed(() => this.auth.hasPermission('business_unit:read'));

  protected readonly list = listQueryState({
    filters: ['businessUnitId', 'status', 'kpiMetric', 'channel', 'periodFrom', 'periodTo'] as const,
    sortKeys: GOAL_SORT_KEYS,
    defaultSort: '-periodStart',
  });
  protected readonly goals = createListLoader(
    this.list,
    (filters) => ({
      businessUnitId: uuid(filters.businessUnitId),
      status: oneOf(GOAL_STATUSES, filters.status),
      kpiMetric: oneOf(KPI_METRICS, filters.kpiMetric),
      channel: oneOf(CHANNELS, filters.channel),
      periodFrom: isoDate(filters.periodFrom),
      periodTo: isoDate(filters.periodTo),
    }),
    (query) => this.goalService.list(query),
  );

  protected openNewGoal(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
