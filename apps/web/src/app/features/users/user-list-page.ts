import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { Role } from '@agency-portal/shared';
import { AGENCY_ROLES, ROLES, USER_SORT_KEYS } from '@agency-portal/shared';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { LookupFilter, OptionFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { oneOf, uuid } from '../../shared/list/list-query-state';
import { createListPage, listViewer, oneOfThese } from '../../shared/list/list-page';
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
    LookupFilter,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    OptionFilter,
    ReactiveFormsModule,
    UsersTable,
  ],
  templateUrl: './user-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserListPage {
  private readonly userService = inject(UserService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly viewer = listViewer();

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly canManage = this.viewer.can('user:manage');
  /** Agency users only ever see their own agency's people. */
  protected readonly showAgencyFilter = this.viewer.inHouseCan('agency:read');
  protected readonly showUnitFilter = this.viewer.inHouseCan('business_unit:read');
  protected readonly roleOptions = computed<readonly Role[]>(() =>
    this.viewer.isAgencyUser() ? AGENCY_ROLES : ROLES,
  );

  protected readonly list = createListPage(
    {
      role: oneOfThese(ROLES),
      kind: oneOfThese(KINDS),
      agencyId: uuid,
      businessUnitId: uuid,
      active: (value: string) => {
        const active = oneOf(ACTIVE, value);
        return active === undefined ? undefined : active === 'true';
      },
    },
    {
      sortKeys: USER_SORT_KEYS,
      defaultSort: 'name',
      load: (query) => this.userService.list(query),
    },
  );

  protected openInvite(): void {
    void this.router.navigate(['invite'], { relativeTo: this.route });
  }
}
