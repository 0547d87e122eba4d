import type { InvoiceChecks, InvoiceStatus } from '@agency-portal/shared';
import { approvalsRequired, invoiceTotals, minorDigits, reachedThresholds } from '@agency-portal/shared';
import { parseThresholds } from '../../../../apps/api/src/app/config/money-thresholds';
import { type Loader, TableBuffer } from '../copy';
import {
  pickActive,
  type ContractPlan,
  type Currency,
  type DeliverableRecord,
  type RateItemPlan,
  type SeedContext,
  type UserPlan,
} from '../context';
import type { Random } from '../random';
import { TABLES } from '../tables';
import { type LineDraft, writeLines } from './invoice-lines';
import { addMonths, DAY, dayStart, HOUR, type Instant, isoDate, officeTime } from '../time';

/** The API's default (INVOICE_DUAL_APPROVAL_THRESHOLDS in apps/api/src/app/config/app-config.ts). */
const DUAL_APPROVAL = parseThresholds('KRW=50000000,IDR=500000000,USD=25000').thresholds;

/** Lines billed at another price than the rate card's (flagged for finance). */
const DEVIATION_SHARE = 0.03;
const REJECTION_SHARE = 0.04;
const WITHDRAWAL_SHARE = 0.015;
const PAYMENT_TERMS_DAYS = 30;
const REJECTION_REASONS = [
  'The timesheet lines do not match the agreed hours for the month.',
  'Wrong purchase order reference on the PDF.',
  'Two lines bill a price the rate card does not have; send it again at the agreed rates.',
  'The PDF total differs from the lines.',
];
/** A month of work on a contract: billed with the first invoice after it ends. */
export interface MonthPlan {
  start: string;
  hours: number;
}

export interface ContractSpend {
  hourly: RateItemPlan;
  months: MonthPlan[];
}

/** Net amounts per contract as the invoices arrive, for the over-budget check and the budget alerts. */
interface ContractRunning {
  invoiced: number;
  /** When each threshold was first reached. */
  alerts: Map<number, Instant>;
}

export function monthStart(at: Instant): string {
  return `${isoDate(at).slice(0, 7)}-01`;
}

/** Quarter hours, at least one. */
function quarterHours(hours: number): number {
  return Math.max(0.25, Math.round(hours * 4) / 4);
}

function deviated(random: Random, priceMinor: number, currency: Currency): number {
  const unit = 10 ** minorDigits(currency) * (currency === 'USD' ? 1 : 100);
  const changed = Math.round((priceMinor * random.between(0.9, 1.12)) / unit) * unit;
  return changed === priceMinor ? priceMinor + unit : Math.max(unit, changed);
}

/** Writes a contract's monthly invoices, their lines, approvals and files, and the budget alerts they reach. */
export class InvoiceWriter {
  readonly files = new TableBuffer(TABLES.storedFiles);
  readonly invoices = new TableBuffer(TABLES.invoices);
  readonly lines = new TableBuffer(TABLES.invoiceLines);
  readonly goalTotals = new TableBuffer(TABLES.invoiceGoalTotals);
  readonly approvals = new TableBuffer(TABLES.invoiceApprovals);
  readonly alerts = new TableBuffer(TABLES.budgetAlerts);
  invoiceCount = 0;
  lineCount = 0;
  private readonly statuses = new Map<InvoiceStatus, number>();
  private dualApprovals = 0;
  private deviations = 0;

  constructor(
    private readonly ctx: SeedContext,
    private readonly random: Random,
    private readonly finance: UserPlan[],
  ) {}

