import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { Role, UserDto } from '@agency-portal/shared';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { USER_STATUS_LABELS, type UserStatus, userStatus } from './user-status';

@Component({
  selector: 'ap-users-table',
  imports: [MatSortModule, MatTableModule, RouterLink],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="users()"
        [attr.aria-label]="label()"
        matSort
        matSortDisableClear
        [matSortActive]="sort()?.key ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        [matSortDisabled]="!sort()"
        (matSortChange)="sortChange.emit($event)"
      >
        <ng-container matColumnDef="name">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="name"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Name
          </th>
          <td mat-cell *matCellDef="let user">
            <a [routerLink]="['/users', user.id]">{{ user.name }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="email">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="email"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Email
          </th>
          <td mat-cell *matCellDef="let user">{{ user.email }}</td>
        </ng-container>
        <ng-container matColumnDef="role">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Role</th>
          <td mat-cell *matCellDef="let user">{{ roleLabel(user.role) }}</td>
        </ng-container>
        <ng-container matColumnDef="agency">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Agency</th>
          <td mat-cell *matCellDef="let user">
            @if (user.agencyName) {
              {{ user.agencyName }}
            } @else {
              <ng-container i18n="A user who belongs to the brand, not an agency">In-house</ng-container>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="businessUnit">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Business unit</th>
          <td mat-cell *matCellDef="let user">{{ user.businessUnitName ?? '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let user">
            @let status = statusOf(user);
            <span
              class="ap-status"
              [class.ap-status--active]="status === 'active'"
              [class.ap-status--pending]="status === 'invited'"
              [class.ap-status--inactive]="status === 'inactive'"
              >{{ statusLabel(status) }}</span
            >
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UsersTable {
  readonly users = input.required<UserDto[]>();
  /** Off on an agency's own page, where the agency goes without saying. */
  readonly showAgency = input(true);
  readonly showBusinessUnit = input(true);
  readonly label = input($localize`Users`);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly roleLabel = (role: Role): string => ROLE_LABELS[role];
  protected readonly statusLabel = (status: UserStatus): string => USER_STATUS_LABELS[status];
  protected readonly statusOf = userStatus;
  protected readonly columns = computed(() => [
    'name',
    'email',
    'role',
    ...(this.showAgency() ? ['agency'] : []),
    ...(this.showBusinessUnit() ? ['businessUnit'] : []),
    'status',
  ]);
}
