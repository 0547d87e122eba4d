import type { ApiErrorBody, InvoiceDetailDto, InvoiceStatus } from '@agency-portal/shared';
import { INVOICE_STATUSES } from '@agency-portal/shared';
import { INVOICE_STATUS_LABELS } from '../../shared/i18n/labels';
import type { ConfirmDialogData } from '../../shared/ui/confirm-dialog';
import type { ReasonDialogData } from '../../shared/ui/reason-dialog';
import { INVOICE_ACTION_LABELS } from './invoice-labels';

type Invoice = Pick<InvoiceDetailDto, 'number' | 'approvalCount' | 'approvalsRequired' | 'agencyName'>;

/** What approving does, said before it is done: the first of two approvals, or the final one. */
export function approvalConfirmation(invoice: Invoice): ConfirmDialogData {
  const first = invoice.approvalsRequired > 1 && invoice.approvalCount + 1 < invoice.approvalsRequired;
  return {
    title: $localize`Approve invoice ${invoice.number}:number:?`,
    message: first
      ? $localize`This invoice needs two approvals from different finance people. Yours is the first: it counts as approved once a second approver agrees. Your approval cannot be taken back.`
      : $localize`The invoice counts as approved and waits for payment; ${invoice.agencyName}:agency: is told. This cannot be undone.`,
    confirmLabel: INVOICE_ACTION_LABELS.approve,
  };
}

export function rejectionPrompt(invoice: Invoice): ReasonDialogData {
  return {
    title: $localize`Reject invoice ${invoice.number}:number:?`,
    message: $localize`${invoice.agencyName}:agency: sees your reason. Its deliverables can be invoiced again. This cannot be undone.`,
    hint: $localize`Shown to the agency and recorded in the audit log.`,
    confirmLabel: INVOICE_ACTION_LABELS.reject,
    destructive: true,
  };
}

export function withdrawalConfirmation(invoice: Invoice): ConfirmDialogData {
  return {
    title: $localize`Withdraw invoice ${invoice.number}:number:?`,
    message: $localize`Finance no longer decides on it, and its deliverables can be invoiced again. A withdrawn invoice cannot be submitted again; submit a new one instead.`,
    confirmLabel: INVOICE_ACTION_LABELS.withdraw,
    destructive: true,
  };
}

/** The state the API reports with a lost race (409 conflict: `details.current`). */
export interface CurrentInvoiceState {
  status: InvoiceStatus;
  approvalCount: number;
  approvalsRequired: number;
}

export function conflictState(error: ApiErrorBody | null): CurrentInvoiceState | null {
  if (error?.code !== 'conflict') return null;
  const current = error.details?.['current'];
  if (typeof current !== 'object' || current === null) return null;
  const { status, approvalCount, approvalsRequired } = current as Record<string, unknown>;
  const known = INVOICE_STATUSES.find((candidate) => candidate === status);
  if (!known || typeof approvalCount !== 'number' || typeof approvalsRequired !== 'number') return null;
  return { status: known, approvalCount, approvalsRequired };
}

/** "Someone else decided first: this invoice is now Approved." (with the approvals while one is missing). */
export function conflictMessage(state: CurrentInvoiceState): string {
  const status = INVOICE_STATUS_LABELS[state.status];
  if (state.status === 'submitted' && state.approvalsRequired > 1) {
    return $localize`Someone else decided first: this invoice is now ${status}:status: with ${state.approvalCount}:count: of ${state.approvalsRequired}:required: approvals.`;
  }
  return $localize`Someone else decided first: this invoice is now ${status}:status:.`;
}
