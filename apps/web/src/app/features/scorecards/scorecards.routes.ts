import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Route } from '@angular/router';
import { isAgencyRole } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { ScorecardAgencyPage } from './scorecard-agency-page';
import { ScorecardListPage } from './scorecard-list-page';

/** Agency users have one scorecard, their own: they land on it instead of the comparison. */
export const ownScorecardRedirectGuard: CanActivateFn = (route) => {
  const user = inject(AuthService).user();
  if (user && isAgencyRole(user.role) && user.agencyId) {
    return inject(Router).createUrlTree(['/scorecards/agencies', user.agencyId], {
      queryParams: route.queryParams,
    });
  }
  return true;
};

export const scorecardRoutes: Route[] = [
  {
    path: '',
    title: $localize`:Page title@@scorecard.list.title:Agency scorecards`,
    canActivate: [ownScorecardRedirectGuard],
    component: ScorecardListPage,
  },
  {
    path: 'agencies/:agencyId',
    title: $localize`:Page title@@scorecard.agency.title:Agency scorecard`,
    component: ScorecardAgencyPage,
  },
];
