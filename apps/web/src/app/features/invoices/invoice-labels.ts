import type { InvoiceAction, InvoiceStatus } from '@agency-portal/shared';
import type { StatusTone } from '../../shared/ui/status-chip';

export const INVOICE_STATUS_TONES: Record<InvoiceStatus, StatusTone> = {
  submitted: 'pending',
  approved: 'active',
  rejected: 'inactive',
  paid: 'neutral',
  withdrawn: 'inactive',
};

/** The button of each invoice action; the e2e journeys use these names. */
export const INVOICE_ACTION_LABELS: Record<InvoiceAction, string> = {
  approve: $localize`:Button — finance approves an invoice@@invoiceAction.approve:Approve`,
  reject: $localize`:Button — finance rejects an invoice@@invoiceAction.reject:Reject`,
  pay: $localize`:Button — finance records the payment of an invoice@@invoiceAction.pay:Mark paid`,
  withdraw: $localize`:Button — the agency takes back a submitted invoice@@invoiceAction.withdraw:Withdraw`,
};
