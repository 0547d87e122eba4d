import type { AppliedPolicyDto, ApprovalStepDto, InvoiceChecks, InvoiceStatus } from '@agency-portal/shared';
import { approvalsRequired, invoiceTotals } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { Brief } from '../briefs/brief.entity';
import { type Contract, RateCardItem } from '../contracts/contract.entity';
import { Deliverable } from '../deliverables/deliverable.entity';
import type { FileStorage } from '../files/file-storage';
import { Invoice, InvoiceApproval, InvoiceLine } from '../invoices/invoice.entity';
import { recordGoalTotals } from '../invoices/invoice-goal-totals';
import { ApprovalPolicy } from '../approval-policies/approval-policy.entity';
import { User } from '../users/user.entity';
import { storeDemoFile } from './demo-files';
import { demoPdf } from './demo-pdf';
import { brief, decide, review, version } from './demo-review-builders';
import { recordSeedEvent } from './seed-audit';

export const DAY = 24 * 3600 * 1000;

export interface DemoLine {
  code: string;
  quantity?: number;
  /** A deliverable of the finished brief, by index; required for deliverable items. */
  deliverable?: number;
  /** A price other than the rate card's: flagged for finance. */
  unitPriceMinor?: number;
}

export interface DemoInvoice {
  number: string;
  issuedDaysAgo: number;
  dueInDays: number;
  status: InvoiceStatus;
  lines: DemoLine[];
  approvers?: User[];
  rejection?: string;
  payment?: { daysAgo: number; reference: string };
}

export interface Cast {
  lead: User;
  reviewer: User;
  legal: User;
  finance: User;
  finance2: User;
}

/** The demo's in-house people who review work and decide invoices. */
export async function demoCast(manager: EntityManager): Promise<Cast> {
  const user = (email: string) => manager.findOneByOrFail(User, { email });
  return {
    lead: await user('lead@demo.local'),
    reviewer: await user('reviewer@demo.local'),
    legal: await user('legal@demo.local'),
    finance: await user('finance@demo.local'),
    finance2: await user('finance2@demo.local'),
  };
}

/** The policy the CoE template gives (the one demo-reviews seeds), as a review snapshot. */
export async function appliedPolicy(manager: EntityManager): Promise<AppliedPolicyDto> {
  const template = await manager.findOneByOrFail(ApprovalPolicy, { name: 'Lead, brand and legal review' });
  return {
    source: 'coe_template',
    explanation: 'Inherited from the centre-of-excellence template.',
    policyId: template.id,
    name: template.name,
    steps: template.steps,
  };
}

/** Who of the cast decides a step: the lead owns the demo contracts, named people decide their own. */
export function deciderOf(step: ApprovalStepDto, cast: Cast): User {
  if (step.contractOwner) return cast.lead;
  if (step.approverUserIds.includes(cast.legal.id)) return cast.legal;
  return cast.reviewer;
}

/** A brief whose deliverables were each submitted once, approved at every step and published: done work. */
export async function finishedWork(
  manager: EntityManager,
  storage: FileStorage,
  written: string[],
  cast: Cast,
  contract: Contract,
  agencyUser: User,
  policy: AppliedPolicyDto,
  ago: (days: number) => Date,
  seed: Parameters<typeof brief>[4],
): Promise<Deliverable[]> {
  const made = await brief(manager, cast.lead, contract, 'in_progress', seed);
  for (const [index, deliverable] of made.deliverables.entries()) {
    const submitted = ago(60 - index);
    const { version: first } = await version(
      manager,
      storage,
      written,
      deliverable,
      agencyUser,
      1,
      submitted,
      seed.keyMessages[0] ?? '',
      [40 + index * 20, 90, 150],
      [200, 170 - index * 10, 120],
    );
    for (const [step, rule] of policy.steps.entries()) {
      const at = ago(59 - index - step * 0.5);
      await decide(manager, first, step, rule.name, deciderOf(rule, cast), 'approve', null, at);
    }
    await review(manager, deliverable, first, 'approved', null, null, policy);
    if (index % 2 === 0) {
      await manager.update(
        Deliverable,
        { id: deliverable.id },
        {
          status: 'published',
          postUrl: `https://www.instagram.com/p/demo${index}/`,
          publishedAt: ago(50 - index),
        },
      );
    }
  }
  await manager.update(Brief, { id: made.brief.id }, { status: 'completed' });
  return made.deliverables;
}

