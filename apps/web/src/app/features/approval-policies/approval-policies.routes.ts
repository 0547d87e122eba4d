import type { Route } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { ApprovalPolicyEditPage } from './approval-policy-edit-page';
import { ApprovalPolicyListPage } from './approval-policy-list-page';
import type { PolicyScope } from './approval-policy.service';

export const approvalPolicyRoutes: Route[] = [
  { path: '', title: $localize`Approval policies`, component: ApprovalPolicyListPage },
  {
    path: 'business-units/:id',
    title: $localize`Business unit approval policy`,
    canActivate: [permissionGuard('approval_policy:manage')],
    data: { scope: 'business_unit' satisfies PolicyScope },
    component: ApprovalPolicyEditPage,
  },
  {
    path: 'contracts/:id',
    title: $localize`Contract approval policy`,
    canActivate: [permissionGuard('approval_policy:manage')],
    data: { scope: 'contract' satisfies PolicyScope },
    component: ApprovalPolicyEditPage,
  },
];
