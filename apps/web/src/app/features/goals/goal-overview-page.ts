import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { GoalOverviewRow } from '@agency-portal/shared';
import { GOAL_OVERVIEW_SORT_KEYS, GOAL_STATUSES } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { ExportMenu } from '../../shared/export/export-menu';
import { DigestToggle } from '../digests/digest-toggle';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { LookupField } from '../../shared/forms/lookup-field';
import { GOAL_STATUS_LABELS, KPI_METRIC_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { isoDate, listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { StatusChip } from '../../shared/ui/status-chip';
import { GoalReportService } from './goal-report.service';
import { PACE_LABELS, PACE_TONES, formatKpi, formatPercent } from './goal-report-view';

/**
 * /goals/overview: the goals of a unit whose period overlaps a range, side by side: KPI actual
 * against target, pace, allocation and invoiced spend per currency, cost per KPI unit.
 */
@Component({
  selector: 'ap-goal-overview-page',
  imports: [
    DigestToggle,
    ExportMenu,
    ListFilters,
    ListView,
    LocalDatePipe,
    LookupField,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MoneyPipe,
    ReactiveFormsModule,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './goal-overview-page.html',
  styles: `
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalOverviewPage {
  private readonly locale = inject(LOCALE_ID);
  private readonly reports = inject(GoalReportService);
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = GOAL_STATUSES;
  protected readonly statusLabels = GOAL_STATUS_LABELS;
  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly paceLabels = PACE_LABELS;
  protected readonly paceTones = PACE_TONES;

  protected readonly list = listQueryState({
    filters: ['businessUnitId', 'status', 'periodFrom', 'periodTo'] as const,
    sortKeys: GOAL_OVERVIEW_SORT_KEYS,
    defaultSort: '-periodStart',
  });
  private readonly filters = computed(() => {
    const filters = this.list.filters();
    return {
      businessUnitId: uuid(filters.businessUnitId),
      status: oneOf(GOAL_STATUSES, filters.status),
      periodFrom: isoDate(filters.periodFrom),
      periodTo: isoDate(filters.periodTo),
    };
  });
  protected readonly goals = createListLoader(
    this.list,
    () => this.filters(),
    (query) => this.reports.overview(query),
  );
  /** The export takes what the screen shows: the same filters and search, every page. */
  protected readonly exportParams = computed(() => ({ ...this.filters(), q: this.list.listParams().q }));
  protected readonly unitId = computed(() => this.filters().businessUnitId);
  protected readonly canSubscribe = computed(() => this.auth.hasPermission('digest:subscribe'));
  private readonly auth = inject(AuthService);

  protected kpi(row: GoalOverviewRow, value: number | null): string {
    return formatKpi(value, row.kpiMetric, row.targetCurrency, this.locale);
  }

  protected percent(value: number | null): string {
    return formatPercent(value, this.locale);
  }
}
