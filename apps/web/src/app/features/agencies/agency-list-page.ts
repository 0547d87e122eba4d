import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import { AGENCY_SERVICES, AGENCY_SORT_KEYS, AGENCY_STATUSES } from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { AGENCY_SERVICE_LABELS } from '../../shared/i18n/labels';
import { OptionFilter, StatusFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { uuid } from '../../shared/list/list-query-state';
import { createListPage, listViewer, oneOfThese } from '../../shared/list/list-page';
import { ListView } from '../../shared/list/list-view';
import { AgenciesTable } from './agencies-table';
import { AGENCY_STATUS_LABELS } from './agency-labels';
import { AgencyService } from './agency.service';

/** /agencies: searchable by name, filtered by status, service and owner, all in the URL. */
@Component({
  selector: 'ap-agency-list-page',
  imports: [
    AgenciesTable,
    ListFilters,
    ListView,
    LookupField,
    MatButtonModule,
    OptionFilter,
    ReactiveFormsModule,
    StatusFilter,
  ],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Agencies</h1>
          <p i18n class="ap-subtitle">The agencies the brand works with and who owns each relationship.</p>
        </div>
        @if (canManage()) {
          <div class="ap-page-header__actions">
            <button i18n matButton="filled" type="button" (click)="openNewAgency()">New agency</button>
          </div>
        }
      </header>

      <ap-list-filters
        [list]="list"
        label="Filter agencies"
        i18n-label
        searchLabel="Search"
        i18n-searchLabel
        searchPlaceholder="Name or legal name"
        i18n-searchPlaceholder
      >
        <ap-status-filter
          [statuses]="statuses"
          [labels]="statusLabels"
          [control]="list.form.controls.status"
        />
        <ap-option-filter
          label="Service"
          i18n-label
          anyLabel="Any service"
          i18n-anyLabel
          [options]="services"
          [labels]="serviceLabels"
          [control]="list.form.controls.service"
        />
        @if (canReadUsers()) {
          <ap-lookup-field
            label="Relationship owner"
            i18n-label
            emptyLabel="Anyone"
            i18n-emptyLabel
            clearable
            [source]="lookups.users"
            [filter]="inHouse"
            [formControl]="list.form.controls.relationshipOwnerId"
          />
        }
      </ap-list-filters>

      <ap-list-view [list]="list" [loader]="list.loader" loadingLabel="Loading agencies" i18n-loadingLabel>
        <div listEmpty>
          <p i18n>No agencies yet.</p>
          @if (canManage()) {
            <p i18n>Use “New agency” to onboard the first one.</p>
          }
        </div>
        <ap-agencies-table
          [agencies]="list.loader.items()"
          [sort]="list.sortState()"
          (sortChange)="list.setSort($event)"
        />
      </ap-list-view>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyListPage {
  private readonly service = inject(AgencyService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly viewer = listViewer();
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = AGENCY_STATUSES;
  protected readonly statusLabels = AGENCY_STATUS_LABELS;
  protected readonly services = AGENCY_SERVICES;
  protected readonly serviceLabels = AGENCY_SERVICE_LABELS;
  protected readonly inHouse = { kind: 'in_house' } as const;
  protected readonly canManage = this.viewer.can('agency:manage');
  protected readonly canReadUsers = this.viewer.can('user:read');
  protected readonly list = createListPage(
    {
      status: oneOfThese(AGENCY_STATUSES),
      service: oneOfThese(AGENCY_SERVICES),
      relationshipOwnerId: uuid,
    },
    {
      sortKeys: AGENCY_SORT_KEYS,
      defaultSort: 'name',
      load: (query) => this.service.list(query),
    },
  );

  protected openNewAgency(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
