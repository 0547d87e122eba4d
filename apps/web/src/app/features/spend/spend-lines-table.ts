import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { InvoiceStatus, SpendLineDto } from '@agency-portal/shared';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import { type TableColumn, dateCell, linkCell, moneyCell } from '../../shared/table/table-column';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { INVOICE_STATUS_TONES } from '../invoices/invoice-labels';

const COLUMNS: readonly TableColumn<SpendLineDto>[] = [
  {
    id: 'issueDate',
    header: $localize`:Column — when an invoice was issued:Issued`,
    sort: 'issueDate',
    cell: dateCell((line) => line.issueDate),
  },
  { id: 'invoice', header: $localize`:Column — the agency's invoice number:Invoice` },
  { id: 'contract', header: $localize`Contract` },
  {
    id: 'goal',
    header: $localize`Goal`,
    cell: linkCell(
      (line) => ['/goals', line.goalId],
      (line) => line.goalName,
    ),
  },
  { id: 'deliverable', header: $localize`:Column — what an invoice line bills:Billed work` },
  { id: 'quantity', header: $localize`Quantity`, numeric: true },
  {
    id: 'unitPrice',
    header: $localize`Unit price`,
    numeric: true,
    cell: moneyCell(
      (line) => line.unitPriceMinor,
      (line) => line.currency,
    ),
  },
  {
    id: 'amount',
    header: $localize`:Column — a line's net amount:Amount`,
    numeric: true,
    cell: moneyCell(
      (line) => line.amountMinor,
      (line) => line.currency,
    ),
  },
];

/** The invoice lines behind a report row, each leading to its invoice, contract, goal and deliverable. */
@Component({
  selector: 'ap-spend-lines-table',
  imports: [DataTable, DecimalPipe, RouterLink, StatusChip, TableCellDef],
  template: `
    <ap-data-table
      [rows]="lines()"
      [columns]="columns"
      [label]="label"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    >
      <ng-template apCell="invoice" [apCellOf]="lines()" let-line>
        <a [routerLink]="['/invoices', line.invoiceId]">{{ line.invoiceNumber }}</a>
        <ap-status-chip [label]="statusLabel(line.invoiceStatus)" [tone]="statusTone(line.invoiceStatus)" />
      </ng-template>
      <ng-template apCell="contract" [apCellOf]="lines()" let-line>
        <a [routerLink]="['/contracts', line.contractId]">{{ line.contractReference }}</a>
        <span class="ap-spend-lines__detail">{{ line.agencyName }}</span>
      </ng-template>
      <ng-template apCell="deliverable" [apCellOf]="lines()" let-line>
        @if (line.deliverableId) {
          <a [routerLink]="['/deliverables', line.deliverableId]">{{ line.deliverableTitle }}</a>
        } @else {
          {{ line.description }}
        }
        <span class="ap-spend-lines__detail">{{ line.itemCode }}</span>
      </ng-template>
      <ng-template apCell="quantity" [apCellOf]="lines()" let-line>{{
        line.quantity | number: '1.0-2'
      }}</ng-template>
    </ap-data-table>
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

  protected readonly columns = COLUMNS;
  protected readonly label = $localize`Invoice lines`;
  protected readonly statusLabel = (status: InvoiceStatus): string => INVOICE_STATUS_LABELS[status];
  protected readonly statusTone = (status: InvoiceStatus): StatusTone => INVOICE_STATUS_TONES[status];
}
