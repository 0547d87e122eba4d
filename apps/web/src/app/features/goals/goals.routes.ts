import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { GoalDetailPage } from './goal-detail-page';
import { GoalEditPage } from './goal-edit-page';
import { GoalListPage } from './goal-list-page';
import { GoalOverviewPage } from './goal-overview-page';

export const goalRoutes: Route[] = [
  { path: '', title: $localize`Goals`, component: GoalListPage },
  {
    path: 'new',
    title: $localize`New goal`,
    canActivate: [permissionGuard('goal:manage')],
    component: GoalEditPage,
  },
  {
    path: 'overview',
    title: $localize`:Page title@@goalOverview.title:Goal overview`,
    canActivate: [permissionGuard('outcome:read')],
    component: GoalOverviewPage,
  },
  { path: ':id', title: $localize`Goal`, component: GoalDetailPage },
  {
    path: ':id/edit',
    title: $localize`Edit goal`,
    canActivate: [permissionGuard('goal:manage')],
    component: GoalEditPage,
  },
];
