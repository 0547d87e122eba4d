import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { AgencyDto, AgencyStatus } from '@agency-portal/shared';
import { AGENCY_STATUS_LABELS, serviceLabels } from './agency-labels';

@Component({
  selector: 'ap-agencies-table',
  imports: [MatTableModule, RouterLink],
  template: `
    <div class="ap-table-wrap">
      <table mat-table [dataSource]="agencies()" aria-label="Agencies" i18n-aria-label>
        <ng-container matColumnDef="name">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Name</th>
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
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Users</th>
          <td mat-cell *matCellDef="let agency">{{ agency.userCount }}</td>
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

  protected readonly columns = ['name', 'services', 'owner', 'users', 'status'];
  protected readonly statusLabel = (status: AgencyStatus): string => AGENCY_STATUS_LABELS[status];
  protected readonly serviceLabels = serviceLabels;
}
