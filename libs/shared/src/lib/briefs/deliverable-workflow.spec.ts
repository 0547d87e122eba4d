import type { ApprovalStepDto } from './brief.types';
import {
  applyDecision,
  canSubmitVersion,
  deliverableActions,
  isApproverOf,
  stepRefusal,
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
  contractOwner: false,
  allowEarlierApprovers: false,
  slaHours: 24,
};
const legalStep: ApprovalStepDto = {
  name: 'Legal',
  approverRole: null,
  approverUserIds: ['legal-id'],
  contractOwner: false,
  allowEarlierApprovers: false,
  slaHours: 48,
};
const ownerStep: ApprovalStepDto = {
  name: 'Lead review',
  approverRole: null,
  approverUserIds: [],
  contractOwner: true,
  allowEarlierApprovers: false,
  slaHours: 24,
};

describe('isApproverOf', () => {
  it('should name the members of the step role as approvers', () => {
    expect(isApproverOf(brandStep, { id: 'someone', role: 'reviewer' }, null)).toBe(true);
    expect(isApproverOf(brandStep, { id: 'someone', role: 'social_lead' }, null)).toBe(false);
  });

  it('should name the people a step lists when it has no role', () => {
    expect(isApproverOf(legalStep, { id: 'legal-id', role: 'reviewer' }, null)).toBe(true);
    expect(isApproverOf(legalStep, { id: 'other-id', role: 'reviewer' }, null)).toBe(false);
  });

  it("should name only the contract's owner when the step is the owner's, not every social lead", () => {
    expect(isApproverOf(ownerStep, { id: 'lead-id', role: 'social_lead' }, 'lead-id')).toBe(true);
    expect(isApproverOf(ownerStep, { id: 'other-lead', role: 'social_lead' }, 'lead-id')).toBe(false);
    expect(isApproverOf(ownerStep, { id: 'lead-id', role: 'social_lead' }, null)).toBe(false);
  });
});

describe('stepRefusal (one person, one step of a version)', () => {
  // The legal reviewer is a reviewer too, so the brand step names them by role.
  const steps = [brandStep, legalStep];
  const legal = { id: 'legal-id', role: 'reviewer' as const };
  const review = (decisions: { stepIndex: number; approverId: string }[]) => ({
    contractOwnerId: 'lead-id',
    decisions,
  });

  it('should refuse the legal step when the same person approved the brand step of the version', () => {
    expect(stepRefusal(steps, 1, legal, review([{ stepIndex: 0, approverId: 'legal-id' }]))).toBe(
      'decided_earlier_step',
    );
  });

  it('should allow the legal step when someone else approved the brand step', () => {
    expect(stepRefusal(steps, 1, legal, review([{ stepIndex: 0, approverId: 'brand-id' }]))).toBeNull();
  });

  it('should allow it when the step allows someone who decided an earlier one', () => {
    const lenient = [brandStep, { ...legalStep, allowEarlierApprovers: true }];
    expect(stepRefusal(lenient, 1, legal, review([{ stepIndex: 0, approverId: 'legal-id' }]))).toBeNull();
  });

  it('should say not_approver before anything else when the person is no approver of the step', () => {
    const brand = { id: 'brand-id', role: 'social_lead' as const };
    expect(stepRefusal(steps, 1, brand, review([]))).toBe('not_approver');
    expect(stepRefusal(steps, 5, legal, review([]))).toBe('not_approver');
  });

  it('should offer no decision to whoever decided an earlier step of the version', () => {
    const facts: DeliverableFacts = {
      status: 'in_review',
      briefStatus: 'in_progress',
      derivedFromId: null,
      currentStep: 1,
      hasVersion: true,
      steps,
      ...review([{ stepIndex: 0, approverId: 'legal-id' }]),
    };
    expect(deliverableActions(facts, legal)).not.toContain('decide');
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
    contractOwnerId: 'lead-id',
    decisions: [],
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
    { ...brandStep, name: 'Brand review', approverRole: 'social_lead' },
    { ...legalStep, approverUserIds: ['user-legal'] },
  ];
  const review = (overrides: Partial<DeliverableFacts>): DeliverableFacts => ({
    status: 'in_review',
    briefStatus: 'in_progress',
    derivedFromId: null,
    currentStep: 0,
    hasVersion: true,
    steps: policy,
    contractOwnerId: 'user-2',
    decisions: [],
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
