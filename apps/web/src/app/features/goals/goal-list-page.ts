import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { Channel, GoalListQuery, GoalStatus } from '@agency-portal/shared';
import { CHANNELS, GOAL_STATUSES } from '@agency-portal/shared';
import { CHANNEL_LABELS, GOAL_STATUS_LABELS } from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { BusinessUnitService } from '../business-units/business-unit.service';
import { GoalService } from './goal.service';
import { GoalsTable } from './goals-table';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(options: readonly T[], value: string | undefined): T | undefined {
  return options.find((option) => option === value);
}

function isoDate(value: string | undefined): string | undefined {
  return value && ISO_DATE.test(value) ? value : undefined;
}

/** /goals: the marketing goals, filtered through the URL (?businessUnitId=&status=&channel=&periodFrom=&periodTo=). */
@Component({
  selector: 'ap-goal-list-page',
  imports: [
    GoalsTable,
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './goal-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalListPage {
  /** Query parameters. */
  readonly businessUnitId = input<string>();
  readonly status = input<string>();
  readonly channel = input<string>();
  readonly periodFrom = input<string>();
  readonly periodTo = input<string>();

  private readonly auth = inject(AuthService);
  private readonly goalService = inject(GoalService);
  private readonly businessUnitService = inject(BusinessUnitService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly statuses = GOAL_STATUSES;
  protected readonly statusLabels = GOAL_STATUS_LABELS;
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('goal:manage'));
  protected readonly showUnitFilter = computed(() => this.auth.hasPermission('business_unit:read'));

  protected readonly query = computed<GoalListQuery>(() => ({
    businessUnitId: this.businessUnitId() || undefined,
    status: oneOf<GoalStatus>(GOAL_STATUSES, this.status()),
    channel: oneOf<Channel>(CHANNELS, this.channel()),
    periodFrom: isoDate(this.periodFrom()),
    periodTo: isoDate(this.periodTo()),
  }));
  protected readonly hasFilters = computed(() =>
    Object.values(this.query()).some((value) => value !== undefined),
  );
  protected readonly goals = createLoader(
    () => this.query(),
    (query) => this.goalService.list(query),
  );
  protected readonly businessUnits = createLoader(
    () => (this.showUnitFilter() ? true : undefined),
    () => this.businessUnitService.list(),
  );

  protected readonly filters = inject(NonNullableFormBuilder).group({
    businessUnitId: [''],
    status: [''],
    channel: [''],
    periodFrom: [''],
    periodTo: [''],
  });

  constructor() {
    // The URL is the source of truth: the filter fields follow it (back/forward, shared links)…
    effect(() => {
      const query = this.query();
      this.filters.setValue(
        {
          businessUnitId: query.businessUnitId ?? '',
          status: query.status ?? '',
          channel: query.channel ?? '',
          periodFrom: query.periodFrom ?? '',
          periodTo: query.periodTo ?? '',
        },
        { emitEvent: false },
      );
    });
    // …and changing a field changes the URL.
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.applyFilters());
  }

  protected clearFilters(): void {
    this.filters.reset();
  }

  protected openNewGoal(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }

  private applyFilters(): void {
    const value = this.filters.getRawValue();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        businessUnitId: value.businessUnitId || null,
        status: value.status || null,
        channel: value.channel || null,
        periodFrom: isoDate(value.periodFrom) ?? null,
        periodTo: isoDate(value.periodTo) ?? null,
      },
      replaceUrl: true,
    });
  }
}
