import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { InvoiceDto, InvoiceStatus } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { INVOICE_STATUS_TONES } from './invoice-labels';

/** Invoices as a table: number (to its page), contract, agency, dates, gross and where it stands. */
@Component({
  selector: 'ap-invoices-table',
  imports: [LocalDatePipe, MatSortModule, MatTableModule, MoneyPipe, RouterLink, StatusChip],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="invoices()"
        aria-label="Invoices"
        i18n-aria-label
        matSort
        matSortDisableClear
        [matSortActive]="sort()?.key ?? ''"
        [matSortDirection]="sort()?.direction ?? ''"
        [matSortDisabled]="!sort()"
        (matSortChange)="sortChange.emit($event)"
      >
        <ng-container matColumnDef="number">
          <th
            i18n="Column: the agency's invoice number"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="number"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Invoice
          </th>
          <td mat-cell *matCellDef="let invoice">
            <a [routerLink]="['/invoices', invoice.id]">{{ invoice.number }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="contract">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Contract</th>
          <td mat-cell *matCellDef="let invoice">{{ invoice.contractReference }}</td>
        </ng-container>
        <ng-container matColumnDef="agency">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Agency</th>
          <td mat-cell *matCellDef="let invoice">{{ invoice.agencyName }}</td>
        </ng-container>
        <ng-container matColumnDef="issueDate">
          <th
            i18n="Column: when an invoice was issued"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="issueDate"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Issued
          </th>
          <td mat-cell *matCellDef="let invoice">{{ invoice.issueDate | localDate: 'date' }}</td>
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
          <td mat-cell *matCellDef="let invoice">
            {{ invoice.dueDate | localDate: 'date' }}
            @if (invoice.overdue) {
              <span i18n="An approved invoice past its due date, unpaid" class="ap-flag">Overdue</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="gross">
          <th
            i18n="Column: an invoice's total including tax"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            class="ap-number"
          >
            Gross
          </th>
          <td mat-cell *matCellDef="let invoice" class="ap-number">
            {{ invoice.grossMinor | money: invoice.currency }}
          </td>
        </ng-container>
        <ng-container matColumnDef="submittedAt">
          <th
            i18n="Column: when an invoice was submitted"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            mat-sort-header="submittedAt"
            sortActionDescription="Sort by this column"
            i18n-sortActionDescription="@@list.sortByColumn"
          >
            Submitted
          </th>
          <td mat-cell *matCellDef="let invoice">{{ invoice.submittedAt | localDate: 'date' }}</td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Status</th>
          <td mat-cell *matCellDef="let invoice">
            <ap-status-chip [label]="statusLabel(invoice.status)" [tone]="statusTone(invoice.status)" />
            @if (invoice.status === 'submitted' && invoice.approvalsRequired > 1) {
              <span i18n="Approvals an invoice has of those it needs" class="ap-approvals">
                {{ invoice.approvalCount }} of {{ invoice.approvalsRequired }} approvals
              </span>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
  `,
  styles: `
    .ap-flag {
      display: inline-block;
      margin-left: 6px;
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
    .ap-approvals {
      display: block;
      margin-top: 2px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoicesTable {
  readonly invoices = input.required<InvoiceDto[]>();
  /** Off for agency users, whose invoices are all their own agency's. */
  readonly showAgency = input(true);
  /** The list's sort; without one the headers do not sort. */
  readonly sort = input<ListSort | null>(null);
  readonly sortChange = output<SortChange>();

  protected readonly statusLabel = (status: InvoiceStatus): string => INVOICE_STATUS_LABELS[status];
  protected readonly statusTone = (status: InvoiceStatus): StatusTone => INVOICE_STATUS_TONES[status];
  protected readonly columns = computed(() => [
    'number',
    'contract',
    ...(this.showAgency() ? ['agency'] : []),
    'issueDate',
    'dueDate',
    'gross',
    'submittedAt',
    'status',
  ]);
}
