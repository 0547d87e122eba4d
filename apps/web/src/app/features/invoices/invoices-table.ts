import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { InvoiceDto } from '@agency-portal/shared';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ListSort, SortChange } from '../../shared/list/list-query-state';
import { DataTable, TableCellDef } from '../../shared/table/data-table';
import {
  type TableColumn,
  dateCell,
  linkCell,
  moneyCell,
  omitColumns,
  textCell,
} from '../../shared/table/table-column';
import { StatusChip, type StatusTone } from '../../shared/ui/status-chip';
import { INVOICE_STATUS_TONES } from './invoice-labels';

const COLUMNS: readonly TableColumn<InvoiceDto>[] = [
  {
    id: 'number',
    header: $localize`:Column — the agency's invoice number:Invoice`,
    sort: 'number',
    cell: linkCell(
      (invoice) => ['/invoices', invoice.id],
      (invoice) => invoice.number,
    ),
  },
  { id: 'contract', header: $localize`Contract`, cell: textCell((invoice) => invoice.contractReference) },
  { id: 'agency', header: $localize`Agency`, cell: textCell((invoice) => invoice.agencyName) },
  {
    id: 'issueDate',
    header: $localize`:Column — when an invoice was issued:Issued`,
    sort: 'issueDate',
    cell: dateCell((invoice) => invoice.issueDate),
  },
  { id: 'dueDate', header: $localize`Due date`, sort: 'dueDate' },
  {
    id: 'gross',
    header: $localize`:Column — an invoice's total including tax:Gross`,
    numeric: true,
    cell: moneyCell(
      (invoice) => invoice.grossMinor,
      (invoice) => invoice.currency,
    ),
  },
  {
    id: 'submittedAt',
    header: $localize`:Column of invoice submission dates|Column — when an invoice was submitted:Submitted`,
    sort: 'submittedAt',
    cell: dateCell((invoice) => invoice.submittedAt),
  },
  { id: 'status', header: $localize`Status` },
];

/** Invoices as a table: number (to its page), contract, agency, dates, gross and where it stands. */
@Component({
  selector: 'ap-invoices-table',
  imports: [DataTable, LocalDatePipe, StatusChip, TableCellDef],
  template: `
    <ap-data-table
      [rows]="invoices()"
      [columns]="columns()"
      [label]="label"
      [sort]="sort()"
      (sortChange)="sortChange.emit($event)"
    >
      <ng-template apCell="dueDate" [apCellOf]="invoices()" let-invoice>
        {{ invoice.dueDate | localDate: 'date' }}
        @if (invoice.overdue) {
          <span i18n="An approved invoice past its due date, unpaid" class="ap-flag">Overdue</span>
        }
      </ng-template>
      <ng-template apCell="status" [apCellOf]="invoices()" let-invoice>
        <ap-status-chip [label]="statusLabel(invoice.status)" [tone]="statusTone(invoice.status)" />
        @if (invoice.status === 'submitted' && invoice.approvalsRequired > 1) {
          <span i18n="Approvals an invoice has of those it needs" class="ap-approvals">
            {{ invoice.approvalCount }} of {{ invoice.approvalsRequired }} approvals
          </span>
        }
      </ng-template>
    </ap-data-table>
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

  protected readonly label = $localize`Invoices`;
  protected readonly statusLabel = (status: InvoiceDto['status']): string => INVOICE_STATUS_LABELS[status];
  protected readonly statusTone = (status: InvoiceDto['status']): StatusTone => INVOICE_STATUS_TONES[status];
  protected readonly columns = computed(() => omitColumns(COLUMNS, !this.showAgency() && 'agency'));
}
