import type { Role } from '@agency-portal/shared';
import { aSessionUser } from '../testing/fixtures';
import { navigationFor } from './navigation';

function labelsFor(role: Role, agencyId: string | null = null): string[] {
  return navigationFor(aSessionUser({ role, agencyId })).map((entry) => entry.label);
}

describe('navigationFor', () => {
  it('should offer every area when the user is an admin', () => {
    expect(labelsFor('admin')).toEqual(['Home', 'Business units', 'Agencies', 'Users', 'Audit log']);
  });

  it('should offer no Users nor Audit log when the user is a reviewer', () => {
    expect(labelsFor('reviewer')).toEqual(['Home', 'Business units', 'Agencies']);
  });

  it('should offer My agency and no Users when the user is an agency member', () => {
    const entries = navigationFor(aSessionUser({ role: 'agency_member', agencyId: 'agency-1' }));

    expect(entries.map((entry) => entry.label)).toEqual(['Home', 'My agency']);
    expect(entries[1].path).toBe('/agencies/agency-1');
  });

  it('should offer My agency and Users when the user is an agency admin', () => {
    expect(labelsFor('agency_admin', 'agency-1')).toEqual(['Home', 'My agency', 'Users']);
  });
});
