import type {
  Channel,
  ContractStatus,
  FunnelStage,
  GoalStatus,
  KpiMetric,
  RateUnit,
} from '@agency-portal/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { Contract, ContractGoal, RateCardItem } from '../contracts/contract.entity';
import type { FileStorage } from '../files/file-storage';
import { type StoredFile } from '../files/stored-file.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { User } from '../users/user.entity';
import { storeDemoFile, seedWithFiles } from './demo-files';
import { demoPdf } from './demo-pdf';
import { recordSeedEvent } from './seed-audit';

type UnitKey = 'coe' | 'korea';

interface DemoGoal {
  key: string;
  unit: UnitKey;
  name: string;
  description: string;
  kpiMetric: KpiMetric;
  targetValue: number;
  targetCurrency?: string;
  period: [string, string];
  channels: Channel[];
  funnelStage: FunnelStage;
  status: GoalStatus;
}

interface DemoContract {
  agency: 'Northwind Social' | 'Southpeak Media';
  unit: UnitKey;
  reference: string;
  title: string;
  scope: string;
  period: [string, string];
  currency: string;
  budgetCapMinor: number;
  renewalNoticeDays: number;
  status: ContractStatus;
  terminationReason?: string;
  internalNotes: string;
  rateCard: { code: string; description: string; unit: RateUnit; unitPriceMinor: number }[];
  allocations: { goal: string; percent: number }[];
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function shiftMonths(today: Date, months: number, day = 1): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, day))
    .toISOString()
    .slice(0, 10);
}

/**
 * Goals and contracts for both demo agencies, in every state and in KRW, IDR and USD, dated around today.
 * Written in the language their people work in: Korean for the Korea unit's, Indonesian for Indonesia's.
 */
