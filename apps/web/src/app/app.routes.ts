import type { Route } from '@angular/router';
import { permissionGuard, signedInGuard, signedOutGuard } from './core/auth/auth.guards';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: $localize`Sign in`,
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/auth/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'set-password',
    title: $localize`Set your password`,
    loadComponent: () => import('./features/auth/set-password-page').then((m) => m.SetPasswordPage),
  },
  {
    // The printable goal report: the dashboard alone, without the shell's navigation.
    path: 'goals/:id/print',
    title: $localize`:Page title of the printable goal report@@goalPrint.title:Goal report`,
    canActivate: [signedInGuard, permissionGuard('goal:read')],
    loadComponent: () => import('./features/goals/goal-print-page').then((m) => m.GoalPrintPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    canActivateChild: [signedInGuard],
    loadComponent: () => import('./shell/shell').then((m) => m.Shell),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: $localize`Home`,
        loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'profile',
        title: $localize`Your profile`,
        loadComponent: () => import('./features/profile/profile-page').then((m) => m.ProfilePage),
      },
      {
        path: 'goals',
        canActivate: [permissionGuard('goal:read')],
        loadChildren: () => import('./features/goals/goals.routes').then((m) => m.goalRoutes),
      },
      {
        path: 'contracts',
        canActivate: [permissionGuard('contract:read')],
        loadChildren: () => import('./features/contracts/contracts.routes').then((m) => m.contractRoutes),
      },
      {
        path: 'briefs',
        canActivate: [permissionGuard('brief:read')],
        loadChildren: () => import('./features/briefs/briefs.routes').then((m) => m.briefRoutes),
      },
      {
        path: 'deliverables',
        canActivate: [permissionGuard('deliverable:read')],
        loadChildren: () =>
          import('./features/deliverables/deliverables.routes').then((m) => m.deliverableRoutes),
      },
      {
        path: 'calendar',
        canActivate: [permissionGuard('deliverable:read')],
        loadChildren: () => import('./features/calendar/calendar.routes').then((m) => m.calendarRoutes),
      },
      {
        path: 'invoices',
        canActivate: [permissionGuard('invoice:read')],
        loadChildren: () => import('./features/invoices/invoices.routes').then((m) => m.invoiceRoutes),
      },
      {
        path: 'spend',
        canActivate: [permissionGuard('spend:read')],
        loadChildren: () => import('./features/spend/spend.routes').then((m) => m.spendRoutes),
      },
      {
        path: 'scorecards',
        canActivate: [permissionGuard('scorecard:read')],
        loadChildren: () => import('./features/scorecards/scorecards.routes').then((m) => m.scorecardRoutes),
      },
      {
        path: 'exchange-rates',
        canActivate: [permissionGuard('exchange_rate:manage')],
        loadChildren: () => import('./features/spend/spend.routes').then((m) => m.exchangeRateRoutes),
      },
      {
        path: 'reviews',
        title: $localize`Review queue`,
        canActivate: [permissionGuard('deliverable:review')],
        data: { queue: true },
        loadComponent: () =>
          import('./features/deliverables/deliverable-list-page').then((m) => m.DeliverableListPage),
      },
      {
        path: 'imports',
        canActivate: [permissionGuard('outcome:write')],
        loadChildren: () => import('./features/outcomes/outcomes.routes').then((m) => m.importRoutes),
      },
      {
        path: 'business-units',
        canActivate: [permissionGuard('business_unit:read')],
        loadChildren: () =>
          import('./features/business-units/business-units.routes').then((m) => m.businessUnitRoutes),
      },
      {
        path: 'agencies',
        canActivate: [permissionGuard('agency:read')],
        loadChildren: () => import('./features/agencies/agencies.routes').then((m) => m.agencyRoutes),
      },
      {
        path: 'users',
        canActivate: [permissionGuard('user:read')],
        loadChildren: () => import('./features/users/users.routes').then((m) => m.userRoutes),
      },
      {
        path: 'approval-policies',
        canActivate: [permissionGuard('approval_policy:read')],
        loadChildren: () =>
          import('./features/approval-policies/approval-policies.routes').then((m) => m.approvalPolicyRoutes),
      },
      {
        path: 'audit',
        canActivate: [permissionGuard('audit:read')],
        loadChildren: () => import('./features/audit/audit.routes').then((m) => m.auditRoutes),
      },
      {
        path: 'forbidden',
        title: $localize`Not allowed`,
        data: { kind: 'forbidden' },
        loadComponent: () => import('./shell/status-page').then((m) => m.StatusPage),
      },
      {
        path: 'outbox',
        title: $localize`Mail outbox`,
        canActivate: [permissionGuard('outbox:read')],
        loadComponent: () => import('./features/outbox/outbox-page').then((m) => m.OutboxPage),
      },
      {
        path: '**',
        title: $localize`Page not found`,
        data: { kind: 'not_found' },
        loadComponent: () => import('./shell/status-page').then((m) => m.StatusPage),
      },
    ],
  },
];
