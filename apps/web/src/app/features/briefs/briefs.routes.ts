import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { BriefDetailPage } from './brief-detail-page';
import { BriefEditPage } from './brief-edit-page';
import { BriefListPage } from './brief-list-page';

export const briefRoutes: Route[] = [
  { path: '', title: $localize`Briefs`, component: BriefListPage },
  {
    path: 'new',
    title: $localize`New brief`,
    canActivate: [permissionGuard('brief:manage')],
    component: BriefEditPage,
  },
  { path: ':id', title: $localize`Brief`, component: BriefDetailPage },
  {
    path: ':id/edit',
    title: $localize`Edit brief`,
    canActivate: [permissionGuard('brief:manage')],
    component: BriefEditPage,
  },
];
