import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { CONTRACT_SORT_KEYS, CONTRACT_STATUSES, CURRENCY_CODES, isAgencyRole } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
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
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './contract-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractListPage {
  private readonly auth = inject(AuthService);
  private readonly contractService = inject(ContractService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly statusLabels = CONTRACT_STATUS_LABELS;
  protected readonly currencies = CURRENCY_OPTIONS.common;
  protected readonly canManage = computed(() => this.auth.hasPermission('contract:manage'));
  protected readonly isAgencyUser = computed(() => {
    const user = this.auth.user();
    return user !== null && isAgencyRole(user.role);
  });
  /** Agency users only ever see their own agency's contracts. */
  protected readonly showAgencyFilter = computed(
    () => !this.isAgencyUser() && this.auth.hasPermission('agency:read'),
  );
  protected readonly showUnitFilter = computed(() => this.auth.hasPermission('business_unit:read'));
  protected readonly showOwnerFilter = computed(
    () => !this.isAgencyUser() && this.auth.hasPermission('user:read'),
  );
  protected readonly inHouse = { kind: 'in_house' } as const;

  protected readonly list = listQueryState({
    filters: ['agencyId', 'businessUnitId', 'ownerId', 'status', 'currency', 'goalId'] as const,
    sortKeys: CONTRACT_SORT_KEYS,
    defaultSort: '-startDate',
  });
  protected readonly contracts = createListLoader(
    this.list,
    (filters) => ({
      agencyId: uuid(filters.agencyId),
      businessUnitId: uuid(filters.businessUnitId),
      ownerId: uuid(filters.ownerId),
      status: oneOf(CONTRACT_STATUSES, filters.status),
      currency: oneOf(CURRENCY_CODES, filters.currency),
      goalId: uuid(filters.goalId),
    }),
    (query) => this.contractService.list(query),
  );

  protected openNewContract(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }
}
