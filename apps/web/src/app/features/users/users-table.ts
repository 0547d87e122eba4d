import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { UserDto } from '@agency-portal/shared';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable } from '../../shared/table/data-table';
import {
  type TableColumn,
  linkCell,
  omitColumns,
  statusCell,
  textCell,
} from '../../shared/table/table-column';
import type { StatusTone } from '../../shared/ui/status-chip';
import { USER_STATUS_LABELS, type UserStatus, userStatus } from './user-status';

const IN_HOUSE = $localize`:A user who belongs to the brand, not an agency:In-house`;
const TONES: Record<UserStatus, StatusTone> = { active: 'active', invited: 'pending', inactive: 'inactive' };

const COLUMNS: readonly TableColumn<UserDto>[] = [
  {
    id: 'name',
    header: $localize`Name`,
    sort: 'name',
    cell: linkCell(
      (user) => ['/users', user.id],
      (user) => user.name,
    ),
  },
  { id: 'email', header: $localize`Email`, sort: 'email', cell: textCell((user) => user.email) },
  { id: 'role', header: $localize`Role`, cell: textCell((user) => ROLE_LABELS[user.role]) },
  { id: 'agency', header: $localize`Agency`, cell: textCell((user) => user.agencyName ?? IN_HOUSE) },
  {
    id: 'businessUnit',
    header: $localize`Business unit`,
    cell: textCell((user) => user.businessUnitName ?? '—'),
  },
  {
    id: 'status',
    header: $localize`Status`,
    cell: statusCell(
      (user) => USER_STATUS_LABELS[userStatus(user)],
      (user) => TONES[userStatus(user)],
    ),
  },
];

@Component({
  selector: 'ap-users-table',
  imports: [DataTable],
  template: `
    <ap-data-table
      [rows]="users()"
      [columns]="columns()"
      [label]="label()"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    />
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

  protected readonly columns = computed(() =>
    omitColumns(COLUMNS, !this.showAgency() && 'agency', !this.showBusinessUnit() && 'businessUnit'),
  );
}
