import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { DELIVERABLE_STATUSES } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { DELIVERABLE_STATUS_LABELS } from '../../shared/i18n/labels';
import { ChannelFilter, LookupFilter, StatusFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import type { ListQueryState } from '../../shared/list/list-query-state';
import type { CalendarFilter } from './calendar-state';

/**
 * The calendar's filter bar: agency (in-house readers only), contract and goal when the person may
 * read them, channel, status and which date places a deliverable. Bound to the page's URL state.
 */
@Component({
  selector: 'ap-calendar-filters',
  imports: [
    ChannelFilter,
    ListFilters,
    LookupField,
    LookupFilter,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    StatusFilter,
  ],
  template: `
    <ap-list-filters [list]="list()" label="Filter the calendar" i18n-label="@@calendar.filter">
      @if (canReadAgencies()) {
        <ap-lookup-filter [kind]="'agency'" [control]="list().form.controls.agencyId" />
      }
      @if (canReadContracts()) {
        <ap-lookup-filter [kind]="'contract'" [control]="list().form.controls.contractId" />
      }
      @if (canReadGoals()) {
        <ap-lookup-field
          label="Goal"
          i18n-label="@@calendar.goal"
          emptyLabel="Any goal"
          i18n-emptyLabel="@@calendar.anyGoal"
          clearable
          [source]="lookups.goals"
          [formControl]="list().form.controls.goalId"
        />
      }
      <ap-channel-filter [control]="list().form.controls.channel" />
      <ap-status-filter
        [statuses]="statuses"
        [labels]="statusLabels"
        [control]="list().form.controls.status"
      />
      <mat-form-field>
        <mat-label i18n="Which date places a deliverable on the calendar@@calendar.on">Placed by</mat-label>
        <mat-select [formControl]="list().form.controls.on">
          <mat-option
            i18n="Calendar placement: publish date once published, else due date@@calendar.on.schedule"
            value=""
            >Publish or due date</mat-option
          >
          <mat-option
            i18n="Calendar placement: every deliverable by its due date@@calendar.on.due"
            value="due"
            >Due date</mat-option
          >
          <mat-option
            i18n="Calendar placement: only published deliverables, by publish date@@calendar.on.published"
            value="published"
            >Publish date (published only)</mat-option
          >
        </mat-select>
      </mat-form-field>
    </ap-list-filters>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFilters {
  readonly list = input.required<ListQueryState<CalendarFilter>>();
  /** An in-house reader, who sees several agencies' work (an agency sees only its own). */
  readonly inHouse = input(true);

  private readonly auth = inject(AuthService);
  protected readonly lookups = inject(Lookups);
  protected readonly statuses = DELIVERABLE_STATUSES;
  protected readonly statusLabels = DELIVERABLE_STATUS_LABELS;

  protected readonly canReadAgencies = computed(
    () => this.auth.hasPermission('agency:read') && this.inHouse(),
  );
  protected readonly canReadContracts = computed(() => this.auth.hasPermission('contract:read'));
  protected readonly canReadGoals = computed(() => this.auth.hasPermission('goal:read'));
}
