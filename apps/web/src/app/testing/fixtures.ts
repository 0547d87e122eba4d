import type { LoginResponse, Role, SessionUser, UserDto } from '@agency-portal/shared';
import { ROLE_PERMISSIONS } from '@agency-portal/shared';

/** Test data only. */
export function aSessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  const role: Role = overrides.role ?? 'admin';
  return {
    id: 'user-1',
    email: 'ada@brand.test',
    name: 'Ada Admin',
    role,
    agencyId: null,
    agencyName: null,
    permissions: [...ROLE_PERMISSIONS[role]],
    ...overrides,
  };
}

export function aLoginResponse(accessToken: string, user = aSessionUser()): LoginResponse {
  return { accessToken, tokenType: 'Bearer', expiresIn: 900, user };
}

export function aUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'user-2',
    email: 'sam@brand.test',
    name: 'Sam Lead',
    role: 'social_lead',
    agencyId: null,
    agencyName: null,
    businessUnitId: null,
    businessUnitName: null,
    active: true,
    passwordSet: true,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
