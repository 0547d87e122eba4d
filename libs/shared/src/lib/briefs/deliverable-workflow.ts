import { can } from '../auth/permissions';
import { isAgencyRole, type Role } from '../auth/roles';
import { isBriefRunning } from './brief-workflow';
import type {
  ApprovalStepDto,
  ApprovalStepInput,
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

/**
 * A step with every option said: what a policy stores and answers. Steps stored before an option
 * existed, or set without it, leave it off (false).
 */
export function approvalStep(step: ApprovalStepInput): ApprovalStepDto {
  return {
    name: step.name,
    approverRole: step.approverRole ?? null,
    approverUserIds: step.approverUserIds ?? [],
    contractOwner: step.contractOwner ?? false,
    allowEarlierApprovers: step.allowEarlierApprovers ?? false,
    slaHours: step.slaHours,
  };
}

/** A person as the review rules see them. */
export interface Person {
  id: string;
  role: Role;
}

/** A decision already taken on the version under review: which step, by whom. */
export interface StepDecision {
  stepIndex: number;
  approverId: string;
}

/**
 * Who may decide a step: members of its approver role, the people it names, and the contract's
 * owner when the step says so.
 */
export function isApproverOf(step: ApprovalStepDto, person: Person, contractOwnerId: string | null): boolean {
  return (
    (step.approverRole !== null && step.approverRole === person.role) ||
    step.approverUserIds.includes(person.id) ||
    (step.contractOwner && contractOwnerId !== null && contractOwnerId === person.id)
  );
}

/** Why a person may not decide a step of the version under review, or null when they may. */
export type StepRefusal = 'not_approver' | 'decided_earlier_step';

/**
 * A person decides at most one step of a version: whoever decided an earlier step of it may not
 * decide step `stepIndex` as well, unless that step allows earlier approvers. `decisions` are the
 * decisions taken on the version so far.
 */
export function stepRefusal(
  steps: readonly ApprovalStepDto[],
  stepIndex: number,
  person: Person,
  review: { contractOwnerId: string | null; decisions: readonly StepDecision[] },
): StepRefusal | null {
  const step = steps[stepIndex];
  if (!step || !isApproverOf(step, person, review.contractOwnerId)) return 'not_approver';
  const decidedEarlier = review.decisions.some(
    (decision) => decision.approverId === person.id && decision.stepIndex !== stepIndex,
  );
  return decidedEarlier && !step.allowEarlierApprovers ? 'decided_earlier_step' : null;
}

/** What the actions depend on: the deliverable, its brief's status and the steps of its review. */
export interface DeliverableFacts {
  status: DeliverableStatus;
  briefStatus: BriefStatus;
  derivedFromId: string | null;
  currentStep: number | null;
  hasVersion: boolean;
  steps: readonly ApprovalStepDto[];
  contractOwnerId: string | null;
  /** The decisions taken on the version under review. */
  decisions: readonly StepDecision[];
}

/**
 * The actions a person may take on a deliverable now:
 * - `submit_version`: the agency, while the deliverable awaits a version and its brief runs;
 * - `decide`: an approver of the current step who decided no earlier step of the version (unless
 *   the step allows it), while a version is in review and the brief runs;
 * - `publish`: once approved;
 * - `derive`: a cut-down of a master asset (not of a cut-down) while the brief runs.
 */
export function deliverableActions(deliverable: DeliverableFacts, person: Person): DeliverableAction[] {
  const running = isBriefRunning(deliverable.briefStatus);
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
      deliverable.currentStep !== null &&
      stepRefusal(deliverable.steps, deliverable.currentStep, person, deliverable) === null,
    publish: can(person.role, 'deliverable:publish') && canPublish(deliverable.status),
    derive: can(person.role, 'deliverable:derive') && deliverable.derivedFromId === null && running,
  };
  return (Object.keys(allowed) as DeliverableAction[]).filter((action) => allowed[action]);
}
