import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { InviteUserPage } from './invite-user-page';
import { UserDetailPage } from './user-detail-page';
import { UserListPage } from './user-list-page';

export const userRoutes: Route[] = [
  { path: '', title: $localize`Users`, component: UserListPage },
  {
    path: 'invite',
    title: $localize`Invite user`,
    canActivate: [permissionGuard('user:manage')],
    component: InviteUserPage,
  },
  { path: ':id', title: $localize`User`, component: UserDetailPage },
];
