import type { AppliedPolicyDto, InvoiceChecks, InvoiceStatus } from '@agency-portal/shared';
import { approvalsRequired, invoiceTotals } from '@agency-portal/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { Brief } from '../briefs/brief.entity';
import { Contract, RateCardItem } from '../contracts/contract.entity';
import { Deliverable } from '../deliverables/deliverable.entity';
import type { FileStorage } from '../files/file-storage';
import { Invoice, InvoiceApproval, InvoiceLine } from '../invoices/invoice.entity';
import { ApprovalPolicy } from '../approval-policies/approval-policy.entity';
import { ExchangeRate } from '../spend/exchange-rate.entity';
import { User } from '../users/user.entity';
import { storeDemoFile } from './demo-files';
import { demoPdf } from './demo-pdf';
import { activeContract, brief, decide, review, version } from './demo-reviews';
import { recordSeedEvent } from './seed-audit';

const DAY = 24 * 3600 * 1000;

interface DemoLine {
  code: string;
  quantity?: number;
  /** A deliverable of the finished brief, by index; required for deliverable items. */
  deliverable?: number;
  /** A price other than the rate card's: flagged for finance. */
  unitPriceMinor?: number;
}

interface DemoInvoice {
  number: string;
  issuedDaysAgo: number;
  dueInDays: number;
  status: InvoiceStatus;
  lines: DemoLine[];
  approvers?: User[];
  rejection?: string;
  payment?: { daysAgo: number; reference: string };
}

interface Cast {
  lead: User;
  reviewer: User;
  legal: User;
  finance: User;
  finance2: User;
}

/**
 * Invoices for the demo: for both agencies, in every state (submitted, approved, rejected, paid,
 * withdrawn) in KRW, IDR and USD, among them one above the two-person threshold that waits for its
 * second approval and one with a price away from the rate card; each bills finished, approved work
 * of a completed brief. Tax rates on the contracts (Korean VAT, Indonesian PPN, none for the US
 * pilot) and finance's exchange rates to USD for the last six months. Runs once, after the reviews.
 */
