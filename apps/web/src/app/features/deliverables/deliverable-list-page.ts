import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { CHANNELS, DELIVERABLE_SORT_KEYS, DELIVERABLE_STATUSES } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { DELIVERABLE_STATUS_LABELS } from '../../shared/i18n/labels';
import { ChannelFilter, DateRangeFilter, LookupFilter, StatusFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { isoDate, listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { DeliverableService } from './deliverable.service';
import { DeliverablesTable } from './deliverables-table';

/**
 * /deliverables: every deliverable the user may see, across briefs; /reviews: the review queue,
 * those in review whose current step the user may decide (`queue` from the route's data). Both are
 * searchable by title and filtered through the URL.
 */
@Component({
  selector: 'ap-deliverable-list-page',
  imports: [
    ChannelFilter,
    DateRangeFilter,
    DeliverablesTable,
    ListFilters,
    ListView,
    LookupFilter,
    MatButtonModule,
    StatusFilter,
  ],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          @if (queue()) {
            <h1 i18n>Review queue</h1>
            <p i18n class="ap-subtitle">Versions waiting for your decision at their current approval step.</p>
          } @else {
            <h1 i18n="Title of the list of every deliverable@@deliverables.title">Deliverables</h1>
            <p i18n="Subtitle of the list of every deliverable@@deliverables.subtitle" class="ap-subtitle">
              The pieces of work agencies make under briefs, with their latest version and review status.
            </p>
          }
        </div>
        <div class="ap-page-header__actions">
          <button
            i18n
            matButton="outlined"
            type="button"
            [disabled]="deliverables.loading()"
            (click)="deliverables.reload()"
          >
            Refresh
          </button>
        </div>
      </header>

      <ap-list-filters
        [list]="list"
        label="Filter deliverables"
        i18n-label="@@deliverables.filter"
        searchLabel="Search"
        i18n-searchLabel
        searchPlaceholder="Deliverable title"
        i18n-searchPlaceholder="@@deliverables.searchPlaceholder"
      >
        @if (showContractFilter()) {
          <ap-lookup-filter [kind]="'contract'" [control]="list.form.controls.contractId" />
        }
        @if (!queue()) {
          <ap-status-filter
            [statuses]="statuses"
            [labels]="statusLabels"
            [control]="list.form.controls.status"
          />
        }
        <ap-channel-filter [control]="list.form.controls.channel" />
        <ap-date-range-filter [from]="list.form.controls.dueFrom" [to]="list.form.controls.dueTo" />
      </ap-list-filters>

      @if (list.filters().briefId) {
        <p
          i18n="The deliverables list is narrowed to one brief@@deliverables.ofOneBrief"
          class="ap-notice"
          role="status"
        >
          Showing the deliverables of one brief.
        </p>
      }

      <ap-list-view
        [list]="list"
        [loader]="deliverables"
        [loadingLabel]="queue() ? queueLoadingLabel : loadingLabel"
      >
        <div listEmpty>
          @if (queue()) {
            <p i18n>Nothing is waiting for you. New versions appear here when it is your turn.</p>
          } @else {
            <p i18n="The list of every deliverable is empty@@deliverables.none">
              There are no deliverables yet. They are created when an agency accepts a brief.
            </p>
          }
        </div>
        <ap-deliverables-table
          [deliverables]="deliverables.items()"
          [showStep]="queue()"
          [label]="queue() ? queueLabel : tableLabel"
          [sort]="list.sortState()"
          (sortChange)="list.setSort($event)"
        />
      </ap-list-view>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliverableListPage {
  /** Route data: the caller's review queue rather than every deliverable. */
  readonly queue = input(false);

  private readonly auth = inject(AuthService);
  private readonly service = inject(DeliverableService);

  protected readonly statuses = DELIVERABLE_STATUSES;
  protected readonly statusLabels = DELIVERABLE_STATUS_LABELS;
  protected readonly tableLabel = $localize`Deliverables`;
  protected readonly queueLabel = $localize`Review queue`;
  protected readonly loadingLabel = $localize`:@@deliverables.loading:Loading deliverables`;
  protected readonly queueLoadingLabel = $localize`Loading the review queue`;
  protected readonly showContractFilter = computed(() => this.auth.hasPermission('contract:read'));

  protected readonly list = listQueryState({
    filters: ['contractId', 'briefId', 'status', 'channel', 'dueFrom', 'dueTo'] as const,
    sortKeys: DELIVERABLE_SORT_KEYS,
    defaultSort: 'dueDate',
  });
  protected readonly deliverables = createListLoader(
    this.list,
    (filters) => ({
      contractId: uuid(filters.contractId),
      briefId: uuid(filters.briefId),
      status: this.queue() ? undefined : oneOf(DELIVERABLE_STATUSES, filters.status),
      channel: oneOf(CHANNELS, filters.channel),
      dueFrom: isoDate(filters.dueFrom),
      dueTo: isoDate(filters.dueTo),
      awaitingMe: this.queue() || undefined,
    }),
    (query) => this.service.list(query),
  );
}
