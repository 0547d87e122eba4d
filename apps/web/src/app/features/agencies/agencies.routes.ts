import type { Route } from '@angular/router';
import { ownAgencyRedirectGuard, permissionGuard } from '../../core/auth/auth.guards';
import { AgencyDetailPage } from './agency-detail-page';
import { AgencyEditPage } from './agency-edit-page';
import { AgencyListPage } from './agency-list-page';

export const agencyRoutes: Route[] = [
  {
    path: '',
    title: 'Agencies',
    canActivate: [ownAgencyRedirectGuard],
    component: AgencyListPage,
  },
  {
    path: 'new',
    title: 'New agency',
    canActivate: [permissionGuard('agency:manage')],
    component: AgencyEditPage,
  },
  { path: ':id', title: 'Agency', component: AgencyDetailPage },
  {
    path: ':id/edit',
    title: 'Edit agency',
    canActivate: [permissionGuard('agency:manage')],
    component: AgencyEditPage,
  },
];
