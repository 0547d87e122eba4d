import {
  approvalRefusal,
  approvalsRequired,
  canDoInvoiceAction,
  invoiceActions,
  isInvoiceOverdue,
  reachedThresholds,
} from './invoice-workflow';

describe('invoice workflow', () => {
  it('should let finance approve, reject or later pay when the invoice is in the right state', () => {
    expect(canDoInvoiceAction('submitted', 'approve', 'finance')).toBe(true);
    expect(canDoInvoiceAction('submitted', 'reject', 'finance')).toBe(true);
    expect(canDoInvoiceAction('submitted', 'pay', 'finance')).toBe(false);
    expect(canDoInvoiceAction('approved', 'pay', 'finance')).toBe(true);
    expect(canDoInvoiceAction('paid', 'pay', 'finance')).toBe(false);
    expect(canDoInvoiceAction('rejected', 'approve', 'finance')).toBe(false);
  });

  it('should keep decisions from everyone but finance when other roles ask', () => {
    for (const role of [
      'admin',
      'social_lead',
      'reviewer',
      'viewer',
      'agency_admin',
      'agency_member',
    ] as const) {
      expect(canDoInvoiceAction('submitted', 'approve', role)).toBe(false);
    }
  });

  it('should let an agency withdraw only a submitted invoice when it asks', () => {
    expect(invoiceActions('submitted', 'agency_member')).toEqual(['withdraw']);
    expect(invoiceActions('approved', 'agency_admin')).toEqual([]);
    expect(invoiceActions('submitted', 'finance')).toEqual(['approve', 'reject']);
  });

  it('should need two approvers only above the currency threshold when one is set', () => {
    expect(approvalsRequired(5_000_000, 5_000_000)).toBe(1);
    expect(approvalsRequired(5_000_001, 5_000_000)).toBe(2);
    expect(approvalsRequired(999_999_999, undefined)).toBe(1);
  });

  it('should refuse the submitter and a second approval by the same person', () => {
    expect(approvalRefusal('a', { submittedBy: 'a', approverIds: [] })).toBe('submitter');
    expect(approvalRefusal('b', { submittedBy: 'a', approverIds: ['b'] })).toBe('already_approved');
    expect(approvalRefusal('c', { submittedBy: 'a', approverIds: ['b'] })).toBeNull();
  });

  it('should call an approved invoice overdue only after its due date', () => {
    expect(isInvoiceOverdue('approved', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isInvoiceOverdue('approved', '2026-03-02', '2026-03-02')).toBe(false);
    expect(isInvoiceOverdue('submitted', '2026-03-01', '2026-03-02')).toBe(false);
  });

  it('should report the 80 % and 100 % thresholds once spend reaches them', () => {
    expect(reachedThresholds(79, 100)).toEqual([]);
    expect(reachedThresholds(80, 100)).toEqual([80]);
    expect(reachedThresholds(100, 100)).toEqual([80, 100]);
    expect(reachedThresholds(0, 0)).toEqual([]);
    expect(reachedThresholds(1, 0)).toEqual([80, 100]);
  });
});
