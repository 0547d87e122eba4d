import type { ApprovalStepDto } from './brief.types';
import {
  applyDecision,
  canSubmitVersion,
  deliverableActions,
  isApproverOf,
  type DeliverableFacts,
} from './deliverable-workflow';

describe('deliverable review', () => {
  it('should move to the next step when a step approves and it is not the last', () => {
    expect(applyDecision(0, 2, 'approve')).toEqual({ status: 'in_review', nextStep: 1 });
  });

  it('should approve the deliverable when the last step approves', () => {
    expect(applyDecision(1, 2, 'approve')).toEqual({ status: 'approved', nextStep: null });
  });

  it('should send it back to the agency when changes are requested at any step', () => {
    expect(applyDecision(1, 3, 'request_changes')).toEqual({ status: 'changes_requested', nextStep: null });
    expect(applyDecision(0, 1, 'reject')).toEqual({ status: 'rejected', nextStep: null });
  });

  it('should take a new version only while awaiting one and the brief is running', () => {
    expect(canSubmitVersion('draft', 'accepted')).toBe(true);
    expect(canSubmitVersion('changes_requested', 'in_progress')).toBe(true);
    expect(canSubmitVersion('in_review', 'in_progress')).toBe(false);
    expect(canSubmitVersion('draft', 'cancelled')).toBe(false);
  });
});

const brandStep: ApprovalStepDto = {
  name: 'Brand',
  approverRole: 'reviewer',
  approverUserIds: [],
  slaHours: 24,
};
const legalStep: ApprovalStepDto = {
  name: 'Legal',
  approverRole: null,
  approverUserIds: ['legal-id'],
  slaHours: 48,
};

describe('isApproverOf', () => {
  it('should name the members of the step role as approvers', () => {
    expect(isApproverOf(brandStep, { id: 'someone', role: 'reviewer' })).toBe(true);
    expect(isApproverOf(brandStep, { id: 'someone', role: 'social_lead' })).toBe(false);
  });

  it('should name the people a step lists when it has no role', () => {
    expect(isApproverOf(legalStep, { id: 'legal-id', role: 'reviewer' })).toBe(true);
    expect(isApproverOf(legalStep, { id: 'other-id', role: 'reviewer' })).toBe(false);
  });
});

describe('deliverableActions', () => {
  const inReview: DeliverableFacts = {
    status: 'in_review',
    briefStatus: 'in_progress',
    derivedFromId: null,
    currentStep: 1,
    hasVersion: true,
    steps: [brandStep, legalStep],
  };

  it('should let the approver of the current step decide when a version is in review', () => {
    expect(deliverableActions(inReview, { id: 'legal-id', role: 'reviewer' })).toContain('decide');
    expect(deliverableActions(inReview, { id: 'someone', role: 'reviewer' })).not.toContain('decide');
  });

  it('should offer no decision when the brief no longer runs', () => {
    const cancelled = { ...inReview, briefStatus: 'cancelled' as const };
    expect(deliverableActions(cancelled, { id: 'legal-id', role: 'reviewer' })).toEqual([]);
  });

  it('should let only the agency submit a version when the deliverable awaits one', () => {
    const awaiting = { ...inReview, status: 'changes_requested' as const, currentStep: null };
    expect(deliverableActions(awaiting, { id: 'a', role: 'agency_member' })).toEqual([
      'submit_version',
      'derive',
    ]);
    expect(deliverableActions(awaiting, { id: 'b', role: 'social_lead' })).toEqual(['derive']);
  });

  it('should offer publishing once approved and cut-downs only of a master asset', () => {
    const approved = { ...inReview, status: 'approved' as const, currentStep: null };
    expect(deliverableActions(approved, { id: 'l', role: 'social_lead' })).toEqual(['publish', 'derive']);
    const cutDown = { ...approved, derivedFromId: 'master-id' };
    expect(deliverableActions(cutDown, { id: 'l', role: 'social_lead' })).toEqual(['publish']);
    expect(deliverableActions(approved, { id: 'f', role: 'finance' })).toEqual([]);
  });
});

describe('who decides a review step (the web page shows what the API allows)', () => {
  const policy: ApprovalStepDto[] = [
    { name: 'Brand review', approverRole: 'social_lead', approverUserIds: [], slaHours: 24 },
    { name: 'Legal', approverRole: null, approverUserIds: ['user-legal'], slaHours: 48 },
  ];
  const review = (overrides: Partial<DeliverableFacts>): DeliverableFacts => ({
    status: 'in_review',
    briefStatus: 'in_progress',
    derivedFromId: null,
    currentStep: 0,
    hasVersion: true,
    steps: policy,
    ...overrides,
  });

  it('should let the named legal reviewer decide only at the legal step', () => {
    const legal = { id: 'user-legal', role: 'reviewer' as const };
    expect(deliverableActions(review({ currentStep: 0 }), legal)).not.toContain('decide');
    expect(deliverableActions(review({ currentStep: 1 }), legal)).toContain('decide');
  });

  it('should let nobody decide when the deliverable is not in review', () => {
    const lead = { id: 'user-2', role: 'social_lead' as const };
    expect(deliverableActions(review({ status: 'approved', currentStep: 0 }), lead)).not.toContain('decide');
  });
});
