import type {
  InvoiceAction,
  InvoiceDetailDto,
  InvoiceDto,
  InvoiceLineDto,
  UserRef,
} from '@agency-portal/shared';
import { isInvoiceOverdue } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import { todayIso } from '../common/http/validators';
import type { User } from '../users/user.entity';
import type { Invoice, InvoiceApproval, InvoiceLine } from './invoice.entity';
import { pick } from '../common/pick';

function person(user: Pick<User, 'id' | 'name' | 'email'> | null | undefined, id: string): UserRef {
  return { id, name: user?.name ?? '', email: user?.email ?? '' };
}

function personOrNull(user: User | null | undefined, id: string | null): UserRef | null {
  return id ? person(user, id) : null;
}

/** What an invoice's answer and its audit snapshot both copy as it is. */
const INVOICE_TERMS = [
  'agencyId',
  'contractId',
  'number',
  'issueDate',
  'dueDate',
  'currency',
  'netMinor',
  'taxRateBp',
  'taxMinor',
  'grossMinor',
  'status',
  'approvalsRequired',
] as const;

export function toInvoiceDto(invoice: Invoice, approvalCount: number, today = todayIso()): InvoiceDto {
  return {
    id: invoice.id,
    ...pick(invoice, INVOICE_TERMS),
    agencyName: invoice.agency?.name ?? '',
    contractReference: invoice.contract?.reference ?? '',
    businessUnitId: invoice.contract?.businessUnitId ?? '',
    approvalCount,
    overdue: isInvoiceOverdue(invoice.status, invoice.dueDate, today),
    checks: {
      overBudget: invoice.checks.overBudget ?? null,
      priceDeviations: invoice.checks.priceDeviations ?? 0,
      quantityBeyondSpec: invoice.checks.quantityBeyondSpec ?? 0,
    },
    submittedBy: person(invoice.submitter, invoice.submittedBy),
    submittedAt: invoice.submittedAt.toISOString(),
    rejectionReason: invoice.rejectionReason,
    paymentDate: invoice.paymentDate,
    paymentReference: invoice.paymentReference,
    version: invoice.version,
    updatedAt: invoice.updatedAt.toISOString(),
  };
}

export function toInvoiceLineDto(line: InvoiceLine, briefId: string | null): InvoiceLineDto {
  const beyond =
    line.specQuantity !== null &&
    line.billedSpecQuantity !== null &&
    line.billedSpecQuantity > line.specQuantity;
  return {
    id: line.id,
    position: line.position,
    rateCardItemId: line.rateCardItemId,
    itemCode: line.itemCode,
    description: line.description,
    unit: line.unit,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    rateCardPriceMinor: line.rateCardPriceMinor,
    amountMinor: line.amountMinor,
    deliverableId: line.deliverableId,
    deliverableTitle: line.deliverable?.title ?? null,
    briefId,
    goalId: line.goalId,
    goalName: line.goal?.name ?? '',
    checks: {
      priceDeviationMinor:
        line.unitPriceMinor !== line.rateCardPriceMinor
          ? line.unitPriceMinor - line.rateCardPriceMinor
          : null,
      quantityBeyondSpec: beyond
        ? { specified: line.specQuantity as number, billed: line.billedSpecQuantity as number }
        : null,
    },
  };
}

export function toInvoiceDetailDto(
  invoice: Invoice,
  lines: InvoiceLine[],
  approvals: InvoiceApproval[],
  allowedActions: InvoiceAction[],
): InvoiceDetailDto {
  const document = invoice.document;
  return {
    ...toInvoiceDto(invoice, approvals.length),
    notes: invoice.notes,
    document: {
      id: invoice.documentId,
      fileName: document?.originalName ?? '',
      sizeBytes: document?.sizeBytes ?? 0,
      sha256: document?.sha256 ?? '',
      uploadedAt: document?.createdAt.toISOString() ?? '',
    },
    lines: lines.map((line) => toInvoiceLineDto(line, line.deliverable?.briefId ?? null)),
    approvals: approvals.map((approval) => ({
      by: person(approval.approver, approval.approverId),
      at: approval.approvedAt.toISOString(),
    })),
    rejectedBy: personOrNull(invoice.rejecter, invoice.rejectedBy),
    paidBy: personOrNull(invoice.payer, invoice.paidBy),
    withdrawnBy: personOrNull(invoice.withdrawer, invoice.withdrawnBy),
    allowedActions,
  };
}

/** The audited facts of an invoice. */
export function invoiceSnapshot(invoice: Invoice): AuditSnapshot {
  return {
    ...pick(invoice, INVOICE_TERMS),
    version: invoice.version,
    documentId: invoice.documentId,
    rejectionReason: invoice.rejectionReason,
    paymentDate: invoice.paymentDate,
    paymentReference: invoice.paymentReference,
  };
}

export function lineSnapshot(line: InvoiceLine): AuditSnapshot {
  return {
    itemCode: line.itemCode,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    rateCardPriceMinor: line.rateCardPriceMinor,
    amountMinor: line.amountMinor,
    deliverableId: line.deliverableId,
    goalId: line.goalId,
  };
}
