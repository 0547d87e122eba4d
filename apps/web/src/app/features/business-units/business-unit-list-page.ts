import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import { BUSINESS_UNIT_SORT_KEYS, OPERATING_MODELS } from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';
import { OptionFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { uuid } from '../../shared/list/list-query-state';
import { createListPage, listViewer, oneOfThese } from '../../shared/list/list-page';
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
    OptionFilter,
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
        <ap-option-filter
          label="Operating model"
          i18n-label
          anyLabel="Any model"
          i18n-anyLabel
          [options]="operatingModels"
          [labels]="operatingModelLabels"
          [control]="list.form.controls.operatingModel"
        />
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

      <ap-list-view
        [list]="list"
        [loader]="list.loader"
        loadingLabel="Loading business units"
        i18n-loadingLabel
      >
        <div listEmpty>
          <p i18n>There are no business units yet.</p>
          @if (canManage()) {
            <p i18n>Use “New business unit” to create the first one.</p>
          }
        </div>
        <ap-business-units-table
          [units]="list.loader.items()"
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
  private readonly service = inject(BusinessUnitService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lookups = inject(Lookups);

  protected readonly operatingModels = OPERATING_MODELS;
  protected readonly operatingModelLabels = OPERATING_MODEL_LABELS;
  protected readonly canManage = listViewer().can('business_unit:manage');
  protected readonly list = createListPage(
    { operatingModel: oneOfThese(OPERATING_MODELS), parentId: uuid },
    {
      sortKeys: BUSINESS_UNIT_SORT_KEYS,
      defaultSort: 'name',
      load: (query) => this.service.list(query),
    },
  );

  protected openNewUnit(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
