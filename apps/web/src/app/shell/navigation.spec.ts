import type { Role } from '@agency-portal/shared';
import { aSessionUser } from '../testing/fixtures';
import { navigationFor } from './navigation';

function labelsFor(role: Role, agencyId: string | null = null): string[] {
  return navigationFor(aSessionUser({ role, agencyId })).map((entry) => entry.label);
}

describe('navigationFor', () => {
  it('should offer every area when the user is an admin', () => {
    expect(labelsFor('admin')).toEqual([
      'Home',
      'Goals',
      'Contracts',
      'Briefs',
      'Deliverables',
      'Calendar',
      'Review queue',
      'Invoices',
      'Spend report',
      'Agency scorecards',
      'Exchange rates',
      'Metric imports',
      'Business units',
      'Agencies',
      'Approval policies',
      'Users',
      'Audit log',
      'Mail outbox',
    ]);
  });

  it('should offer briefs, the review queue and policies but no Users nor Audit log when the user is a reviewer', () => {
    expect(labelsFor('reviewer')).toEqual([
      'Home',
      'Goals',
      'Contracts',
      'Briefs',
      'Deliverables',
      'Calendar',
      'Review queue',
      'Agency scorecards',
      'Business units',
      'Agencies',
      'Approval policies',
    ]);
  });

  it('should offer briefs to read but no review queue when the user is in finance', () => {
    expect(labelsFor('finance')).toEqual([
      'Home',
      'Goals',
      'Contracts',
      'Briefs',
      'Deliverables',
      'Calendar',
      'Invoices',
      'Spend report',
      'Agency scorecards',
      'Exchange rates',
      'Business units',
      'Agencies',
    ]);
  });

  it('should describe deciding and paying invoices when the user is in finance', () => {
    const invoices = navigationFor(aSessionUser({ role: 'finance' })).find(
      (entry) => entry.path === '/invoices',
    );

    expect(invoices?.description).toContain('approve, reject and record payments');
  });

  it('should offer goals but no contracts when the user is a viewer', () => {
    expect(labelsFor('viewer')).toEqual([
      'Home',
      'Goals',
      'Spend report',
      'Agency scorecards',
      'Business units',
      'Agencies',
    ]);
  });

  it('should offer the spend report but not the exchange rates when the user is a social lead', () => {
    const paths = navigationFor(aSessionUser({ role: 'social_lead' })).map((entry) => entry.path);

    expect(paths).toContain('/spend');
    expect(paths).not.toContain('/exchange-rates');
  });

  it('should offer metric imports to those who may write outcomes and to nobody else', () => {
    const withImports = (
      ['admin', 'social_lead', 'reviewer', 'finance', 'viewer', 'agency_admin', 'agency_member'] as const
    ).filter((role) => navigationFor(aSessionUser({ role })).some((entry) => entry.path === '/imports'));

    expect(withImports).toEqual(['admin', 'social_lead']);
  });

  it('should describe exporting the report when the user is in finance', () => {
    const spend = navigationFor(aSessionUser({ role: 'finance' })).find((entry) => entry.path === '/spend');

    expect(spend?.description).toContain('export it as CSV or Excel');
  });

  it('should describe managing contracts when the user is a social lead', () => {
    const contracts = navigationFor(aSessionUser({ role: 'social_lead' })).find(
      (entry) => entry.label === 'Contracts',
    );

    expect(contracts?.path).toBe('/contracts');
    expect(contracts?.description).toContain('Draft statements of work');
  });

  it('should offer Contracts, Briefs and My agency but no Users nor Review queue when the user is an agency member', () => {
    const entries = navigationFor(aSessionUser({ role: 'agency_member', agencyId: 'agency-1' }));

    expect(entries.map((entry) => entry.label)).toEqual([
      'Home',
      'Goals',
      'Contracts',
      'Briefs',
      'Deliverables',
      'Calendar',
      'Invoices',
      'Our scorecard',
      'My agency',
    ]);
    expect(entries[2].description).toContain('Your agency’s contracts');
    expect(entries[3].description).toContain('accept or decline');
    expect(entries[4].path).toBe('/deliverables');
    expect(entries[5].path).toBe('/calendar');
    expect(entries[6].description).toContain('Invoice the work the brand approved');
    expect(entries[7].path).toBe('/scorecards/agencies/agency-1');
    expect(entries[8].path).toBe('/agencies/agency-1');
  });

  it('should offer My agency and Users when the user is an agency admin', () => {
    expect(labelsFor('agency_admin', 'agency-1')).toEqual([
      'Home',
      'Goals',
      'Contracts',
      'Briefs',
      'Deliverables',
      'Calendar',
      'Invoices',
      'Our scorecard',
      'My agency',
      'Users',
    ]);
  });

  it('should offer the scorecard comparison to every in-house role and their own scorecard to agency users', () => {
    for (const role of ['admin', 'social_lead', 'reviewer', 'finance', 'viewer'] as const) {
      expect(navigationFor(aSessionUser({ role })).some((entry) => entry.path === '/scorecards')).toBe(true);
    }
    const own = navigationFor(aSessionUser({ role: 'agency_member', agencyId: 'agency-1' })).find(
      (entry) => entry.label === 'Our scorecard',
    );
    expect(own?.path).toBe('/scorecards/agencies/agency-1');
  });
});
