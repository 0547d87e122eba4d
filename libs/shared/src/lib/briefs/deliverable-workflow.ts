import { can } from '../auth/permissions';
import { isAgencyRole, type Role } from '../auth/roles';
import { isBriefRunning } from './brief-workflow';
import type {
  ApprovalStepDto,
  BriefStatus,
  Decision,
  DeliverableAction,
  DeliverableStatus,
} from './brief.types';

/**
 * The deliverable workflow as pure rules: versions, review decisions, publishing and cut-downs.
 * The API enforces them and answers, on a deliverable's detail, which of them the reader may take
 * (`allowedActions`); the web app shows those and nothing else.
 */
export function canSubmitVersion(status: DeliverableStatus, briefStatus: BriefStatus): boolean {
  return (status === 'draft' || status === 'changes_requested') && isBriefRunning(briefStatus);
}

/** What a decision does to a deliverable in review with `steps` steps at step `stepIndex`. */
export function applyDecision(
  stepIndex: number,
  steps: number,
  decision: Decision,
): { status: DeliverableStatus; nextStep: number | null } {
  if (decision === 'reject') return { status: 'rejected', nextStep: null };
  if (decision === 'request_changes') return { status: 'changes_requested', nextStep: null };
  const last = stepIndex >= steps - 1;
  return last ? { status: 'approved', nextStep: null } : { status: 'in_review', nextStep: stepIndex + 1 };
}

export function commentRequired(decision: Decision): boolean {
  return decision !== 'approve';
}

export function canPublish(status: DeliverableStatus): boolean {
  return status === 'approved';
}

/** Who may decide a step: members of its approver role, and the people it names. */
export function isApproverOf(step: ApprovalStepDto, person: { id: string; role: Role }): boolean {
  return (
    (step.approverRole !== null && step.approverRole === person.role) ||
    step.approverUserIds.includes(person.id)
  );
}

/** What the actions depend on: the deliverable, its brief's status and the steps of its review. */
export interface DeliverableFacts {
  status: DeliverableStatus;
  briefStatus: BriefStatus;
  derivedFromId: string | null;
  currentStep: number | null;
  hasVersion: boolean;
  steps: readonly ApprovalStepDto[];
}

/**
 * The actions a person may take on a deliverable now:
 * - `submit_version`: the agency, while the deliverable awaits a version and its brief runs;
 * - `decide`: an approver of the current step, while a version is in review and the brief runs;
 * - `publish`: once approved;
 * - `derive`: a cut-down of a master asset (not of a cut-down) while the brief runs.
 */
export function deliverableActions(
  deliverable: DeliverableFacts,
  person: { id: string; role: Role },
): DeliverableAction[] {
  const running = isBriefRunning(deliverable.briefStatus);
  const step = deliverable.currentStep === null ? undefined : deliverable.steps[deliverable.currentStep];
  const allowed: Record<DeliverableAction, boolean> = {
    submit_version:
      can(person.role, 'deliverable:upload') &&
      isAgencyRole(person.role) &&
      canSubmitVersion(deliverable.status, deliverable.briefStatus),
    decide:
      can(person.role, 'deliverable:review') &&
      deliverable.status === 'in_review' &&
      running &&
      deliverable.hasVersion &&
      step !== undefined &&
      isApproverOf(step, person),
    publish: can(person.role, 'deliverable:publish') && canPublish(deliverable.status),
    derive: can(person.role, 'deliverable:derive') && deliverable.derivedFromId === null && running,
  };
  return (Object.keys(allowed) as DeliverableAction[]).filter((action) => allowed[action]);
}
