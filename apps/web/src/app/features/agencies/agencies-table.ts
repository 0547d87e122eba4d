import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AgencyDto, AgencyStatus } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { AGENCY_STATUS_LABELS, serviceLabels } from './agency-labels';

@Component({
  selector: 'ap-agencies-table',
  imports: [LocalDatePipe, MatSortModule, MatTableModule, RouterLink],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="agencies()"
        aria-label="Agencies"
        i18n-aria-label
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
          <td mat-cell *matCellDef="let agency">
            <a [routerLink]="['/agencies', agency.id]">{{ agency.name }}</a>
            <div class="ap-secondary">{{ agency.legalName }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="services">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Services</th>
          <td mat-cell *matCellDef="let agency">{{ serviceLabels(agency.services) }}</td>
        </ng-container>
        <ng-container matColumnDef="owner">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Relationship owner</th>
          <td mat-cell *matCellDef="let agency">{{ agency.relationshipOwner.name }}</td>
        </ng-container>
        <ng-container matColumnDef="users">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Users</th>
          <td mat-cell *matCellDef="let agency" class="ap-number">{{ agency.userCount }}</td>
        </ng-container>
        <ng-container matColumnDef="createdAt">
          <th
            i18n="When a record was created"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="createdAt"
            [start]="'desc'"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Created
          </th>
          <td mat-cell *matCellDef="let agency">{{ agency.createdAt | localDate: 'date' }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let agency">
            <span
              class="ap-status"
              [class.ap-status--active]="agency.status === 'active'"
              [class.ap-status--inactive]="agency.status === 'offboarded'"
              >{{ statusLabel(agency.status) }}</span
            >
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .ap-secondary {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgenciesTable {
  readonly agencies = input.required<AgencyDto[]>();
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly columns = ['name', 'services', 'owner', 'users', 'createdAt', 'status'];
  protected readonly statusLabel = (status: AgencyStatus): string => AGENCY_STATUS_LABELS[status];
  protected readonly serviceLabels = serviceLabels;
}
