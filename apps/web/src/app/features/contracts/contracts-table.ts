import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ContractDto } from '@agency-portal/shared';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { StatusChip } from '../../shared/ui/status-chip';
import { contractStatusLabel, contractStatusTone } from './contract-labels';

@Component({
  selector: 'ap-contracts-table',
  imports: [LocalDatePipe, MatSortModule, MatTableModule, MoneyPipe, RouterLink, StatusChip],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="contracts()"
        aria-label="Contracts"
        i18n-aria-label
        matSort
        matSortDisableClear
        [matSortActive]="sort()?.key ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        [matSortDisabled]="!sort()"
        (matSortChange)="sortChange.emit($event)"
      >
        <ng-container matColumnDef="reference">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="reference"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Reference
          </th>
          <td mat-cell *matCellDef="let contract">
            <a [routerLink]="['/contracts', contract.id]">{{ contract.reference }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="title">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="title"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Title
          </th>
          <td mat-cell *matCellDef="let contract">{{ contract.title }}</td>
        </ng-container>
        <ng-container matColumnDef="agency">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Agency</th>
          <td mat-cell *matCellDef="let contract">{{ contract.agencyName }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let contract">
            <ap-status-chip [label]="statusLabel(contract.status)" [tone]="statusTone(contract.status)" />
          </td>
        </ng-container>
        <ng-container matColumnDef="period">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="startDate"
            [start]="'desc'"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Period
          </th>
          <td mat-cell *matCellDef="let contract">
            {{ contract.startDate | localDate: 'date' }} – {{ contract.endDate | localDate: 'date' }}
          </td>
        </ng-container>
        <ng-container matColumnDef="budget">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Budget cap</th>
          <td mat-cell *matCellDef="let contract" class="ap-number">
            {{ contract.budgetCapMinor | money: contract.currency }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractsTable {
  readonly contracts = input.required<ContractDto[]>();
  /** Off for agency users, whose contracts are all with their own agency. */
  readonly showAgency = input(true);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly statusLabel = contractStatusLabel;
  protected readonly statusTone = contractStatusTone;
  protected readonly columns = computed(() => [
    'reference',
    'title',
    ...(this.showAgency() ? ['agency'] : []),
    'status',
    'period',
    'budget',
  ]);
}
