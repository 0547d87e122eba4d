import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { AGENCY_SERVICES, AGENCY_SORT_KEYS, AGENCY_STATUSES } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { AGENCY_SERVICE_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
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
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
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
        <mat-form-field>
          <mat-label i18n>Status</mat-label>
          <mat-select [formControl]="list.form.controls.status">
            <mat-option i18n value="">Any status</mat-option>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Service</mat-label>
          <mat-select [formControl]="list.form.controls.service">
            <mat-option i18n value="">Any service</mat-option>
            @for (service of services; track service) {
              <mat-option [value]="service">{{ serviceLabels[service] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
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

      <ap-list-view [list]="list" [loader]="agencies" loadingLabel="Loading agencies" i18n-loadingLabel>
        <div listEmpty>
          <p i18n>No agencies yet.</p>
          @if (canManage()) {
            <p i18n>Use “New agency” to onboard the first one.</p>
          }
        </div>
        <ap-agencies-table
          [agencies]="agencies.items()"
          [sort]="list.sortState()"
          (sortChange)="list.setSort($event)"
        />
      </ap-list-view>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyListPage {
  private readonly auth = inject(AuthService);
  private readonly service = inject(AgencyService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = AGENCY_STATUSES;
  protected readonly statusLabels = AGENCY_STATUS_LABELS;
  protected readonly services = AGENCY_SERVICES;
  protected readonly serviceLabels = AGENCY_SERVICE_LABELS;
  protected readonly inHouse = { kind: 'in_house' } as const;
  protected readonly canManage = computed(() => this.auth.hasPermission('agency:manage'));
  protected readonly canReadUsers = computed(() => this.auth.hasPermission('user:read'));
  protected readonly list = listQueryState({
    filters: ['status', 'service', 'relationshipOwnerId'] as const,
    sortKeys: AGENCY_SORT_KEYS,
    defaultSort: 'name',
  });
  protected readonly agencies = createListLoader(
    this.list,
    (filters) => ({
      status: oneOf(AGENCY_STATUSES, filters.status),
      service: oneOf(AGENCY_SERVICES, filters.service),
      relationshipOwnerId: uuid(filters.relationshipOwnerId),
    }),
    (query) => this.service.list(query),
  );

  protected openNewAgency(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