export async function demoInvoice(
  manager: EntityManager,
  storage: FileStorage,
  written: string[],
  input: {
    contract: Contract;
    agencyUser: User;
    work: Deliverable[];
    seed: DemoInvoice;
    thresholds: Readonly<Record<string, number>>;
    now: Date;
  },
): Promise<void> {
  const { contract, agencyUser, work, seed, now } = input;
  const items = await manager.find(RateCardItem, { where: { contractId: contract.id } });
  const goals: { goal_id: string }[] = await manager.query(
    'SELECT goal_id FROM contract_goals WHERE contract_id = $1 ORDER BY percent DESC, goal_id',
    [contract.id],
  );
  const lines = seed.lines.map((line) => {
    const item = items.find((candidate) => candidate.code === line.code);
    if (!item) throw new Error(`demo rate card item ${line.code} missing`);
    return {
      item,
      quantity: line.quantity ?? 1,
      unitPriceMinor: line.unitPriceMinor ?? item.unitPriceMinor,
      deliverable: line.deliverable === undefined ? null : (work[line.deliverable] ?? null),
    };
  });
  const totals = invoiceTotals(lines, contract.taxRateBp);
  const issued = new Date(now.getTime() - seed.issuedDaysAgo * DAY);
  const issueDate = issued.toISOString().slice(0, 10);
  const dueDate = new Date(issued.getTime() + (seed.issuedDaysAgo + seed.dueInDays) * DAY)
    .toISOString()
    .slice(0, 10);
  const document = await storeDemoFile(manager, storage, written, {
    key: `invoices/demo-${seed.number.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.pdf`,
    fileName: `${seed.number}.pdf`,
    contentType: 'application/pdf',
    bytes: demoPdf([`Invoice ${seed.number}`, contract.reference, `Issued ${issueDate}, due ${dueDate}`]),
    uploadedBy: agencyUser.id,
  });
  const checks: InvoiceChecks = {
    overBudget: null,
    priceDeviations: lines.filter((line) => line.unitPriceMinor !== line.item.unitPriceMinor).length,
    quantityBeyondSpec: 0,
  };
  const decidedAt = new Date(issued.getTime() + 2 * DAY);
  const invoice = await manager.save(
    manager.create(Invoice, {
      agencyId: contract.agencyId,
      contractId: contract.id,
      number: seed.number,
      issueDate,
      dueDate,
      currency: contract.currency,
      netMinor: totals.netMinor,
      taxRateBp: contract.taxRateBp,
      taxMinor: totals.taxMinor,
      grossMinor: totals.grossMinor,
      status: seed.status,
      version: (seed.approvers?.length ?? 0) + (seed.status === 'paid' ? 1 : 0) + (seed.rejection ? 1 : 0),
      approvalsRequired: approvalsRequired(totals.grossMinor, input.thresholds[contract.currency]),
      documentId: document.id,
      notes: '',
      checks,
      submittedBy: agencyUser.id,
      submittedAt: issued,
      approvedAt: ['approved', 'paid'].includes(seed.status) ? decidedAt : null,
      rejectedBy: seed.rejection ? (seed.approvers?.[0]?.id ?? null) : null,
      rejectedAt: seed.rejection ? decidedAt : null,
      rejectionReason: seed.rejection ?? null,
      paidBy: seed.payment ? (seed.approvers?.[0]?.id ?? null) : null,
      paidAt: seed.payment ? new Date(now.getTime() - seed.payment.daysAgo * DAY) : null,
      paymentDate: seed.payment
        ? new Date(now.getTime() - seed.payment.daysAgo * DAY).toISOString().slice(0, 10)
        : null,
      paymentReference: seed.payment?.reference ?? null,
      withdrawnBy: seed.status === 'withdrawn' ? agencyUser.id : null,
      withdrawnAt: seed.status === 'withdrawn' ? decidedAt : null,
    }),
  );
  if (seed.rejection && !invoice.rejectedBy) {
    const finance = await manager.findOneByOrFail(User, { email: 'finance@demo.local' });
    await manager.update(Invoice, { id: invoice.id }, { rejectedBy: finance.id });
  }
  const live = !['rejected', 'withdrawn'].includes(seed.status);
  await manager.insert(
    InvoiceLine,
    lines.map((line, position) => ({
      invoiceId: invoice.id,
      position,
      rateCardItemId: line.item.id,
      itemCode: line.item.code,
      description: line.item.description,
      unit: line.item.unit,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      rateCardPriceMinor: line.item.unitPriceMinor,
      amountMinor: totals.lineAmountsMinor[position] ?? 0,
      deliverableId: line.deliverable?.id ?? null,
      goalId: goals[0]?.goal_id ?? '',
      specQuantity: null,
      billedSpecQuantity: null,
    })),
  );
  await recordGoalTotals(manager, invoice.id);
  // Closed invoices release their deliverables (the trigger does this when a status changes).
  if (!live) await manager.query('UPDATE invoice_lines SET live = false WHERE invoice_id = $1', [invoice.id]);
  for (const [index, approver] of (seed.approvers ?? []).entries()) {
    if (seed.rejection) break;
    await manager.insert(InvoiceApproval, {
      invoiceId: invoice.id,
      approverId: approver.id,
      approvedAt: new Date(decidedAt.getTime() + index * 3600 * 1000),
    });
  }
  await recordSeedEvent(manager, 'invoice.submitted', 'invoice', invoice.id, {
    number: invoice.number,
    status: invoice.status,
    grossMinor: invoice.grossMinor,
    currency: invoice.currency,
  });
}
