import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { InvoiceStatus, SpendLineDto } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { INVOICE_STATUS_TONES } from '../invoices/invoice-labels';

/** The invoice lines behind a report row, each leading to its invoice, contract, goal and deliverable. */
@Component({
  selector: 'ap-spend-lines-table',
  imports: [DecimalPipe, LocalDatePipe, MatSortModule, MatTableModule, MoneyPipe, RouterLink, StatusChip],
  template: `
    <div class="ap-table-wrap">
      <table
        mat-table
        [dataSource]="lines()"
        aria-label="Invoice lines"
        i18n-aria-label
        matSort
        matSortDisableClear
        [matSortActive]="sort().key"
        [matSortDirection]="sort().direction"
        (matSortChange)="sortChange.emit($event)"
      >
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
          <td mat-cell *matCellDef="let line">{{ line.issueDate | localDate: 'date' }}</td>
        </ng-container>
        <ng-container matColumnDef="invoice">
          <th i18n="Column: the agency's invoice number" mat-header-cell *matHeaderCellDef scope="col">
            Invoice
          </th>
          <td mat-cell *matCellDef="let line">
            <a [routerLink]="['/invoices', line.invoiceId]">{{ line.invoiceNumber }}</a>
            <ap-status-chip
              [label]="statusLabel(line.invoiceStatus)"
              [tone]="statusTone(line.invoiceStatus)"
            />
          </td>
        </ng-container>
        <ng-container matColumnDef="contract">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Contract</th>
          <td mat-cell *matCellDef="let line">
            <a [routerLink]="['/contracts', line.contractId]">{{ line.contractReference }}</a>
            <span class="ap-spend-lines__detail">{{ line.agencyName }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="goal">
          <th i18n mat-header-cell *matHeaderCellDef scope="col">Goal</th>
          <td mat-cell *matCellDef="let line">
            <a [routerLink]="['/goals', line.goalId]">{{ line.goalName }}</a>
          </td>
        </ng-container>
        <ng-container matColumnDef="deliverable">
          <th i18n="Column: what an invoice line bills" mat-header-cell *matHeaderCellDef scope="col">
            Billed work
          </th>
          <td mat-cell *matCellDef="let line">
            @if (line.deliverableId) {
              <a [routerLink]="['/deliverables', line.deliverableId]">{{ line.deliverableTitle }}</a>
            } @else {
              {{ line.description }}
            }
            <span class="ap-spend-lines__detail">{{ line.itemCode }}</span>
          </td>
        </ng-container>
        <ng-container matColumnDef="quantity">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Quantity</th>
          <td mat-cell *matCellDef="let line" class="ap-number">{{ line.quantity | number: '1.0-2' }}</td>
        </ng-container>
        <ng-container matColumnDef="unitPrice">
          <th i18n mat-header-cell *matHeaderCellDef scope="col" class="ap-number">Unit price</th>
          <td mat-cell *matCellDef="let line" class="ap-number">
            {{ line.unitPriceMinor | money: line.currency }}
          </td>
        </ng-container>
        <ng-container matColumnDef="amount">
          <th
            i18n="Column: a line's net amount"
            mat-header-cell
            *matHeaderCellDef
            scope="col"
            class="ap-number"
          >
            Amount
          </th>
          <td mat-cell *matCellDef="let line" class="ap-number">
            {{ line.amountMinor | money: line.currency }}
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    </div>
  `,
  styles: `
    .ap-spend-lines__detail {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    ap-status-chip {
      margin-left: 6px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendLinesTable {
  readonly lines = input.required<SpendLineDto[]>();
  readonly sort = input.required<ListSort>();
  readonly sortChange = output<SortChange>();

  protected readonly columns = [
    'issueDate',
    'invoice',
    'contract',
    'goal',
    'deliverable',
    'quantity',
    'unitPrice',
    'amount',
  ];
  protected readonly statusLabel = (status: InvoiceStatus): string => INVOICE_STATUS_LABELS[status];
  protected readonly statusTone = (status: InvoiceStatus): StatusTone => INVOICE_STATUS_TONES[status];
}
