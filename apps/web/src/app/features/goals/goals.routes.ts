import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { GoalDetailPage } from './goal-detail-page';
import { GoalEditPage } from './goal-edit-page';
import { GoalListPage } from './goal-list-page';

export const goalRoutes: Route[] = [
  { path: '', title: 'Goals', component: GoalListPage },
  {
    path: 'new',
    title: 'New goal',
    canActivate: [permissionGuard('goal:manage')],
    component: GoalEditPage,
  },
  { path: ':id', title: 'Goal', component: GoalDetailPage },
  {
    path: ':id/edit',
    title: 'Edit goal',
    canActivate: [permissionGuard('goal:manage')],
    component: GoalEditPage,
  },
];
