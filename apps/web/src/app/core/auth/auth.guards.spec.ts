import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type RouterStateSnapshot,
  RedirectCommand,
  UrlTree,
  provideRouter,
} from '@angular/router';
import type { Permission, SessionUser } from '@agency-portal/shared';
import { can } from '@agency-portal/shared';
import { aSessionUser } from '../../testing/fixtures';
import { ownAgencyRedirectGuard, permissionGuard, signedInGuard } from './auth.guards';
import { AuthService } from './auth.service';

function setUp(user: SessionUser | null): void {
  const current = signal(user);
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      {
        provide: AuthService,
        useValue: {
          user: current,
          isSignedIn: computed(() => current() !== null),
          hasPermission: (permission: Permission) => {
            const signedIn = current();
            return signedIn !== null && can(signedIn.role, permission);
          },
        },
      },
    ],
  });
}

const route = {} as ActivatedRouteSnapshot;
const state = (url: string) => ({ url }) as RouterStateSnapshot;

describe('auth guards', () => {
  it('should send the user to sign in, remembering the page, when not signed in', () => {
    setUp(null);

    const result = TestBed.runInInjectionContext(() => signedInGuard(route, state('/agencies')));

    expect(result).toBeInstanceOf(UrlTree);
    expect((result as UrlTree).toString()).toBe('/login?returnUrl=%2Fagencies');
  });

  it('should let a signed-in user through when the page needs a session', () => {
    setUp(aSessionUser());

    expect(TestBed.runInInjectionContext(() => signedInGuard(route, state('/')))).toBe(true);
  });

  it('should allow a role when it holds the permission', () => {
    setUp(aSessionUser({ role: 'admin' }));

    const result = TestBed.runInInjectionContext(() => permissionGuard('audit:read')(route, state('/audit')));

    expect(result).toBe(true);
  });

  it('should show the not-allowed page at the same address when the role lacks the permission', () => {
    setUp(aSessionUser({ role: 'agency_member', agencyId: 'agency-1' }));

    const result = TestBed.runInInjectionContext(() => permissionGuard('user:read')(route, state('/users')));

    expect(result).toBeInstanceOf(RedirectCommand);
    const command = result as RedirectCommand;
    expect(String(command.redirectTo)).toBe('/forbidden');
    expect(command.navigationBehaviorOptions?.skipLocationChange).toBe(true);
  });

  it('should send an agency user to their own agency when they open the agency list', () => {
    setUp(aSessionUser({ role: 'agency_admin', agencyId: 'agency-7', agencyName: 'Bright' }));

    const result = TestBed.runInInjectionContext(() => ownAgencyRedirectGuard(route, state('/agencies')));

    expect(result).toBeInstanceOf(UrlTree);
    expect((result as UrlTree).toString()).toBe('/agencies/agency-7');
  });
});
