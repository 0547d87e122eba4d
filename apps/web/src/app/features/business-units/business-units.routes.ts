import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { BusinessUnitEditPage } from './business-unit-edit-page';
import { BusinessUnitListPage } from './business-unit-list-page';

export const businessUnitRoutes: Route[] = [
  { path: '', title: $localize`Business units`, component: BusinessUnitListPage },
  {
    path: 'new',
    title: $localize`New business unit`,
    canActivate: [permissionGuard('business_unit:manage')],
    component: BusinessUnitEditPage,
  },
  {
    path: ':id/edit',
    title: $localize`Edit business unit`,
    canActivate: [permissionGuard('business_unit:manage')],
    component: BusinessUnitEditPage,
  },
];
