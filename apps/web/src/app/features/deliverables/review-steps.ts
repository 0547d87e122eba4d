import type { ApprovalStepDto, DeliverableDetailDto, Person } from '@agency-portal/shared';
import { stepRefusal } from '@agency-portal/shared';

export type StepState = 'done' | 'current' | 'pending' | 'changes_requested' | 'rejected';

export const STEP_STATE_LABELS: Record<StepState, string> = {
  done: $localize`:State of an approval step@@stepState.done:Done`,
  current: $localize`:State of an approval step@@stepState.current:Awaiting decision`,
  pending: $localize`:State of an approval step that comes later@@stepState.pending:Waiting`,
  changes_requested: $localize`:State of an approval step@@stepState.changes_requested:Changes requested`,
  rejected: $localize`:State of an approval step@@stepState.rejected:Rejected`,
};

export interface StepView {
  index: number;
  step: ApprovalStepDto;
  state: StepState;
  /**
   * The reader may decide this step by role or name but decided an earlier step of the version:
   * someone else decides it (the shared rule the API enforces).
   */
  barredForReader: boolean;
}

/**
 * Where the latest version stands at each approval step: done (approved), the current one awaiting
 * a decision, waiting, or where changes were requested or the work rejected; and whether the
 * reader is barred from the current one for having decided an earlier step.
 */
export function stepViews(deliverable: DeliverableDetailDto, reader: Person | null = null): StepView[] {
  const latest = deliverable.versions[0];
  const decisions = latest
    ? deliverable.decisions
        .filter((decision) => decision.versionId === latest.id)
        .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
    : [];
  const allApproved = deliverable.status === 'approved' || deliverable.status === 'published';
  return deliverable.policy.steps.map((step, index) => {
    const last = decisions.filter((decision) => decision.stepIndex === index).at(-1);
    let state: StepState = 'pending';
    if (allApproved || last?.decision === 'approve') {
      state = 'done';
    } else if (last?.decision === 'request_changes') {
      state = 'changes_requested';
    } else if (last?.decision === 'reject') {
      state = 'rejected';
    } else if (deliverable.status === 'in_review' && deliverable.currentStep === index) {
      state = 'current';
    }
    const barredForReader =
      state === 'current' &&
      reader !== null &&
      stepRefusal(deliverable.policy.steps, index, reader, {
        contractOwnerId: deliverable.contractOwner.id,
        decisions: decisions.map((decision) => ({
          stepIndex: decision.stepIndex,
          approverId: decision.approver.id,
        })),
      }) === 'decided_earlier_step';
    return { index, step, state, barredForReader };
  });
}
