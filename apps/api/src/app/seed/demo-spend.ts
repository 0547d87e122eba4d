import type { DataSource } from 'typeorm';
import { Contract } from '../contracts/contract.entity';
import type { Deliverable } from '../deliverables/deliverable.entity';
import type { FileStorage } from '../files/file-storage';
import { Invoice } from '../invoices/invoice.entity';
import { ExchangeRate } from '../spend/exchange-rate.entity';
import { User } from '../users/user.entity';
import { activeContract } from './demo-review-builders';
import {
  appliedPolicy,
  demoCast,
  DAY,
  demoInvoice,
  type DemoInvoice,
  finishedWork,
} from './demo-spend-builders';
import { recordSeedEvent } from './seed-audit';
import { seedWithFiles } from './demo-files';

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
  return seedWithFiles(dataSource, storage, async (manager, written) => {
    if ((await manager.count(Invoice)) > 0) return false;
    const user = (email: string) => manager.findOneByOrFail(User, { email });
    const cast = await demoCast(manager);
    const policy = await appliedPolicy(manager);
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
}
