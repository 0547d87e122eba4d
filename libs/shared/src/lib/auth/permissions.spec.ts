import { assignableRoles, can, ROLE_PERMISSIONS } from './permissions';
import { ROLES, isAgencyRole } from './roles';

describe('permission table', () => {
  it('should give every role an entry when the table is read', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it('should let only admin manage agencies and business units when asked', () => {
    const managers = ROLES.filter((role) => can(role, 'agency:manage'));
    expect(managers).toEqual(['admin']);
    expect(ROLES.filter((role) => can(role, 'business_unit:manage'))).toEqual(['admin']);
  });

  it('should keep the audit log for admin only when asked', () => {
    expect(ROLES.filter((role) => can(role, 'audit:read'))).toEqual(['admin']);
  });

  it('should let agency_admin but not agency_member manage users when asked', () => {
    expect(can('agency_admin', 'user:manage')).toBe(true);
    expect(can('agency_member', 'user:manage')).toBe(false);
  });

  it('should never let an agency role read business units when asked', () => {
    for (const role of ROLES.filter(isAgencyRole)) {
      expect(can(role, 'business_unit:read')).toBe(false);
    }
  });

  it('should let only finance decide on invoices and only agencies submit them when asked', () => {
    expect(ROLES.filter((role) => can(role, 'invoice:decide'))).toEqual(['finance']);
    expect(ROLES.filter((role) => can(role, 'invoice:submit'))).toEqual(['agency_admin', 'agency_member']);
    expect(ROLES.filter((role) => can(role, 'exchange_rate:manage'))).toEqual(['admin', 'finance']);
  });

  it('should let agency_admin assign only agency roles when inviting', () => {
    expect(assignableRoles('agency_admin')).toEqual(['agency_admin', 'agency_member']);
    expect(assignableRoles('social_lead')).toEqual([]);
    expect(assignableRoles('admin')).toHaveLength(7);
  });
});

describe('outcome permissions', () => {
  it('should let only admins and social leads write outcomes when asked', () => {
    expect(ROLES.filter((role) => can(role, 'outcome:write'))).toEqual(['admin', 'social_lead']);
  });

  it('should let agencies read their metrics but not goal-level outcomes when asked', () => {
    for (const role of ROLES.filter(isAgencyRole)) {
      expect(can(role, 'metric:read')).toBe(true);
      expect(can(role, 'outcome:read')).toBe(false);
      expect(can(role, 'outcome:write')).toBe(false);
    }
  });

  it('should let every in-house role read metrics and outcomes when asked', () => {
    for (const role of ROLES.filter((candidate) => !isAgencyRole(candidate))) {
      expect(can(role, 'metric:read')).toBe(true);
      expect(can(role, 'outcome:read')).toBe(true);
    }
  });
});

describe('scorecard permissions', () => {
  it('should let every role read scorecards (agency users their own, scoped by the API) when asked', () => {
    expect(ROLES.filter((role) => can(role, 'scorecard:read'))).toEqual([...ROLES]);
  });
});
