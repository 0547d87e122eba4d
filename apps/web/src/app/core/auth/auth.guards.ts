import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';
import type { Permission } from '@agency-portal/shared';
import { isAgencyRole } from '@agency-portal/shared';
import { AuthService } from './auth.service';

/** Lets signed-in users through; sends everyone else to sign in, remembering where they were going. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).isSignedIn()) {
    return true;
  }
  return inject(Router).createUrlTree(['/login'], {
    queryParams: { returnUrl: state.url === '/' ? null : state.url },
  });
};

/** Keeps signed-in users away from the sign-in page. */
export const signedOutGuard: CanActivateFn = () =>
  inject(AuthService).isSignedIn() ? inject(Router).createUrlTree(['/']) : true;

/** Where a page the role may not open is explained (app.routes.ts). */
export const FORBIDDEN_PATH = '/forbidden';

/**
 * Lets through only roles holding `permission` (per the shared permission table). Anyone else
 * sees the "not allowed" page at the address they asked for (not a silent trip home), so they
 * know the page exists but is not theirs, and Back still works.
 */
export function permissionGuard(permission: Permission): CanActivateFn {
  return () =>
    inject(AuthService).hasPermission(permission) ||
    new RedirectCommand(inject(Router).parseUrl(FORBIDDEN_PATH), { skipLocationChange: true });
}

/** Agency users have exactly one agency: send them to it instead of a list. */
export const ownAgencyRedirectGuard: CanActivateFn = () => {
  const user = inject(AuthService).user();
  if (user && isAgencyRole(user.role) && user.agencyId) {
    return inject(Router).createUrlTree(['/agencies', user.agencyId]);
  }
  return true;
};
