import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { Role, UserListQuery } from '@agency-portal/shared';
import { AGENCY_ROLES, ROLES, USER_SORT_KEYS, isAgencyRole } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { UserService } from './user.service';
import { UsersTable } from './users-table';

const KINDS = ['in_house', 'agency'] as const;
const ACTIVE = ['true', 'false'] as const;

/** /users: people who can sign in, searchable by name or e-mail, filtered in the URL. */
@Component({
  selector: 'ap-user-list-page',
  imports: [
    ListFilters,
    ListView,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    UsersTable,
  ],
  templateUrl: './user-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListPage {
  private readonly auth = inject(AuthService);
  private readonly userService = inject(UserService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly lookups = inject(Lookups);

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly canManage = computed(() => this.auth.hasPermission('user:manage'));
  private readonly isAgencyUser = computed(() => {
    const user = this.auth.user();
    return user !== null && isAgencyRole(user.role);
  });
  /** Agency users only ever see their own agency's people. */
  protected readonly showAgencyFilter = computed(
    () => !this.isAgencyUser() && this.auth.hasPermission('agency:read'),
  );
  protected readonly showUnitFilter = computed(
    () => !this.isAgencyUser() && this.auth.hasPermission('business_unit:read'),
  );
  protected readonly roleOptions = computed<readonly Role[]>(() =>
    this.isAgencyUser() ? AGENCY_ROLES : ROLES,
  );

  protected readonly list = listQueryState({
    filters: ['role', 'kind', 'agencyId', 'businessUnitId', 'active'] as const,
    sortKeys: USER_SORT_KEYS,
    defaultSort: 'name',
  });
  protected readonly users = createListLoader(
    this.list,
    (filters): UserListQuery => {
      const active = oneOf(ACTIVE, filters.active);
      return {
        role: oneOf(ROLES, filters.role),
        kind: oneOf(KINDS, filters.kind),
        agencyId: uuid(filters.agencyId),
        businessUnitId: uuid(filters.businessUnitId),
        active: active === undefined ? undefined : active === 'true',
      };
    },
    (query) => this.userService.list(query),
  );

  protected openInvite(): void {
    void this.router.navigate(['invite'], { relativeTo: this.route });
  }
}
