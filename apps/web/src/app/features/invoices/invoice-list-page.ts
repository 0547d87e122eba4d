import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { INVOICE_SORT_KEYS, INVOICE_STATUSES } from '@agency-portal/shared';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import { DateRangeFilter, LookupFilter, StatusFilter } from '../../shared/list/filter-fields';
import { ListFilters } from '../../shared/list/list-filters';
import { createListPage, listViewer, oneOfThese, onlyWhenTrue } from '../../shared/list/list-page';
import { isoDate, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { InvoiceService } from './invoice.service';
import { InvoicesTable } from './invoices-table';

/** /invoices: invoices by status, contract, agency, due date or overdue, searched by number, in the URL. */
@Component({
  selector: 'ap-invoice-list-page',
  imports: [
    DateRangeFilter,
    InvoicesTable,
    ListFilters,
    ListView,
    LookupFilter,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    StatusFilter,
  ],
  templateUrl: './invoice-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceListPage {
  private readonly invoiceService = inject(InvoiceService);
  private readonly viewer = listViewer();

  protected readonly statuses = INVOICE_STATUSES;
  protected readonly statusLabels = INVOICE_STATUS_LABELS;
  protected readonly canSubmit = this.viewer.can('invoice:submit');
  protected readonly isAgencyUser = this.viewer.isAgencyUser;
  protected readonly showContractFilter = this.viewer.can('contract:read');
  protected readonly showAgencyFilter = this.viewer.inHouseCan('agency:read');

  protected readonly list = createListPage(
    {
      status: oneOfThese(INVOICE_STATUSES),
      contractId: uuid,
      agencyId: uuid,
      overdue: onlyWhenTrue,
      dueFrom: isoDate,
      dueTo: isoDate,
    },
    {
      sortKeys: INVOICE_SORT_KEYS,
      defaultSort: '-submittedAt',
      load: (query) => this.invoiceService.list(query),
    },
  );
}
