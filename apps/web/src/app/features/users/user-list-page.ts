import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router } from '@angular/router';
import type { Role } from '@agency-portal/shared';
import { AGENCY_ROLES, ROLES, isAgencyRole } from '@agency-portal/shared';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { debounceTime, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { AgencyService } from '../agencies/agency.service';
import { type UserQuery, UserService } from './user.service';
import { UsersTable } from './users-table';

/** Value of the agency filter meaning "in-house staff only". */
const IN_HOUSE = 'in_house';

interface UserFilters {
  q: string;
  role: Role | '';
  agency: string;
  active: 'true' | 'false' | '';
}

const NO_FILTERS: UserFilters = { q: '', role: '', agency: '', active: '' };

function toQuery(filters: UserFilters): UserQuery {
  return {
    q: filters.q.trim() || undefined,
    role: filters.role || undefined,
    agencyId: filters.agency && filters.agency !== IN_HOUSE ? filters.agency : undefined,
    kind: filters.agency === IN_HOUSE ? 'in_house' : undefined,
    active: filters.active === '' ? undefined : filters.active === 'true',
  };
}

@Component({
  selector: 'ap-user-list-page',
  imports: [
    LoadError,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
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
  private readonly agencyService = inject(AgencyService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly inHouse = IN_HOUSE;
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
  protected readonly roleOptions = computed<readonly Role[]>(() =>
    this.isAgencyUser() ? AGENCY_ROLES : ROLES,
  );

  protected readonly filters = inject(NonNullableFormBuilder).group({
    q: [NO_FILTERS.q],
    role: [NO_FILTERS.role as Role | ''],
    agency: [NO_FILTERS.agency],
    active: [NO_FILTERS.active as UserFilters['active']],
  });
  private readonly query = toSignal(
    this.filters.valueChanges.pipe(
      debounceTime(250),
      map(() => toQuery(this.filters.getRawValue())),
    ),
    { initialValue: toQuery(NO_FILTERS) },
  );
  protected readonly hasFilters = computed(() =>
    Object.values(this.query()).some((value) => value !== undefined),
  );

  protected readonly users = createLoader(
    () => this.query(),
    (query) => this.userService.list(query),
  );
  protected readonly agencies = createLoader(
    () => (this.showAgencyFilter() ? true : undefined),
    () => this.agencyService.list(),
  );

  protected clearFilters(): void {
    this.filters.reset(NO_FILTERS);
  }

  protected openInvite(): void {
    void this.router.navigate(['invite'], { relativeTo: this.route });
  }
}