export async function seedDemoSpend(
  dataSource: DataSource,
  storage: FileStorage,
  thresholds: Readonly<Record<string, number>>,
  now = new Date(),
): Promise<boolean> {
  const written: string[] = [];
  try {
    return await dataSource.transaction(async (manager) => {
      if ((await manager.count(Invoice)) > 0) return false;
      const user = (email: string) => manager.findOneByOrFail(User, { email });
      const cast: Cast = {
        lead: await user('lead@demo.local'),
        reviewer: await user('reviewer@demo.local'),
        legal: await user('legal@demo.local'),
        finance: await user('finance@demo.local'),
        finance2: await user('finance2@demo.local'),
      };
      const policy = await appliedPolicy(manager, cast);
      const ago = (days: number) => new Date(now.getTime() - days * DAY);
      const date = (days: number) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

      await manager.query(`UPDATE contracts SET tax_rate_bp = 1000 WHERE currency = 'KRW'`);
      await manager.query(`UPDATE contracts SET tax_rate_bp = 1100 WHERE currency = 'IDR'`);

      const nw = await activeContract(manager, 'Northwind Social');
      const sp = await activeContract(manager, 'Southpeak Media');
      const us = await manager.findOneByOrFail(Contract, { status: 'terminated' });
      const northwind = await user('member@northwind.demo.local');
      const southpeak = await user('member@southpeak.demo.local');

      const autumn = await finishedWork(manager, storage, written, cast, nw, northwind, policy, ago, {
        title: '가을 캠페인 릴스와 캐러셀',
        objective: '가을 라인을 알리고 인스타그램 도달을 늘렸습니다.',
        audience: '서울의 18–34세.',
        keyMessages: ['가볍게, 따뜻하게'],
        channels: ['instagram'],
        dueDate: date(-40),
        specs: [
          { code: 'REEL', quantity: 5, dueDate: date(-50), channel: 'instagram' },
          { code: 'CAROUSEL', quantity: 2, dueDate: date(-45), channel: 'instagram' },
        ],
        sentAt: ago(80),
        answeredAt: ago(79),
      });
      const creators = await finishedWork(manager, storage, written, cast, sp, southpeak, policy, ago, {
        title: 'Seri kreator musim hujan',
        objective: 'Konten kreator TikTok untuk komunitas Indonesia.',
        audience: 'Pengguna TikTok Indonesia, 18–30 tahun.',
        keyMessages: ['Tetap bergerak'],
        channels: ['tiktok'],
        dueDate: date(-30),
        specs: [
          { code: 'TT-CREATOR', quantity: 4, dueDate: date(-35), channel: 'tiktok' },
          { code: 'REPORT', quantity: 1, dueDate: date(-31), channel: null },
        ],
        sentAt: ago(70),
        answeredAt: ago(69),
      });

      const make = (contract: Contract, agencyUser: User, work: Deliverable[], seed: DemoInvoice) =>
        demoInvoice(manager, storage, written, { contract, agencyUser, work, seed, thresholds, now });
      // Northwind, KRW with 10 % VAT: ₩50,000,000 gross needs two approvers by default.
      await make(nw, northwind, autumn, {
        number: 'NW-2026-0141',
        issuedDaysAgo: 44,
        dueInDays: -14,
        status: 'paid',
        lines: [
          { code: 'REEL', deliverable: 0 },
          { code: 'REEL', deliverable: 1 },
        ],
        approvers: [cast.finance],
        payment: { daysAgo: 16, reference: 'KB-TRF-20410' },
      });
      await make(nw, northwind, autumn, {
        number: 'NW-2026-0152',
        issuedDaysAgo: 35,
        dueInDays: -5,
        status: 'approved',
        lines: [{ code: 'REEL', deliverable: 2 }, { code: 'COMMUNITY' }],
        approvers: [cast.finance2],
      });
      await make(nw, northwind, autumn, {
        number: 'NW-2026-0160',
        issuedDaysAgo: 6,
        dueInDays: 24,
        status: 'submitted',
        lines: [
          { code: 'CAROUSEL', deliverable: 5 },
          { code: 'COMMUNITY', quantity: 8 },
        ],
        approvers: [cast.finance],
      });
      await make(nw, northwind, autumn, {
        number: 'NW-2026-0161',
        issuedDaysAgo: 3,
        dueInDays: 27,
        status: 'submitted',
        lines: [{ code: 'REEL', deliverable: 3, unitPriceMinor: 1_650_000 }],
      });
      await make(nw, northwind, autumn, {
        number: 'NW-2026-0147',
        issuedDaysAgo: 30,
        dueInDays: 0,
        status: 'rejected',
        lines: [
          { code: 'CAROUSEL', deliverable: 6 },
          { code: 'STRATEGY', quantity: 12.5 },
        ],
        rejection:
          'Strategy hours are not part of this month’s agreed scope; please invoice the carousel alone.',
      });
      await make(nw, northwind, autumn, {
        number: 'NW-2026-0158',
        issuedDaysAgo: 12,
        dueInDays: 18,
        status: 'withdrawn',
        lines: [{ code: 'REEL', deliverable: 4 }],
      });
      // Southpeak, IDR with 11 % PPN.
      await make(sp, southpeak, creators, {
        number: 'SPM/INV/2026/031',
        issuedDaysAgo: 40,
        dueInDays: -10,
        status: 'paid',
        lines: [
          { code: 'TT-CREATOR', deliverable: 0 },
          { code: 'TT-CREATOR', deliverable: 1 },
        ],
        approvers: [cast.finance2],
        payment: { daysAgo: 12, reference: 'BCA-9981-2231' },
      });
      await make(sp, southpeak, creators, {
        number: 'SPM/INV/2026/036',
        issuedDaysAgo: 20,
        dueInDays: 10,
        status: 'approved',
        lines: [{ code: 'MEDIA-MGMT' }],
        approvers: [cast.finance],
      });
      await make(sp, southpeak, creators, {
        number: 'SPM/INV/2026/039',
        issuedDaysAgo: 4,
        dueInDays: 26,
        status: 'submitted',
        lines: [
          { code: 'TT-CREATOR', deliverable: 2 },
          { code: 'REPORT', deliverable: 4 },
        ],
      });
      await make(sp, southpeak, creators, {
        number: 'SPM/INV/2026/034',
        issuedDaysAgo: 25,
        dueInDays: 5,
        status: 'rejected',
        lines: [{ code: 'TT-CREATOR', deliverable: 3, unitPriceMinor: 1_800_000_000 }],
        rejection: 'The creator fee is above the rate card without an agreed change.',
      });
      await make(sp, southpeak, creators, {
        number: 'SPM/INV/2026/037',
        issuedDaysAgo: 15,
        dueInDays: 15,
        status: 'withdrawn',
        lines: [{ code: 'MEDIA-MGMT', quantity: 0.5 }],
      });
      // Southpeak's US pilot (USD, no tax), invoiced while it ran.
      const pilotStart = new Date(`${us.startDate}T00:00:00Z`).getTime();
      for (const [index, status] of (['paid', 'paid', 'rejected'] as const).entries()) {
        // A month into the pilot and monthly after, never later than yesterday.
        const issuedDaysAgo = Math.max(1, Math.round((now.getTime() - pilotStart) / DAY) - 30 * (index + 1));
        await make(us, southpeak, [], {
          number: `SPM-US-${us.startDate.slice(0, 4)}-00${index + 1}`,
          issuedDaysAgo,
          dueInDays: 30 - issuedDaysAgo,
          status,
          lines: [{ code: 'MEDIA-MGMT' }],
          approvers: status === 'paid' ? [cast.finance] : [],
          payment:
            status === 'paid'
              ? { daysAgo: Math.max(0, issuedDaysAgo - 20), reference: `CHASE-${7700 + index}` }
              : undefined,
          rejection: status === 'rejected' ? 'The pilot was paused before this month started.' : undefined,
        });
      }

      const rates: Record<string, number> = { KRW: 0.000725, IDR: 0.0000632 };
      for (let back = 0; back < 6; back++) {
        const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1))
          .toISOString()
          .slice(0, 10);
        for (const [currency, base] of Object.entries(rates)) {
          const rate = (base * (1 + (back % 3) * 0.01)).toPrecision(4);
          const saved = await manager.save(
            manager.create(ExchangeRate, {
              month,
              currency,
              reportingCurrency: 'USD',
              rate,
              updatedBy: cast.finance.id,
            }),
          );
          await recordSeedEvent(manager, 'exchange_rate.created', 'exchange_rate', saved.id, {
            month,
            currency,
            reportingCurrency: 'USD',
            rate,
          });
        }
      }
      return true;
    });
  } catch (error) {
    await Promise.all(written.map((key) => storage.remove(key).catch(() => undefined)));
    throw error;
  }
}

/** The policy the CoE template gives (the one demo-reviews seeds), as a review snapshot. */
async function appliedPolicy(manager: EntityManager, cast: Cast): Promise<AppliedPolicyDto> {
  const template = await manager.findOneBy(ApprovalPolicy, { name: 'Brand and legal review' });
  const steps = template?.steps ?? [
    { name: 'Brand review', approverRole: 'reviewer' as const, approverUserIds: [], slaHours: 24 },
    { name: 'Legal', approverRole: null, approverUserIds: [cast.legal.id], slaHours: 48 },
  ];
  return {
    source: 'coe_template',
    explanation: 'Inherited from the centre-of-excellence template.',
    policyId: template?.id ?? null,
    name: template?.name ?? 'Brand and legal review',
    steps,
  };
}

/** A brief whose deliverables were each submitted once, approved at both steps and published: done work. */
async function finishedWork(
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
    await decide(manager, first, 0, 'Brand review', cast.reviewer, 'approve', null, ago(58 - index));
    await decide(manager, first, 1, 'Legal', cast.legal, 'approve', null, ago(57 - index));
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

async function demoInvoice(
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
