import type { Role } from '../auth/roles';
import { BRIEF_STATUSES, type BriefAction, type BriefStatus } from './brief.types';

/**
 * Brief and deliverable workflows as pure rules: which action in which state by which side.
 * The API enforces them; the web app shows only the actions they allow.
 */
export type Side = 'brand' | 'agency';

const BRIEF_RULES: Record<BriefAction, { from: readonly BriefStatus[]; side: Side }> = {
  edit: { from: ['draft'], side: 'brand' },
  override_budget: { from: ['draft', 'sent'], side: 'brand' },
  send: { from: ['draft'], side: 'brand' },
  accept: { from: ['sent'], side: 'agency' },
  decline: { from: ['sent'], side: 'agency' },
  cancel: { from: ['draft', 'sent', 'accepted', 'in_progress'], side: 'brand' },
  complete: { from: BRIEF_STATUSES.filter(isBriefRunning), side: 'brand' },
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

/**
 * A running brief has been accepted and is not yet finished: its deliverables take versions, are
 * reviewed and can be cut down for other channels.
 */
export function isBriefRunning(status: BriefStatus): boolean {
  return status === 'accepted' || status === 'in_progress';
}

/** Statuses whose estimate is committed against the contract (the budget's "committed"). */
export const BUDGET_COMMITTING_BRIEF_STATUSES: readonly BriefStatus[] = [
  'accepted',
  'in_progress',
  'completed',
];

export function commitsBudget(status: BriefStatus): boolean {
  return BUDGET_COMMITTING_BRIEF_STATUSES.includes(status);
}

/** Statuses still waiting to be accepted: their estimate would be committed on acceptance. */
export function awaitsAcceptance(status: BriefStatus): boolean {
  return status === 'draft' || status === 'sent';
}

/** Whether accepting a brief of this estimate keeps the contract within its cap. */
export function fitsBudget(capMinor: number, committedMinor: number, estimateMinor: number): boolean {
  return committedMinor + estimateMinor <= capMinor;
}

/** The brief statuses an agency sees (for the API's SQL scope; `isBriefVisibleToAgency` decides). */
export const BRIEF_STATUSES_VISIBLE_TO_AGENCY: readonly BriefStatus[] =
  BRIEF_STATUSES.filter(isBriefVisibleToAgency);
