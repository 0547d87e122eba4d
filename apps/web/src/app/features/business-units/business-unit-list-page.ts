import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { BUSINESS_UNIT_SORT_KEYS, OPERATING_MODELS } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { BusinessUnitService } from './business-unit.service';
import { BusinessUnitsTable } from './business-units-table';

/** /business-units: searchable by name, filtered by operating model and parent, in the URL. */
@Component({
  selector: 'ap-business-unit-list-page',
  imports: [
    BusinessUnitsTable,
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
          <h1 i18n>Business units</h1>
          <p i18n class="ap-subtitle">How the organisation’s social work is structured.</p>
        </div>
        @if (canManage()) {
          <div class="ap-page-header__actions">
            <button i18n matButton="filled" type="button" (click)="openNewUnit()">New business unit</button>
          </div>
        }
      </header>

      <ap-list-filters
        [list]="list"
        label="Filter business units"
        i18n-label
        searchLabel="Search"
        i18n-searchLabel
        searchPlaceholder="Unit name"
        i18n-searchPlaceholder
      >
        <mat-form-field>
          <mat-label i18n>Operating model</mat-label>
          <mat-select [formControl]="list.form.controls.operatingModel">
            <mat-option i18n value="">Any model</mat-option>
            @for (model of operatingModels; track model) {
              <mat-option [value]="model">{{ operatingModelLabels[model] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <ap-lookup-field
          label="Parent unit"
          i18n-label
          emptyLabel="Any parent"
          i18n-emptyLabel
          clearable
          [source]="lookups.units"
          [formControl]="list.form.controls.parentId"
        />
      </ap-list-filters>

      <ap-list-view [list]="list" [loader]="units" loadingLabel="Loading business units" i18n-loadingLabel>
        <div listEmpty>
          <p i18n>There are no business units yet.</p>
          @if (canManage()) {
            <p i18n>Use “New business unit” to create the first one.</p>
          }
        </div>
        <ap-business-units-table
          [units]="units.items()"
          [canManage]="canManage()"
          [sort]="list.sortState()"
          (sortChange)="list.setSort($event)"
        />
      </ap-list-view>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitListPage {
  private readonly auth = inject(AuthService);
  private readonly service = inject(BusinessUnitService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lookups = inject(Lookups);

  protected readonly operatingModels = OPERATING_MODELS;
  protected readonly operatingModelLabels = OPERATING_MODEL_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('business_unit:manage'));
  protected readonly list = listQueryState({
    filters: ['operatingModel', 'parentId'] as const,
    sortKeys: BUSINESS_UNIT_SORT_KEYS,
    defaultSort: 'name',
  });
  protected readonly units = createListLoader(
    this.list,
    (filters) => ({
      operatingModel: oneOf(OPERATING_MODELS, filters.operatingModel),
      parentId: uuid(filters.parentId),
    }),
    (query) => this.service.list(query),
  );

  protected openNewUnit(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