  contract(
    contract: ContractPlan,
    plan: ContractSpend,
    approved: DeliverableRecord[],
    timeLines: number,
  ): void {
    const { random } = this;
    const running: ContractRunning = { invoiced: 0, alerts: new Map() };
    const until = Math.min(contract.activeUntil, this.ctx.now);
    const allocated = contract.allocations.map((allocation) => allocation.goal.id);
    for (const month of plan.months) {
      const monthEnd = dayStart(addMonths(month.start, 1));
      // Billed a few days after the month, or on the contract's last active day.
      const submittedAt = Math.min(
        officeTime(monthEnd + random.int(0, 5) * DAY, random.next()),
        until - HOUR,
      );
      const work = approved.filter((deliverable) => {
        const at = deliverable.approvedAt ?? 0;
        return at >= dayStart(month.start) && at < monthEnd && at < submittedAt;
      });
      if (submittedAt <= dayStart(month.start) || submittedAt > this.ctx.now - HOUR) continue;
      const submitter = pickActive(random, contract.agency.users, submittedAt);
      if (!submitter) continue;
      const lines: LineDraft[] = work.map((deliverable) => this.deliverableLine(contract, deliverable));
      const goals = allocated.length > 0 ? allocated : work.flatMap((deliverable) => deliverable.goalIds);
      if (goals.length === 0) continue;
      const share = month.hours / timeLines;
      for (let index = 0; index < timeLines; index++) {
        const day = dayStart(month.start) + Math.floor((index / timeLines) * 28) * DAY;
        lines.push({
          item: plan.hourly,
          description: `${plan.hourly.description}, ${isoDate(day)}`,
          quantity: quarterHours(share * random.between(0.5, 1.5)),
          unitPriceMinor: plan.hourly.priceMinor,
          deliverableId: null,
          goalId: random.pick(goals),
        });
      }
      // Unique per agency: one invoice per contract and month.
      const number = `${contract.reference}-${month.start.slice(0, 7)}`;
      const outcome = this.invoice(contract, submitter, submittedAt, number, lines, running);
      if (outcome === 'rejected' || outcome === 'withdrawn') {
        // The agency sends it again, corrected, a few days later (the lines are free again).
        const again = Math.min(submittedAt + random.int(5, 12) * DAY, until - HOUR, this.ctx.now - HOUR);
        const resubmitter = pickActive(random, contract.agency.users, again);
        if (again > submittedAt + DAY && resubmitter) {
          const corrected = lines.map((line) => ({ ...line, unitPriceMinor: line.item.priceMinor }));
          this.invoice(contract, resubmitter, again, `${number}-R`, corrected, running, false);
        }
      }
    }
    for (const [threshold, at] of running.alerts) {
      this.alerts.push({ contract_id: contract.id, threshold_percent: threshold, raised_at: at });
    }
  }

  private deliverableLine(contract: ContractPlan, deliverable: DeliverableRecord): LineDraft {
    const { random } = this;
    const item = deliverable.rateItem;
    const quantity = item.unit === 'hour' ? quarterHours(random.between(2, 20)) : 1;
    return {
      item,
      description: item.description,
      quantity,
      unitPriceMinor: random.chance(DEVIATION_SHARE)
        ? deviated(random, item.priceMinor, contract.currency)
        : item.priceMinor,
      deliverableId: deliverable.id,
      goalId: deliverable.goalIds[0] ?? contract.allocations[0]?.goal.id ?? '',
    };
  }

