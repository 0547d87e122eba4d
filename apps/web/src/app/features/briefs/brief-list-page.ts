import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { BriefListQuery, BriefStatus } from '@agency-portal/shared';
import { BRIEF_STATUSES, isAgencyRole } from '@agency-portal/shared';
import { BRIEF_STATUS_LABELS } from '../../shared/i18n/labels';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { ContractService } from '../contracts/contract.service';
import { BriefService } from './brief.service';
import { BriefsTable } from './briefs-table';

function toStatus(value: string | undefined): BriefStatus | undefined {
  return BRIEF_STATUSES.find((status) => status === value);
}

/** /briefs: the briefs, filtered through the URL (?contractId=&status=&goalId=). */
@Component({
  selector: 'ap-brief-list-page',
  imports: [
    BriefsTable,
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './brief-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefListPage {
  /** Query parameters. */
  readonly contractId = input<string>();
  readonly status = input<string>();
  readonly goalId = input<string>();

  private readonly auth = inject(AuthService);
  private readonly briefService = inject(BriefService);
  private readonly contractService = inject(ContractService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly statuses = BRIEF_STATUSES;
  protected readonly statusLabels = BRIEF_STATUS_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('brief:manage'));
  protected readonly isAgencyUser = computed(() => {
    const user = this.auth.user();
    return user !== null && isAgencyRole(user.role);
  });
  protected readonly showContractFilter = computed(() => this.auth.hasPermission('contract:read'));

  protected readonly query = computed<BriefListQuery>(() => ({
    contractId: this.contractId() || undefined,
    status: toStatus(this.status()),
    goalId: this.goalId() || undefined,
  }));
  protected readonly hasFilters = computed(() =>
    Object.values(this.query()).some((value) => value !== undefined),
  );
  protected readonly briefs = createLoader(
    () => this.query(),
    (query) => this.briefService.list(query),
  );
  protected readonly contracts = createLoader(
    () => (this.showContractFilter() ? true : undefined),
    () => this.contractService.list(),
  );

  protected readonly filters = inject(NonNullableFormBuilder).group({
    contractId: [''],
    status: [''],
  });

  constructor() {
    effect(() => {
      const query = this.query();
      this.filters.setValue(
        { contractId: query.contractId ?? '', status: query.status ?? '' },
        { emitEvent: false },
      );
    });
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.applyFilters(this.goalId()));
  }

  protected clearFilters(): void {
    this.filters.reset({ contractId: '', status: '' }, { emitEvent: false });
    this.applyFilters(undefined);
  }

  protected openNewBrief(): void {
    void this.router.navigate(['new'], {
      relativeTo: this.route,
      queryParams: { contractId: this.query().contractId ?? null },
    });
  }

  private applyFilters(goalId: string | undefined): void {
    const value = this.filters.getRawValue();
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: {
        contractId: value.contractId || null,
        status: value.status || null,
        goalId: goalId || null,
      },
      replaceUrl: true,
    });
  }
}
