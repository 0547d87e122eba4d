import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import { BRIEF_SORT_KEYS, BRIEF_STATUSES, isAgencyRole } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { BRIEF_STATUS_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { isoDate, listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { BriefService } from './brief.service';
import { BriefsTable } from './briefs-table';

/** /briefs: the briefs, searchable by title or contract reference, filtered through the URL. */
@Component({
  selector: 'ap-brief-list-page',
  imports: [
    BriefsTable,
    ListFilters,
    ListView,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './brief-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefListPage {
  private readonly auth = inject(AuthService);
  private readonly briefService = inject(BriefService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = BRIEF_STATUSES;
  protected readonly statusLabels = BRIEF_STATUS_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('brief:manage'));
  protected readonly isAgencyUser = computed(() => {
    const user = this.auth.user();
    return user !== null && isAgencyRole(user.role);
  });
  protected readonly showContractFilter = computed(() => this.auth.hasPermission('contract:read'));
  protected readonly showAgencyFilter = computed(
    () => !this.isAgencyUser() && this.auth.hasPermission('agency:read'),
  );

  protected readonly list = listQueryState({
    filters: ['contractId', 'agencyId', 'status', 'dueFrom', 'dueTo', 'goalId'] as const,
    sortKeys: BRIEF_SORT_KEYS,
    defaultSort: 'dueDate',
  });
  protected readonly briefs = createListLoader(
    this.list,
    (filters) => ({
      contractId: uuid(filters.contractId),
      agencyId: uuid(filters.agencyId),
      status: oneOf(BRIEF_STATUSES, filters.status),
      dueFrom: isoDate(filters.dueFrom),
      dueTo: isoDate(filters.dueTo),
      goalId: uuid(filters.goalId),
    }),
    (query) => this.briefService.list(query),
  );

  protected openNewBrief(): void {
    void this.router.navigate(['new'], {
      relativeTo: this.route,
      queryParams: { contractId: uuid(this.list.filters().contractId) ?? null },
    });
  }
}
