import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router } from '@angular/router';
import { CONTRACT_SORT_KEYS, CONTRACT_STATUSES, CURRENCY_CODES } from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import { LookupFilter, OptionFilter, StatusFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { createListPage, listViewer, oneOfThese } from '../../shared/list/list-page';
import { uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { CURRENCY_OPTIONS } from '../../shared/money/currency-options';
import { ContractService } from './contract.service';
import { ContractsTable } from './contracts-table';

/** /contracts: statements of work, searchable by reference or title, filtered through the URL. */
@Component({
  selector: 'ap-contract-list-page',
  imports: [
    ContractsTable,
    ListFilters,
    ListView,
    LookupField,
    LookupFilter,
    MatButtonModule,
    OptionFilter,
    ReactiveFormsModule,
    StatusFilter,
  ],
  templateUrl: './contract-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractListPage {
  private readonly contractService = inject(ContractService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly viewer = listViewer();
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly statusLabels = CONTRACT_STATUS_LABELS;
  protected readonly currencies = CURRENCY_OPTIONS.common;
  protected readonly canManage = this.viewer.can('contract:manage');
  protected readonly isAgencyUser = this.viewer.isAgencyUser;
  /** Agency users only ever see their own agency's contracts. */
  protected readonly showAgencyFilter = this.viewer.inHouseCan('agency:read');
  protected readonly showUnitFilter = this.viewer.can('business_unit:read');
  protected readonly showOwnerFilter = this.viewer.inHouseCan('user:read');
  protected readonly inHouse = { kind: 'in_house' } as const;

  protected readonly list = createListPage(
    {
      agencyId: uuid,
      businessUnitId: uuid,
      ownerId: uuid,
      status: oneOfThese(CONTRACT_STATUSES),
      currency: oneOfThese(CURRENCY_CODES),
      goalId: uuid,
    },
    {
      sortKeys: CONTRACT_SORT_KEYS,
      defaultSort: '-startDate',
      load: (query) => this.contractService.list(query),
    },
  );

  protected openNewContract(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
