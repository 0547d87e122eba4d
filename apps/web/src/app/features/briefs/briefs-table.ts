import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { BriefDto, BriefStatus } from '@agency-portal/shared';
import { BRIEF_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { BRIEF_STATUS_TONES } from './brief-labels';

@Component({
  selector: 'ap-briefs-table',
  imports: [LocalDatePipe, MatSortModule, MatTableModule, MoneyPipe, RouterLink, StatusChip],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="briefs()"
        aria-label="Briefs"
        i18n-aria-label
        matSort
        matSortDisableClear
        [matSortActive]="sort()?.key ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        [matSortDisabled]="!sort()"
        (matSortChange)="sortChange.emit($event)"
      >
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
          <td mat-cell *matCellDef="let brief">
            <a [routerLink]="['/briefs', brief.id]">{{ brief.title }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="contract">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Contract</th>
          <td mat-cell *matCellDef="let brief">{{ brief.contractReference }}</td>
        </ng-container>
        <ng-container matColumnDef="agency">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Agency</th>
          <td mat-cell *matCellDef="let brief">{{ brief.agencyName }}</td>
        </ng-container>
        <ng-container matColumnDef="dueDate">
          <th
            i18n
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="dueDate"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Due date
          </th>
          <td mat-cell *matCellDef="let brief">{{ brief.dueDate | localDate: 'date' }}</td>
        </ng-container>
        <ng-container matColumnDef="estimate">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Estimate</th>
          <td mat-cell *matCellDef="let brief" class="ap-number">
            {{ brief.budgetEstimateMinor | money: brief.currency }}
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let brief">
            <ap-status-chip [label]="statusLabel(brief.status)" [tone]="statusTone(brief.status)" />
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefsTable {
  readonly briefs = input.required<BriefDto[]>();
  /** Off for agency users, whose briefs all come to their own agency. */
  readonly showAgency = input(true);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly statusLabel = (status: BriefStatus): string => BRIEF_STATUS_LABELS[status];
  protected readonly statusTone = (status: BriefStatus): StatusTone => BRIEF_STATUS_TONES[status];
  protected readonly columns = computed(() => [
    'title',
    'contract',
    ...(this.showAgency() ? ['agency'] : []),
    'dueDate',
    'estimate',
    'status',
  ]);
}
