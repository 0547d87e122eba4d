import { aDeliverable, aSessionUser } from '../../testing/fixtures';
import { mayDecide, stepViews } from './review-steps';

describe('review steps', () => {
  it('should mark earlier steps done and the current one awaiting when the version is in review at step 2', () => {
    const deliverable = aDeliverable({
      currentStep: 1,
      decisions: [
        {
          id: 'd1',
          versionId: 'version-1',
          versionNumber: 1,
          stepIndex: 0,
          stepName: 'Brand review',
          approver: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
          decision: 'approve',
          comment: null,
          decidedAt: '2026-03-06T09:00:00.000Z',
        },
      ],
    });

    expect(stepViews(deliverable).map((view) => view.state)).toEqual(['done', 'current']);
  });

  it('should show where changes were requested when a step asked for them', () => {
    const deliverable = aDeliverable({
      status: 'changes_requested',
      currentStep: null,
      decisions: [
        {
          id: 'd1',
          versionId: 'version-1',
          versionNumber: 1,
          stepIndex: 0,
          stepName: 'Brand review',
          approver: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
          decision: 'request_changes',
          comment: 'Larger logo.',
          decidedAt: '2026-03-06T09:00:00.000Z',
        },
      ],
    });

    expect(stepViews(deliverable).map((view) => view.state)).toEqual(['changes_requested', 'pending']);
  });

  it('should let the named legal reviewer decide only at the legal step', () => {
    const legal = aSessionUser({ id: 'user-legal', role: 'reviewer' });

    expect(mayDecide(aDeliverable({ currentStep: 0 }), legal)).toBe(false);
    expect(mayDecide(aDeliverable({ currentStep: 1 }), legal)).toBe(true);
  });

  it('should let nobody decide when the deliverable is not in review', () => {
    const lead = aSessionUser({ id: 'user-2', role: 'social_lead' });

    expect(mayDecide(aDeliverable({ status: 'approved', currentStep: 0 }), lead)).toBe(false);
  });
});
