import { can } from '../auth/permissions';
import type { Role } from '../auth/roles';
import type { InvoiceAction, InvoiceStatus } from './invoice.types';

/**
 * The invoice workflow as pure rules, used by the API to enforce and by the web app to show the
 * actions that make sense: submitted → approved | rejected → paid; a submitted invoice may be
 * withdrawn by its agency. Finance decides; agencies submit and withdraw.
 */
const ACTIONS_BY_STATUS: Record<InvoiceStatus, readonly InvoiceAction[]> = {
  submitted: ['approve', 'reject', 'withdraw'],
  approved: ['pay'],
  rejected: [],
  paid: [],
  withdrawn: [],
};

const PERMISSION_OF = {
  approve: 'invoice:decide',
  reject: 'invoice:decide',
  pay: 'invoice:decide',
  withdraw: 'invoice:submit',
} as const;

export function canDoInvoiceAction(status: InvoiceStatus, action: InvoiceAction, role: Role): boolean {
  return ACTIONS_BY_STATUS[status].includes(action) && can(role, PERMISSION_OF[action]);
}

export function invoiceActions(status: InvoiceStatus, role: Role): InvoiceAction[] {
  return ACTIONS_BY_STATUS[status].filter((action) => can(role, PERMISSION_OF[action]));
}

/** Invoices whose gross exceeds the currency's threshold need two different finance approvers. */
export function approvalsRequired(grossMinor: number, thresholdMinor: number | undefined): 1 | 2 {
  return thresholdMinor !== undefined && grossMinor > thresholdMinor ? 2 : 1;
}

/**
 * The four-eyes rule: the submitter never approves, and nobody approves the same invoice twice
 * (so two approvals are always two people). Null when the actor may approve, else why not.
 */
export function approvalRefusal(
  actorId: string,
  invoice: { submittedBy: string; approverIds: readonly string[] },
): 'submitter' | 'already_approved' | null {
  if (actorId === invoice.submittedBy) return 'submitter';
  if (invoice.approverIds.includes(actorId)) return 'already_approved';
  return null;
}

/** Approved, unpaid and past its due date (ISO dates compare as text). */
export function isInvoiceOverdue(status: InvoiceStatus, dueDate: string, today: string): boolean {
  return status === 'approved' && dueDate < today;
}

/** The budget thresholds (percent of a contract's cap) that raise an event when crossed. */
export const BUDGET_THRESHOLDS = [80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

/** The thresholds `usedMinor` has reached on a cap (a cap of 0 is reached by any spend). */
export function reachedThresholds(usedMinor: number, capMinor: number): BudgetThreshold[] {
  return BUDGET_THRESHOLDS.filter((threshold) =>
    capMinor === 0 ? usedMinor > 0 : BigInt(usedMinor) * 100n >= BigInt(capMinor) * BigInt(threshold),
  );
}
