import { BRIEF_STATUSES_VISIBLE_TO_AGENCY, CONTRACT_STATUSES_VISIBLE_TO_AGENCY } from '@agency-portal/shared';
import type { Actor } from '../auth/actor';
import { mayReadInternalNotes, RESOURCES, scopeCondition, type Resource } from './access-rules';

const actor = (role: Actor['role'], agencyId: string | null = null): Actor => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: `${role}@x`,
  name: role,
  role,
  agencyId,
  sessionId: 's',
  locale: 'en',
});

const ALL = Object.keys(RESOURCES) as Resource[];

describe('access rules', () => {
  it('should see nothing of a resource when the role lacks its read permission', () => {
    expect(scopeCondition(actor('viewer'), 'contract', 'c')?.sql).toBe('1 = 0');
    expect(scopeCondition(actor('agency_member', 'a'), 'user', 'u')?.sql).toBe('1 = 0');
    expect(scopeCondition(actor('finance'), 'approval_policy', 'p')?.sql).toBe('1 = 0');
  });

  it('should not limit an admin except for unfinished uploads of others and their own digests', () => {
    const limited = ALL.filter((resource) => scopeCondition(actor('admin'), resource, 'r') !== null);
    expect(limited).toEqual(['file', 'digest_subscription']);
  });

  it('should give each in-house reader their own digest subscriptions and an agency user none', () => {
    expect(scopeCondition(actor('viewer'), 'digest_subscription', 's')).toEqual({
      sql: 's.user_id = :scopeUserId',
      params: { scopeUserId: '00000000-0000-4000-8000-000000000001' },
    });
    expect(scopeCondition(actor('agency_member', 'a'), 'digest_subscription', 's')?.sql).toBe('1 = 0');
  });

  it('should limit every agency read to the agency, with the statuses the shared rules let it see', () => {
    const agency = actor('agency_admin', 'agency-1');
    for (const resource of [
      'agency',
      'user',
      'goal',
      'contract',
      'brief',
      'deliverable',
      'version',
      'comment',
      'invoice',
      'invoice_line',
    ] as const) {
      const condition = scopeCondition(agency, resource, 'r');
      expect(condition?.params['scopeAgencyId']).toBe('agency-1');
    }
    const brief = scopeCondition(agency, 'brief', 'b');
    expect(brief?.params['scopeBriefStatuses']).toEqual(BRIEF_STATUSES_VISIBLE_TO_AGENCY);
    expect(brief?.params['scopeContractStatuses']).toEqual(CONTRACT_STATUSES_VISIBLE_TO_AGENCY);
    expect(BRIEF_STATUSES_VISIBLE_TO_AGENCY).not.toContain('draft');
    expect(CONTRACT_STATUSES_VISIBLE_TO_AGENCY).not.toContain('draft');
  });

  it('should scope reviewers by what they review, down to comments, but not goals or units', () => {
    const reviewer = actor('reviewer');
    for (const resource of ['contract', 'brief', 'deliverable', 'version', 'comment', 'file'] as const) {
      expect(scopeCondition(reviewer, resource, 'r')?.params['scopeReviewerId']).toBe(reviewer.id);
    }
    expect(scopeCondition(reviewer, 'goal', 'g')).toBeNull();
    expect(scopeCondition(reviewer, 'business_unit', 'u')).toBeNull();
  });

  it('should keep the aliases of nested subqueries apart from the outer one', () => {
    const sql = scopeCondition(actor('agency_member', 'a'), 'comment', 'outer')?.sql ?? '';
    expect(sql).toContain('outer.version_id IN (SELECT outer_v.id FROM deliverable_versions outer_v');
    expect(sql).toContain('FROM briefs outer_v_d_b');
  });

  it('should show invoices to finance and leads, report figures to viewers, and no invoice to reviewers', () => {
    expect(scopeCondition(actor('finance'), 'invoice', 'i')).toBeNull();
    expect(scopeCondition(actor('social_lead'), 'invoice_line', 'l')).toBeNull();
    expect(scopeCondition(actor('viewer'), 'spend', 's')).toBeNull();
    expect(scopeCondition(actor('viewer'), 'invoice', 'i')?.sql).toBe('1 = 0');
    expect(scopeCondition(actor('reviewer'), 'invoice', 'i')?.sql).toBe('1 = 0');
    expect(scopeCondition(actor('agency_member', 'a'), 'spend', 's')?.sql).toBe('1 = 0');
  });

  it('should keep internal notes from agency users only', () => {
    expect(mayReadInternalNotes(actor('reviewer'))).toBe(true);
    expect(mayReadInternalNotes(actor('agency_member', 'a'))).toBe(false);
  });
});

describe('access rules for outcomes', () => {
  it('should show imports to the in-house writers only when asked', () => {
    expect(scopeCondition(actor('social_lead'), 'metric_import', 'i')).toBeNull();
    expect(scopeCondition(actor('viewer'), 'metric_import', 'i')?.sql).toBe('1 = 0');
    expect(scopeCondition(actor('agency_admin', 'agency-1'), 'metric_import', 'i')?.sql).toBe('1 = 0');
  });

  it('should limit an agency to its own deliverables’ metrics and let viewers read all when asked', () => {
    expect(scopeCondition(actor('viewer'), 'deliverable_metrics', 'd')).toBeNull();
    const agency = scopeCondition(actor('agency_member', 'agency-1'), 'deliverable_metrics', 'd');
    expect(agency).toEqual(scopeCondition(actor('agency_member', 'agency-1'), 'deliverable', 'd'));
    expect(scopeCondition(actor('agency_member', 'agency-1'), 'goal_outcomes', 'g')?.sql).toBe('1 = 0');
  });

  it('should let admins write everywhere and social leads in their unit only when asked', () => {
    expect(scopeCondition(actor('admin'), 'goal_outcomes_write', 'g')).toBeNull();
    expect(scopeCondition(actor('social_lead'), 'goal_outcomes_write', 'g')?.sql).toContain(
      'business_unit_id',
    );
    expect(scopeCondition(actor('viewer'), 'deliverable_metrics_write', 'd')?.sql).toBe('1 = 0');
    expect(scopeCondition(actor('agency_admin', 'agency-1'), 'deliverable_metrics_write', 'd')?.sql).toBe(
      '1 = 0',
    );
  });
});
