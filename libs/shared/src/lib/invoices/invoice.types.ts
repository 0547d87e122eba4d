import type { ListQuery, Page } from '../common/page';
import type { RateUnit } from '../contracts/contract.types';
import type { UserRef } from '../organisation/organisation.types';

/**
 * submitted → approved | rejected → paid (approved only); the agency may withdraw a submitted one.
 * Rejected and withdrawn invoices are closed: their deliverables may be billed again.
 */
export const INVOICE_STATUSES = ['submitted', 'approved', 'rejected', 'paid', 'withdrawn'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Invoices that count against the budget and hold their deliverables. */
export const LIVE_INVOICE_STATUSES: readonly InvoiceStatus[] = ['submitted', 'approved', 'paid'];

/** Longest invoice accepted, in lines (a pay-on-approval draft proposes at most this many). */
export const MAX_INVOICE_LINES = 200;
export const INVOICE_NUMBER_MAX_LENGTH = 60;
/** The Idempotency-Key header: 1–200 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** Keys are kept at least this long (the sweep removes older ones). */
export const IDEMPOTENCY_KEY_MIN_HOURS = 24;

export interface InvoiceLineInput {
  /** A rate card item of the invoice's contract. */
  rateCardItemId: string;
  /** Whole for deliverables; hours and months to two decimals. */
  quantity: number;
  /** Minor units; the rate card's price when omitted (a different one is flagged for finance). */
  unitPriceMinor?: number;
  /** The approved deliverable billed: required for deliverable items, optional for hours and months. */
  deliverableId?: string | null;
  /** A goal the contract serves; by default the deliverable's brief's (else the contract's largest allocation). */
  goalId?: string | null;
  description?: string;
}

export interface SubmitInvoiceRequest {
  contractId: string;
  /** The agency's own invoice number, unique per agency. */
  number: string;
  issueDate: string;
  dueDate: string;
  /** Must be the contract's currency. */
  currency: string;
  /** The agency's PDF, uploaded first with POST /api/invoices/documents. */
  documentId: string;
  notes?: string;
  lines: InvoiceLineInput[];
}

export interface InvoiceDraftRequest {
  contractId: string;
  /** Only these approved, unbilled deliverables; all of them (up to MAX_INVOICE_LINES) when omitted. */
  deliverableIds?: string[];
}

/** What finance sees flagged on a line. */
export interface InvoiceLineChecks {
  /** The unit price differs from the rate card's; the difference per unit in minor units. */
  priceDeviationMinor: number | null;
  /** Billed quantity of the brief's spec (this line included) beyond what the brief specified. */
  quantityBeyondSpec: { specified: number; billed: number } | null;
}

export interface InvoiceLineDto {
  id: string;
  position: number;
  rateCardItemId: string | null;
  itemCode: string;
  description: string;
  unit: RateUnit;
  quantity: number;
  unitPriceMinor: number;
  rateCardPriceMinor: number;
  amountMinor: number;
  deliverableId: string | null;
  deliverableTitle: string | null;
  briefId: string | null;
  goalId: string;
  goalName: string;
  checks: InvoiceLineChecks;
}

/** Checks shown to finance with the invoice, worked out when it was submitted. */
export interface InvoiceChecks {
  /** The net was more than the contract's remaining budget at submission. */
  overBudget: { remainingMinor: number; netMinor: number } | null;
  priceDeviations: number;
  quantityBeyondSpec: number;
}

export interface InvoiceApprovalDto {
  by: UserRef;
  at: string;
}

export interface InvoiceDto {
  id: string;
  agencyId: string;
  agencyName: string;
  contractId: string;
  contractReference: string;
  businessUnitId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  netMinor: number;
  taxRateBp: number;
  taxMinor: number;
  grossMinor: number;
  status: InvoiceStatus;
  /** Finance approvals needed (2 above the currency's threshold) and given so far. */
  approvalsRequired: number;
  approvalCount: number;
  /** Approved, unpaid and past its due date (today, UTC). */
  overdue: boolean;
  checks: InvoiceChecks;
  submittedBy: UserRef;
  submittedAt: string;
  rejectionReason: string | null;
  paymentDate: string | null;
  paymentReference: string | null;
  /** Increases with every change: the state a decision was taken on. */
  version: number;
  updatedAt: string;
}

export interface InvoiceDocumentDto {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export type InvoiceAction = 'approve' | 'reject' | 'pay' | 'withdraw';

export interface InvoiceDetailDto extends InvoiceDto {
  notes: string;
  document: InvoiceDocumentDto;
  lines: InvoiceLineDto[];
  approvals: InvoiceApprovalDto[];
  rejectedBy: UserRef | null;
  paidBy: UserRef | null;
  withdrawnBy: UserRef | null;
  /** What the caller may do now (computed by the server with canDoInvoiceAction and the four-eyes rule). */
  allowedActions: InvoiceAction[];
}

export interface InvoiceDraftLineDto {
  rateCardItemId: string;
  itemCode: string;
  description: string;
  unit: RateUnit;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
  deliverableId: string;
  deliverableTitle: string;
  briefId: string;
  goalId: string;
  goalName: string;
}

/** A proposed invoice (nothing is stored): edit it and submit it with POST /api/invoices. */
export interface InvoiceDraftDto {
  contractId: string;
  contractReference: string;
  currency: string;
  taxRateBp: number;
  lines: InvoiceDraftLineDto[];
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
  /** Approved, unbilled deliverables left out because an invoice holds at most MAX_INVOICE_LINES lines. */
  remainingDeliverables: number;
}

export interface RejectInvoiceRequest {
  reason: string;
}

export interface PayInvoiceRequest {
  paymentDate: string;
  reference: string;
}

export const INVOICE_SORT_KEYS = ['submittedAt', 'dueDate', 'issueDate', 'number'] as const;
export type InvoiceSortKey = (typeof INVOICE_SORT_KEYS)[number];

/** `GET /api/invoices`: `q` searches the invoice number. */
export interface InvoiceListQuery extends ListQuery {
  status?: InvoiceStatus;
  agencyId?: string;
  contractId?: string;
  currency?: string;
  /** Due on or after / on or before. */
  dueFrom?: string;
  dueTo?: string;
  /** Approved, unpaid and past due. */
  overdue?: boolean;
}

/** What waits for finance (`GET /api/invoices/finance-queue?queue=`). */
export const FINANCE_QUEUES = ['to_decide', 'awaiting_payment', 'overdue'] as const;
export type FinanceQueue = (typeof FINANCE_QUEUES)[number];

export interface FinanceQueueQuery extends ListQuery {
  queue: FinanceQueue;
}

export interface FinanceQueueCountsDto {
  toDecide: number;
  awaitingPayment: number;
  overdue: number;
}

export type InvoicePage = Page<InvoiceDto>;
