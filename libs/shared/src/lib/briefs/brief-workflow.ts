import type { Role } from '../auth/roles';
import { BRIEF_STATUSES, type BriefStatus, type Decision, type DeliverableStatus } from './brief.types';

/**
 * Brief and deliverable workflows as pure rules: which action in which state by which side.
 * The API enforces them; the web app shows only the actions they allow.
 */
export type BriefAction = 'edit' | 'send' | 'accept' | 'decline' | 'cancel' | 'complete' | 'override_budget';
export type Side = 'brand' | 'agency';

const BRIEF_RULES: Record<BriefAction, { from: readonly BriefStatus[]; side: Side }> = {
  edit: { from: ['draft'], side: 'brand' },
  override_budget: { from: ['draft', 'sent'], side: 'brand' },
  send: { from: ['draft'], side: 'brand' },
  accept: { from: ['sent'], side: 'agency' },
  decline: { from: ['sent'], side: 'agency' },
  cancel: { from: ['draft', 'sent', 'accepted', 'in_progress'], side: 'brand' },
  complete: { from: ['accepted', 'in_progress'], side: 'brand' },
};

export function sideOf(role: Role): Side | null {
  if (role === 'agency_admin' || role === 'agency_member') return 'agency';
  if (role === 'admin' || role === 'social_lead') return 'brand';
  return null;
}

export function canDoBriefAction(status: BriefStatus, action: BriefAction, role: Role): boolean {
  const rule = BRIEF_RULES[action];
  return rule.from.includes(status) && sideOf(role) === rule.side;
}

export function briefActions(status: BriefStatus, role: Role): BriefAction[] {
  return (Object.keys(BRIEF_RULES) as BriefAction[]).filter((action) =>
    canDoBriefAction(status, action, role),
  );
}

/** Agencies see briefs once they are sent to them. */
export function isBriefVisibleToAgency(status: BriefStatus): boolean {
  return status !== 'draft';
}

/** Brief states whose estimate is committed against the contract's budget (the ledger's "committed"). */
export const COMMITTING_BRIEF_STATUSES: readonly BriefStatus[] = ['accepted', 'in_progress', 'completed'];

/** Whether a brief in this state commits its estimate. */
export function commitsBudget(status: BriefStatus): boolean {
  return COMMITTING_BRIEF_STATUSES.includes(status);
}

/** Whether accepting a brief of this estimate keeps the contract within its cap. */
export function fitsBudget(capMinor: number, committedMinor: number, estimateMinor: number): boolean {
  return committedMinor + estimateMinor <= capMinor;
}

// Deliverables ------------------------------------------------------------------------------

export function canSubmitVersion(status: DeliverableStatus, briefStatus: BriefStatus): boolean {
  return (
    (status === 'draft' || status === 'changes_requested') &&
    (briefStatus === 'accepted' || briefStatus === 'in_progress')
  );
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

/** The brief statuses an agency sees (for the API's SQL scope; `isBriefVisibleToAgency` decides). */
export const BRIEF_STATUSES_VISIBLE_TO_AGENCY: readonly BriefStatus[] =
  BRIEF_STATUSES.filter(isBriefVisibleToAgency);
