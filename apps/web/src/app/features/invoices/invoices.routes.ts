import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { InvoiceDetailPage } from './invoice-detail-page';
import { InvoiceDraftPage } from './invoice-draft-page';
import { InvoiceListPage } from './invoice-list-page';

export const invoiceRoutes: Route[] = [
  { path: '', title: $localize`Invoices`, component: InvoiceListPage },
  {
    path: 'new',
    title: $localize`Invoice approved work`,
    canActivate: [permissionGuard('invoice:submit')],
    component: InvoiceDraftPage,
  },
  { path: ':id', title: $localize`Invoice`, component: InvoiceDetailPage },
];
