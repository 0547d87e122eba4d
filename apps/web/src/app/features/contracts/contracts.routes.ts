import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { ContractDetailPage } from './contract-detail-page';
import { ContractEditPage } from './contract-edit-page';
import { ContractListPage } from './contract-list-page';

export const contractRoutes: Route[] = [
  { path: '', title: $localize`Contracts`, component: ContractListPage },
  {
    path: 'new',
    title: $localize`New contract`,
    canActivate: [permissionGuard('contract:manage')],
    component: ContractEditPage,
  },
  { path: ':id', title: $localize`Contract`, component: ContractDetailPage },
  {
    path: ':id/edit',
    title: $localize`Edit contract`,
    canActivate: [permissionGuard('contract:manage')],
    component: ContractEditPage,
  },
];