  /** One invoice and what finance did with it by `now`; returns its status. */
  private invoice(
    contract: ContractPlan,
    submitter: UserPlan,
    submittedAt: Instant,
    number: string,
    lines: LineDraft[],
    running: ContractRunning,
    mayFail = true,
  ): InvoiceStatus {
    const { random, ctx } = this;
    const taxRateBp = contract.currency === 'KRW' ? 1000 : contract.currency === 'IDR' ? 1100 : 0;
    const totals = invoiceTotals(lines, taxRateBp);
    const required = approvalsRequired(totals.grossMinor, DUAL_APPROVAL[contract.currency]);
    const id = random.uuid();
    const issueDate = isoDate(submittedAt - random.int(0, 2) * DAY);
    const dueDate = isoDate(dayStart(issueDate) + PAYMENT_TERMS_DAYS * DAY);
    const deviations = lines.filter((line) => line.unitPriceMinor !== line.item.priceMinor).length;
    const remaining = contract.capMinor - running.invoiced;
    const checks: InvoiceChecks = {
      overBudget:
        totals.netMinor > remaining ? { remainingMinor: remaining, netMinor: totals.netMinor } : null,
      priceDeviations: deviations,
      quantityBeyondSpec: 0,
    };

    // What happened next, until now.
    let status: InvoiceStatus = 'submitted';
    const approvers: { user: UserPlan; at: Instant }[] = [];
    let rejected: { by: UserPlan; at: Instant; reason: string } | null = null;
    let withdrawn: Instant | null = null;
    let paid: { by: UserPlan; at: Instant; reference: string } | null = null;
    const decideAt = officeTime(submittedAt + random.logNormal(4 * DAY, 0.6), random.next());
    const roll = random.next();
    if (mayFail && roll < WITHDRAWAL_SHARE) {
      const at = submittedAt + random.between(2 * HOUR, Math.max(3 * HOUR, decideAt - submittedAt));
      if (at < ctx.now) {
        status = 'withdrawn';
        withdrawn = at;
      }
    } else if (mayFail && roll < WITHDRAWAL_SHARE + REJECTION_SHARE) {
      const by = pickActive(random, this.finance, decideAt);
      if (by && decideAt < ctx.now) {
        status = 'rejected';
        rejected = { by, at: decideAt, reason: random.pick(REJECTION_REASONS) };
      }
    } else {
      let at = decideAt;
      for (let index = 0; index < required && at < ctx.now; index++) {
        const present = this.finance.filter((user) => !approvers.some((approver) => approver.user === user));
        const by = pickActive(random, present, at);
        if (!by) break;
        approvers.push({ user: by, at });
        at = officeTime(at + random.logNormal(1.5 * DAY, 0.5), random.next());
      }
      if (approvers.length === required) {
        status = 'approved';
        const payAt = officeTime(
          Math.max(dayStart(dueDate) - random.int(0, 10) * DAY, (approvers.at(-1)?.at ?? at) + DAY),
          random.next(),
        );
        const by = pickActive(random, this.finance, payAt);
        if (by && payAt < ctx.now) {
          status = 'paid';
          paid = { by, at: payAt, reference: `PAY-${isoDate(payAt).replaceAll('-', '')}-${id.slice(0, 6)}` };
        }
      }
    }
    const live = status === 'submitted' || status === 'approved' || status === 'paid';
    if (live) {
      running.invoiced += totals.netMinor;
      for (const threshold of reachedThresholds(running.invoiced, contract.capMinor)) {
        if (!running.alerts.has(threshold)) running.alerts.set(threshold, submittedAt);
      }
    }

    const document = random.uuid();
    const sample = ctx.storage.sample('invoice');
    const key = ctx.storage.keyFor('invoices', document);
    this.files.push({
      id: document,
      storage_key: key,
      original_name: `${number}.pdf`,
      content_type: sample.contentType,
      size_bytes: sample.bytes,
      sha256: sample.sha256,
      uploaded_by: submitter.id,
      deliverable_id: null,
      version_id: null,
      created_at: submittedAt - 10 * 60 * 1000,
    });
    ctx.storage.place(key, sample);
    const changes = [approvers.at(-1)?.at, rejected?.at, withdrawn, paid?.at].filter(
      (at): at is number => typeof at === 'number',
    );
    const version = approvers.length + (rejected ? 1 : 0) + (withdrawn ? 1 : 0) + (paid ? 1 : 0);
    this.invoices.push({
      id,
      agency_id: contract.agency.id,
      contract_id: contract.id,
      number,
      issue_date: issueDate,
      due_date: dueDate,
      currency: contract.currency,
      net_minor: totals.netMinor,
      tax_rate_bp: taxRateBp,
      tax_minor: totals.taxMinor,
      gross_minor: totals.grossMinor,
      status,
      version,
      approvals_required: required,
      document_id: document,
      checks: { ...checks },
      submitted_by: submitter.id,
      submitted_at: submittedAt,
      approved_at: status === 'approved' || status === 'paid' ? (approvers.at(-1)?.at ?? null) : null,
      rejected_by: rejected?.by.id ?? null,
      rejected_at: rejected?.at ?? null,
      rejection_reason: rejected?.reason ?? null,
      paid_by: paid?.by.id ?? null,
      paid_at: paid?.at ?? null,
      payment_date: paid ? isoDate(paid.at) : null,
      payment_reference: paid?.reference ?? null,
      withdrawn_by: withdrawn ? submitter.id : null,
      withdrawn_at: withdrawn,
      created_at: submittedAt,
      updated_at: Math.max(submittedAt, ...changes),
    });
    writeLines(this.lines, this.goalTotals, random, id, lines, totals.lineAmountsMinor, live);
    for (const approver of approvers) {
      this.approvals.push({ invoice_id: id, approver_id: approver.user.id, approved_at: approver.at });
    }

    const snapshot = {
      number,
      status: 'submitted',
      netMinor: totals.netMinor,
      grossMinor: totals.grossMinor,
    };
    const activity = ctx.activity;
    activity.record(
      submittedAt - 10 * 60 * 1000,
      submitter,
      'invoice_document.uploaded',
      'stored_file',
      document,
      null,
      {
        fileName: `${number}.pdf`,
        sha256: sample.sha256,
        sizeBytes: sample.bytes,
      },
    );
    activity.record(submittedAt, submitter, 'invoice.submitted', 'invoice', id, null, {
      ...snapshot,
      currency: contract.currency,
      lines: lines.length,
    });
    approvers.forEach((approver, index) => {
      const final = index === required - 1;
      activity.record(
        approver.at,
        approver.user,
        final ? 'invoice.approved' : 'invoice.approval_recorded',
        'invoice',
        id,
        { status: 'submitted', version: index },
        { ...snapshot, status: final ? 'approved' : 'submitted', version: index + 1 },
      );
    });
    if (rejected) {
      activity.record(
        rejected.at,
        rejected.by,
        'invoice.rejected',
        'invoice',
        id,
        { status: 'submitted', version: 0 },
        {
          ...snapshot,
          status: 'rejected',
          rejectionReason: rejected.reason,
          version: 1,
        },
      );
    }
    if (withdrawn) {
      activity.record(
        withdrawn,
        submitter,
        'invoice.withdrawn',
        'invoice',
        id,
        { status: 'submitted', version: 0 },
        {
          ...snapshot,
          status: 'withdrawn',
          version: 1,
        },
      );
    }
    if (paid) {
      activity.record(
        paid.at,
        paid.by,
        'invoice.paid',
        'invoice',
        id,
        { status: 'approved', version: version - 1 },
        {
          ...snapshot,
          status: 'paid',
          paymentReference: paid.reference,
          version,
        },
      );
    }

    this.invoiceCount++;
    this.lineCount += lines.length;
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (required === 2) this.dualApprovals++;
    this.deviations += deviations;
    return status;
  }

  async flush(loader: Loader): Promise<void> {
    this.ctx.storage.flush();
    await loader.write(this.files, this.invoices, this.lines, this.goalTotals, this.approvals);
    await this.ctx.activity.write(loader);
  }

  async finish(loader: Loader): Promise<void> {
    await loader.write(this.alerts);
  }

  facts(): Record<string, number> {
    return {
      invoices: this.invoiceCount,
      invoiceLines: this.lineCount,
      dualApprovalInvoices: this.dualApprovals,
      priceDeviations: this.deviations,
      ...Object.fromEntries([...this.statuses].map(([status, count]) => [`${status}Invoices`, count])),
    };
  }
}
