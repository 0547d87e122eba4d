import {
  applyDecision,
  briefActions,
  canDoBriefAction,
  canSubmitVersion,
  fitsBudget,
} from './brief-workflow';

describe('brief workflow', () => {
  it('should let the brand send a draft and the agency answer a sent brief', () => {
    expect(canDoBriefAction('draft', 'send', 'social_lead')).toBe(true);
    expect(canDoBriefAction('draft', 'send', 'agency_admin')).toBe(false);
    expect(canDoBriefAction('sent', 'accept', 'agency_member')).toBe(true);
    expect(canDoBriefAction('sent', 'accept', 'social_lead')).toBe(false);
    expect(canDoBriefAction('accepted', 'decline', 'agency_member')).toBe(false);
  });

  it('should give reviewers and finance no brief actions', () => {
    expect(briefActions('sent', 'reviewer')).toEqual([]);
    expect(briefActions('draft', 'finance')).toEqual([]);
  });

  it('should keep a brief inside the cap only when committed plus estimate fits', () => {
    expect(fitsBudget(1000, 600, 400)).toBe(true);
    expect(fitsBudget(1000, 600, 401)).toBe(false);
  });
});

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
