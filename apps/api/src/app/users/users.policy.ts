import { assignableRoles, isAgencyRole, type Role } from '@agency-portal/shared';
import type { Actor } from '../auth/actor';
import { isAgencyActor } from '../auth/actor';
import { DomainError, fieldError, notFound } from '../common/errors/domain-error';
import type { User } from './user.entity';
import { msg } from '../i18n/message';

export function assertMayAssignRole(actor: Actor, role: Role): void {
  if (!assignableRoles(actor.role).includes(role)) {
    throw fieldError('role', msg('You cannot assign the role {role}.', { role }), 'forbidden');
  }
}

/**
 * The agency a new user belongs to: required for agency roles, refused for in-house roles, and
 * always the actor's own agency for agency_admin (another agency's id answers 404 as if missing).
 */
export function agencyForNewUser(
  actor: Actor,
  role: Role,
  requested: string | null | undefined,
): string | null {
  if (!isAgencyRole(role)) {
    if (requested) throw fieldError('agencyId', 'In-house users do not belong to an agency.');
    return null;
  }
  const ownAgency = isAgencyActor(actor) ? actor.agencyId : null;
  if (ownAgency !== null) {
    if (requested && requested !== ownAgency) throw notFound('Agency');
    return ownAgency;
  }
  if (!requested) throw fieldError('agencyId', 'Agency users must belong to an agency.');
  return requested;
}

/** A role change may not move a user between in-house and agency, and never the actor's own role. */
export function assertRoleChangeAllowed(actor: Actor, user: User, role: Role): void {
  if (user.id === actor.id && role !== user.role) {
    throw new DomainError('forbidden', 'You cannot change your own role.');
  }
  assertMayAssignRole(actor, role);
  if (isAgencyRole(role) !== isAgencyRole(user.role)) {
    throw fieldError(
      'role',
      'A user cannot move between in-house and agency roles; invite a new user instead.',
    );
  }
}
