import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { ContractListQuery, ContractStatus } from '@agency-portal/shared';
import { CONTRACT_STATUSES, isAgencyRole } from '@agency-portal/shared';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { AgencyService } from '../agencies/agency.service';
import { BusinessUnitService } from '../business-units/business-unit.service';
import { ContractService } from './contract.service';
import { ContractsTable } from './contracts-table';

function toStatus(value: string | undefined): ContractStatus | undefined {
  return CONTRACT_STATUSES.find((status) => status === value);
}

/** /contracts: statements of work, filtered through the URL (?agencyId=&businessUnitId=&status=&goalId=). */
@Component({
  selector: 'ap-contract-list-page',
  imports: [
    ContractsTable,
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './contract-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractListPage {
  /** Query parameters. */
  readonly agencyId = input<string>();
  readonly businessUnitId = input<string>();
  readonly status = input<string>();
  readonly goalId = input<string>();

  private readonly auth = inject(AuthService);
  private readonly contractService = inject(ContractService);
  private readonly agencyService = inject(AgencyService);
  private readonly businessUnitService = inject(BusinessUnitService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly statuses = CONTRACT_STATUSES;
  protected readonly statusLabels = CONTRACT_STATUS_LABELS;
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

  protected readonly query = computed<ContractListQuery>(() => ({
    agencyId: this.agencyId() || undefined,
    businessUnitId: this.businessUnitId() || undefined,
    status: toStatus(this.status()),
    goalId: this.goalId() || undefined,
  }));
  protected readonly hasFilters = computed(() =>
    Object.values(this.query()).some((value) => value !== undefined),
  );
  protected readonly contracts = createLoader(
    () => this.query(),
    (query) => this.contractService.list(query),
  );
  protected readonly agencies = createLoader(
    () => (this.showAgencyFilter() ? true : undefined),
    () => this.agencyService.list(),
  );
  protected readonly businessUnits = createLoader(
    () => (this.showUnitFilter() ? true : undefined),
    () => this.businessUnitService.list(),
  );

  protected readonly filters = inject(NonNullableFormBuilder).group({
    agencyId: [''],
    businessUnitId: [''],
    status: [''],
  });

  constructor() {
    effect(() => {
      const query = this.query();
      this.filters.setValue(
        {
          agencyId: query.agencyId ?? '',
          businessUnitId: query.businessUnitId ?? '',
          status: query.status ?? '',
        },
        { emitEvent: false },
      );
    });
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.applyFilters(this.goalId()));
  }

  protected clearFilters(): void {
    this.filters.reset({ agencyId: '', businessUnitId: '', status: '' }, { emitEvent: false });
    this.applyFilters(undefined);
  }

  protected openNewContract(): void {
    void this.router.navigate(['new'], { relativeTo: this.route });
  }

  private applyFilters(goalId: string | undefined): void {
    const value = this.filters.getRawValue();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        agencyId: value.agencyId || null,
        businessUnitId: value.businessUnitId || null,
        status: value.status || null,
        goalId: goalId || null,
      },
      replaceUrl: true,
    });
  }
}