export function demoWork(today: Date): { goals: DemoGoal[]; contracts: DemoContract[] } {
  const year = today.getUTCFullYear();
  const goals: DemoGoal[] = [
    {
      key: 'kr-awareness',
      unit: 'korea',
      name: `${year} 한국 브랜드 인지도`,
      description: '인스타그램, 유튜브, 카카오톡에서 새 브랜드 플랫폼으로 국내 18–34세에게 도달합니다.',
      kpiMetric: 'reach',
      targetValue: 20_000_000,
      period: [isoDate(year, 1, 1), isoDate(year, 12, 31)],
      channels: ['instagram', 'youtube', 'kakao'],
      funnelStage: 'awareness',
      status: 'active',
    },
    {
      key: 'kr-conversions',
      unit: 'korea',
      name: `${year} 하반기 한국 출시 가입`,
      description: '가을 신제품 출시를 위해 소셜에서 웹숍으로 가입을 유도합니다.',
      kpiMetric: 'conversions',
      targetValue: 15_000,
      period: [isoDate(year, 7, 1), isoDate(year, 12, 31)],
      channels: ['instagram', 'web'],
      funnelStage: 'conversion',
      status: 'active',
    },
    {
      key: 'global-revenue',
      unit: 'coe',
      name: 'Creator-led revenue',
      description: 'Revenue attributed to creator content through tracked links, all markets.',
      kpiMetric: 'revenue',
      targetValue: 25_000_000,
      targetCurrency: 'USD',
      period: [shiftMonths(today, -3), shiftMonths(today, 9)],
      channels: ['tiktok', 'instagram'],
      funnelStage: 'conversion',
      status: 'active',
    },
    {
      key: 'id-community',
      unit: 'coe',
      name: 'Pertumbuhan komunitas Indonesia',
      description: 'Menumbuhkan komunitas TikTok dan Instagram Indonesia bersama kreator lokal.',
      kpiMetric: 'followers',
      targetValue: 100_000,
      period: [shiftMonths(today, -3), shiftMonths(today, 9)],
      channels: ['tiktok', 'instagram'],
      funnelStage: 'retention',
      status: 'active',
    },
    {
      key: 'kr-holiday',
      unit: 'korea',
      name: `${year - 1} 홀리데이 참여`,
      description: '홀리데이 인플루언서 집중 캠페인의 참여.',
      kpiMetric: 'engagements',
      targetValue: 400_000,
      period: [isoDate(year - 1, 11, 1), isoDate(year - 1, 12, 31)],
      channels: ['instagram'],
      funnelStage: 'consideration',
      status: 'achieved',
    },
  ];
  const contracts: DemoContract[] = [
    {
      agency: 'Northwind Social',
      unit: 'korea',
      reference: `NW-${year}-KR-01`,
      title: '한국 상시 소셜 운영',
      scope: '국내 인스타그램, 유튜브, 카카오톡 상시 콘텐츠 제작 및 커뮤니티 관리.',
      period: [isoDate(year, 1, 1), isoDate(year, 12, 31)],
      currency: 'KRW',
      budgetCapMinor: 180_000_000,
      renewalNoticeDays: 45,
      status: 'active',
      internalNotes: 'Rates negotiated 8 % under Northwind list price; renewal depends on Q4 reach.',
      rateCard: [
        {
          code: 'REEL',
          description: '숏폼 영상(릴스/쇼츠), 30초 이내',
          unit: 'deliverable',
          unitPriceMinor: 1_500_000,
        },
        {
          code: 'CAROUSEL',
          description: '캐러셀 게시물, 최대 10장',
          unit: 'deliverable',
          unitPriceMinor: 900_000,
        },
        { code: 'COMMUNITY', description: '커뮤니티 관리', unit: 'month', unitPriceMinor: 6_000_000 },
        { code: 'STRATEGY', description: '전략 및 리포팅', unit: 'hour', unitPriceMinor: 150_000 },
      ],
      allocations: [
        { goal: 'kr-awareness', percent: 60 },
        { goal: 'kr-conversions', percent: 30 },
      ],
    },
    {
      agency: 'Northwind Social',
      unit: 'coe',
      reference: `NW-${year + 1}-GL-01`,
      title: `Global creator programme ${year + 1}`,
      scope: 'Creator sourcing, briefing and UGC production for all markets.',
      period: [isoDate(year + 1, 1, 1), isoDate(year + 1, 12, 31)],
      currency: 'USD',
      budgetCapMinor: 12_000_000,
      renewalNoticeDays: 60,
      status: 'draft',
      internalNotes: 'Awaiting legal review of usage rights clause.',
      rateCard: [
        {
          code: 'UGC-VIDEO',
          description: 'Creator UGC video with 12-month usage rights',
          unit: 'deliverable',
          unitPriceMinor: 120_000,
        },
        {
          code: 'CREATOR-MGMT',
          description: 'Creator programme management',
          unit: 'month',
          unitPriceMinor: 450_000,
        },
      ],
      allocations: [{ goal: 'global-revenue', percent: 100 }],
    },
    {
      agency: 'Southpeak Media',
      unit: 'coe',
      reference: `SP-${year}-ID-01`,
      title: 'Media sosial berbayar dan kreator Indonesia',
      scope: 'Media berbayar TikTok dan Instagram serta konten kreator lokal di Indonesia.',
      period: [shiftMonths(today, -3), shiftMonths(today, 9, 0)],
      currency: 'IDR',
      budgetCapMinor: 250_000_000_000,
      renewalNoticeDays: 30,
      status: 'active',
      internalNotes: 'Media budget passes through at cost; fee is the monthly management line.',
      rateCard: [
        {
          code: 'TT-CREATOR',
          description: 'Video kreator TikTok',
          unit: 'deliverable',
          unitPriceMinor: 1_500_000_000,
        },
        {
          code: 'MEDIA-MGMT',
          description: 'Manajemen media berbayar',
          unit: 'month',
          unitPriceMinor: 4_500_000_000,
        },
        {
          code: 'REPORT',
          description: 'Laporan kinerja bulanan',
          unit: 'deliverable',
          unitPriceMinor: 500_000_000,
        },
      ],
      allocations: [
        { goal: 'id-community', percent: 70 },
        { goal: 'global-revenue', percent: 20 },
      ],
    },
    {
      agency: 'Southpeak Media',
      unit: 'korea',
      reference: `SP-${year - 1}-KR-02`,
      title: `${year - 1} 홀리데이 인플루언서 집중 캠페인`,
      scope: '연말 시즌 6주간의 인플루언서 집중 캠페인.',
      period: [isoDate(year - 1, 11, 1), isoDate(year - 1, 12, 31)],
      currency: 'KRW',
      budgetCapMinor: 60_000_000,
      renewalNoticeDays: 14,
      status: 'expired',
      internalNotes: 'Delivered on time; strong engagement.',
      rateCard: [
        {
          code: 'INFLUENCER-POST',
          description: '인플루언서 피드 게시물',
          unit: 'deliverable',
          unitPriceMinor: 2_000_000,
        },
      ],
      allocations: [{ goal: 'kr-holiday', percent: 100 }],
    },
    {
      agency: 'Southpeak Media',
      unit: 'coe',
      reference: `SP-${year}-US-01`,
      title: 'US paid media pilot',
      scope: 'Paid social pilot in the US market.',
      period: [isoDate(year, 3, 1), isoDate(year, 12, 31)],
      currency: 'USD',
      budgetCapMinor: 4_000_000,
      renewalNoticeDays: 30,
      status: 'terminated',
      terminationReason: 'Pilot paused after the Q2 review.',
      internalNotes: 'Revisit next year with a creator-first plan.',
      rateCard: [
        { code: 'MEDIA-MGMT', description: 'Paid media management', unit: 'month', unitPriceMinor: 350_000 },
      ],
      allocations: [{ goal: 'global-revenue', percent: 10 }],
    },
  ];
  return { goals, contracts };
}

