import type { UserDto } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { User } from './user.entity';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agencyId: user.agencyId,
    agencyName: user.agency?.name ?? null,
    businessUnitId: user.businessUnitId,
    businessUnitName: user.businessUnit?.name ?? null,
    active: user.active,
    passwordSet: user.passwordHash !== null && user.passwordHash !== undefined,
    locale: user.locale,
    timeZone: user.timeZone,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a user: never the password hash. */
export function userSnapshot(user: User): AuditSnapshot {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    agencyId: user.agencyId,
    businessUnitId: user.businessUnitId,
    active: user.active,
    locale: user.locale,
    timeZone: user.timeZone,
  };
}
