import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { INVOICE_SORT_KEYS, INVOICE_STATUSES, isAgencyRole } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { isoDate, listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { InvoiceService } from './invoice.service';
import { InvoicesTable } from './invoices-table';

/** /invoices: invoices by status, contract, agency, due date or overdue, searched by number, in the URL. */
@Component({
  selector: 'ap-invoice-list-page',
  imports: [
    InvoicesTable,
    ListFilters,
    ListView,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './invoice-list-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceListPage {
  private readonly auth = inject(AuthService);
  private readonly invoiceService = inject(InvoiceService);
  protected readonly lookups = inject(Lookups);

  protected readonly statuses = INVOICE_STATUSES;
  protected readonly statusLabels = INVOICE_STATUS_LABELS;
  protected readonly canSubmit = computed(() => this.auth.hasPermission('invoice:submit'));
  protected readonly isAgencyUser = computed(() => {
    const user = this.auth.user();
    return user !== null && isAgencyRole(user.role);
  });
  protected readonly showContractFilter = computed(() => this.auth.hasPermission('contract:read'));
  protected readonly showAgencyFilter = computed(
    () => !this.isAgencyUser() && this.auth.hasPermission('agency:read'),
  );

  protected readonly list = listQueryState({
    filters: ['status', 'contractId', 'agencyId', 'overdue', 'dueFrom', 'dueTo'] as const,
    sortKeys: INVOICE_SORT_KEYS,
    defaultSort: '-submittedAt',
  });
  protected readonly invoices = createListLoader(
    this.list,
    (filters) => ({
      status: oneOf(INVOICE_STATUSES, filters.status),
      contractId: uuid(filters.contractId),
      agencyId: uuid(filters.agencyId),
      overdue: filters.overdue === 'true' ? true : undefined,
      dueFrom: isoDate(filters.dueFrom),
      dueTo: isoDate(filters.dueTo),
    }),
    (query) => this.invoiceService.list(query),
  );
}
