import type { Actor } from '../auth/actor';
import { DomainError } from '../common/errors/domain-error';
import type { User } from './user.entity';
import { agencyForNewUser, assertRoleChangeAllowed } from './users.policy';

const admin: Actor = {
  id: 'a',
  email: 'admin@x',
  name: 'Admin',
  role: 'admin',
  agencyId: null,
  sessionId: 's',
  locale: 'en',
};
const agencyAdmin: Actor = {
  id: 'b',
  email: 'b@x',
  name: 'B',
  role: 'agency_admin',
  agencyId: 'agency-1',
  sessionId: 's',
  locale: 'en',
};

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
}

describe('users policy', () => {
  it('should bind agency_admin invitations to their own agency when none is given', () => {
    expect(agencyForNewUser(agencyAdmin, 'agency_member', undefined)).toBe('agency-1');
  });

  it('should answer not_found when agency_admin names another agency', () => {
    expect(codeOf(() => agencyForNewUser(agencyAdmin, 'agency_member', 'agency-2'))).toBe('not_found');
  });

  it('should require an agency for agency roles and refuse one for in-house roles when an admin invites', () => {
    expect(codeOf(() => agencyForNewUser(admin, 'agency_member', null))).toBe('validation_failed');
    expect(codeOf(() => agencyForNewUser(admin, 'viewer', 'agency-1'))).toBe('validation_failed');
    expect(agencyForNewUser(admin, 'viewer', undefined)).toBeNull();
  });

  it('should refuse moving a user between in-house and agency roles', () => {
    const member = { id: 'm', role: 'agency_member', agencyId: 'agency-1' } as User;
    expect(codeOf(() => assertRoleChangeAllowed(admin, member, 'viewer'))).toBe('validation_failed');
    expect(codeOf(() => assertRoleChangeAllowed(admin, member, 'agency_admin'))).toBeUndefined();
  });

  it('should refuse changing your own role', () => {
    const self = { id: 'a', role: 'admin', agencyId: null } as User;
    expect(codeOf(() => assertRoleChangeAllowed(admin, self, 'viewer'))).toBe('forbidden');
  });
});
