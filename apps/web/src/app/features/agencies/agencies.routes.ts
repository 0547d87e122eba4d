import type { Route } from '@angular/router';
import { ownAgencyRedirectGuard, permissionGuard } from '../../core/auth/auth.guards';
import { AgencyDetailPage } from './agency-detail-page';
import { AgencyEditPage } from './agency-edit-page';
import { AgencyListPage } from './agency-list-page';

export const agencyRoutes: Route[] = [
  {
    path: '',
    title: $localize`Agencies`,
    canActivate: [ownAgencyRedirectGuard],
    component: AgencyListPage,
  },
  {
    path: 'new',
    title: $localize`New agency`,
    canActivate: [permissionGuard('agency:manage')],
    component: AgencyEditPage,
  },
  { path: ':id', title: $localize`Agency`, component: AgencyDetailPage },
  {
    path: ':id/edit',
    title: $localize`Edit agency`,
    canActivate: [permissionGuard('agency:manage')],
    component: AgencyEditPage,
  },
];
