import { aDeliverable, aStep } from '../../testing/fixtures';
import { stepViews } from './review-steps';

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

  it('should say the current step is someone else’s when the reader decided an earlier step of the version', () => {
    const deliverable = aDeliverable({
      currentStep: 1,
      policy: {
        ...aDeliverable().policy,
        steps: [
          aStep({ name: 'Brand review', approverRole: 'reviewer' }),
          aStep({ name: 'Legal', approverUserIds: ['user-legal'] }),
        ],
      },
      decisions: [
        {
          id: 'd1',
          versionId: 'version-1',
          versionNumber: 1,
          stepIndex: 0,
          stepName: 'Brand review',
          approver: { id: 'user-legal', name: 'Lee Legal', email: 'lee@brand.test' },
          decision: 'approve',
          comment: null,
          decidedAt: '2026-03-06T09:00:00.000Z',
        },
      ],
    });

    const legal = stepViews(deliverable, { id: 'user-legal', role: 'reviewer' });
    const someoneElse = stepViews(deliverable, { id: 'user-9', role: 'reviewer' });

    expect(legal.map((view) => view.barredForReader)).toEqual([false, true]);
    expect(someoneElse.map((view) => view.barredForReader)).toEqual([false, false]);
  });
});
