import { type Provider, computed, signal } from '@angular/core';
import type { Permission, SessionUser } from '@agency-portal/shared';
import { can } from '@agency-portal/shared';
import { AuthService } from '../core/auth/auth.service';

/**
 * The auth service as `user` sees it once signed in: their role's permissions from the shared
 * table, plus whatever else a page reads (`extra`, e.g. an access token).
 */
export function provideSignedIn(user: SessionUser, extra: object = {}): Provider {
  const current = signal<SessionUser | null>(user);
  return {
    provide: AuthService,
    useValue: {
      user: current,
      isSignedIn: computed(() => current() !== null),
      hasPermission: (permission: Permission) => can(user.role, permission),
      ...extra,
    },
  };
}