/**
 * Seeds the demo goals and contracts (with signed PDFs in file storage) when there are no goals
 * yet. Runs after the demo organisation; one transaction with system audit records.
 */
export async function seedDemoWork(
  dataSource: DataSource,
  storage: FileStorage,
  today = new Date(),
): Promise<boolean> {
  return seedWithFiles(dataSource, storage, async (manager, written) => {
    if ((await manager.count(MarketingGoal)) > 0) return false;
    const lead = await manager.findOneByOrFail(User, { email: 'lead@demo.local' });
    const units: Record<UnitKey, BusinessUnit> = {
      coe: await manager.findOneByOrFail(BusinessUnit, { name: 'Global Social Centre of Excellence' }),
      korea: await manager.findOneByOrFail(BusinessUnit, { name: 'Korea Consumer Marketing' }),
    };
    const { goals, contracts } = demoWork(today);
    const goalIds = new Map<string, string>();
    for (const goal of goals) {
      const saved = await manager.save(
        manager.create(MarketingGoal, {
          businessUnitId: units[goal.unit].id,
          ownerId: lead.id,
          name: goal.name,
          description: goal.description,
          kpiMetric: goal.kpiMetric,
          targetValue: goal.targetValue,
          targetCurrency: goal.targetCurrency ?? null,
          periodStart: goal.period[0],
          periodEnd: goal.period[1],
          channels: goal.channels,
          funnelStage: goal.funnelStage,
          status: goal.status,
        }),
      );
      goalIds.set(goal.key, saved.id);
      await recordSeedEvent(manager, 'goal.created', 'goal', saved.id, { name: saved.name });
    }
    for (const demo of contracts) {
      const agency = await manager.findOneByOrFail(Agency, { name: demo.agency });
      const signed =
        demo.status !== 'draft' ? await storeSignedPdf(manager, storage, demo, lead.id, written) : null;
      const contract = await manager.save(
        manager.create(Contract, {
          agencyId: agency.id,
          businessUnitId: units[demo.unit].id,
          ownerId: lead.id,
          reference: demo.reference,
          title: demo.title,
          scope: demo.scope,
          startDate: demo.period[0],
          endDate: demo.period[1],
          currency: demo.currency,
          budgetCapMinor: demo.budgetCapMinor,
          renewalNoticeDays: demo.renewalNoticeDays,
          status: demo.status,
          terminationReason: demo.terminationReason ?? null,
          terminatedAt:
            demo.status === 'terminated'
              ? new Date(`${isoDate(today.getUTCFullYear(), 7, 1)}T09:00:00Z`)
              : null,
          activatedAt: demo.status !== 'draft' ? new Date(`${demo.period[0]}T09:00:00Z`) : null,
          expiredAt: demo.status === 'expired' ? new Date(`${demo.period[1]}T23:59:00Z`) : null,
          renewalNotifiedAt: null,
          signedDocumentId: signed?.id ?? null,
          internalNotes: demo.internalNotes,
        }),
      );
      await manager.insert(
        RateCardItem,
        demo.rateCard.map((item, position) => ({ ...item, position, contractId: contract.id })),
      );
      await manager.insert(
        ContractGoal,
        demo.allocations.map((allocation) => ({
          contractId: contract.id,
          goalId: goalIds.get(allocation.goal) as string,
          percent: allocation.percent,
        })),
      );
      await recordSeedEvent(manager, 'contract.created', 'contract', contract.id, {
        reference: contract.reference,
        status: contract.status,
      });
    }
    return true;
  });
}

async function storeSignedPdf(
  manager: EntityManager,
  storage: FileStorage,
  demo: DemoContract,
  uploadedBy: string,
  written: string[],
): Promise<StoredFile> {
  const pdf = demoPdf([
    `Statement of work ${demo.reference}`,
    demo.title,
    `${demo.agency} - term ${demo.period[0]} to ${demo.period[1]}`,
    'Signed by both parties (demo document).',
  ]);
  return storeDemoFile(manager, storage, written, {
    key: `contracts/demo-${demo.reference.toLowerCase()}.pdf`,
    fileName: `${demo.reference} signed.pdf`,
    contentType: 'application/pdf',
    bytes: pdf,
    uploadedBy,
  });
}
