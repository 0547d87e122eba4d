import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  CostFigures,
  GoalDeliverableRow,
  GoalDetailDto,
  GoalReportDto,
  SessionUser,
} from '@agency-portal/shared';
import { of } from 'rxjs';
import { CHART_FACTORY } from '../../shared/chart/chart';
import { DigestService } from '../digests/digest.service';
import { aGoal, aPage, aSessionUser } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { GoalDetailPage } from './goal-detail-page';
import { GoalReportService } from './goal-report.service';
import { GoalService } from './goal.service';

const KRW: CostFigures = {
  currency: 'KRW',
  spendMinor: 1_250_000,
  impressions: 30_000,
  reach: null,
  engagements: 1_500,
  clicks: 300,
  videoViews: null,
  conversions: 10,
  revenueMinor: 300_000,
  roi: -0.76,
  perThousandImpressionsMinor: 41_667,
  perEngagementMinor: 833,
  perClickMinor: 4_167,
  perConversionMinor: 125_000,
};

function aReport(overrides: Partial<GoalReportDto> = {}): GoalReportDto {
  return {
    goalId: 'goal-1',
    name: 'Spring awareness',
    businessUnitId: 'unit-1',
    businessUnitName: 'Korea',
    kpiMetric: 'impressions',
    targetValue: 60_000,
    targetCurrency: null,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-03',
    status: 'active',
    channels: ['instagram'],
    funnelStage: 'awareness',
    scope: 'all',
    asOf: '2026-03-03',
    figuresUpdatedAt: '2026-03-02T08:00:00.000Z',
    kpi: {
      actual: 40_000,
      fromGoalOutcomes: 4_000,
      bucket: 'day',
      points: [
        { date: '2026-03-01', value: 25_000, cumulative: 25_000, plannedCumulative: 20_000 },
        { date: '2026-03-02', value: 15_000, cumulative: 40_000, plannedCumulative: 40_000 },
        { date: '2026-03-03', value: 0, cumulative: null, plannedCumulative: 60_000 },
      ],
    },
    pace: {
      status: 'on_track',
      elapsedDays: 2,
      totalDays: 3,
      expectedToDate: 40_000,
      percentOfTarget: 66.7,
      projectedEnd: 60_000,
    },
    spendVisible: true,
    spend: [
      {
        currency: 'KRW',
        allocatedMinor: 18_000_000,
        committedMinor: 2_000_000,
        invoicedMinor: 1_250_000,
        approvedMinor: 0,
        paidMinor: 0,
        remainingMinor: 16_000_000,
      },
    ],
    costs: [KRW],
    breakdowns: {
      agency: [{ ...KRW, key: 'agency-1', label: 'Northwind Social' }],
      channel: [{ ...KRW, key: 'instagram', label: null }],
      funnel_stage: [{ ...KRW, key: 'awareness', label: null }],
    },
    ...overrides,
  };
}

const MASTER: GoalDeliverableRow = {
  id: 'deliverable-1',
  title: 'Launch reel',
  channel: 'instagram',
  status: 'published',
  postUrl: null,
  publishedAt: null,
  briefId: 'brief-1',
  briefTitle: 'Launch',
  agencyId: 'agency-1',
  agencyName: 'Northwind Social',
  own: KRW,
  total: KRW,
  cuts: [
    {
      id: 'deliverable-2',
      title: 'Launch reel, TikTok cut',
      channel: 'tiktok',
      status: 'published',
      postUrl: null,
      publishedAt: null,
      derivedFromId: 'deliverable-1',
      figures: KRW,
    },
  ],
  cutCount: 1,
};

/** Intl puts no-break spaces between a currency and its amount. */
function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

describe('GoalDetailPage', () => {
  let harness: RouterTestingHarness;

  async function render(user: SessionUser, goal: GoalDetailDto, report: GoalReportDto): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'goals/:id', component: GoalDetailPage }], withComponentInputBinding()),
        { provide: GoalService, useValue: { get: () => of(goal) } },
        {
          provide: GoalReportService,
          useValue: { report: () => of(report), deliverables: () => of(aPage([MASTER])) },
        },
        { provide: CHART_FACTORY, useValue: () => ({ destroy: () => undefined }) },
        // The export menu downloads through HttpClient; the digest toggle asks whether one is subscribed.
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: DigestService, useValue: { list: () => of(aPage([])) } },
        provideSignedIn(user),
      ],
    });
    harness = await RouterTestingHarness.create('/goals/goal-1');
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  const allocation = {
    contractId: 'contract-1',
    reference: 'NW-2026-KR-01',
    title: 'Always-on',
    agencyId: 'agency-1',
    agencyName: 'Northwind Social',
    status: 'active',
    currency: 'KRW',
    percent: 60,
    allocatedMinor: 108_000_000,
    mayOpen: false,
  };

  it('should show a viewer the allocated budget, not "No contract budget", and no link to the contract when they may not open it', async () => {
    const page = await render(
      aSessionUser({ role: 'viewer' }),
      aGoal({ contracts: [allocation], contractCount: 1 }),
      aReport(),
    );

    expect(page.textContent).not.toContain('No contract budget is allocated');
    expect(plain(page.querySelector('[data-testid="goal-allocated"]')?.textContent)).toBe(
      'KRW 108,000,000 allocated to this goal',
    );
    expect(page.textContent).toContain('NW-2026-KR-01');
    expect(page.querySelector('a[href="/contracts/contract-1"]')).toBeNull();
    expect(page.textContent).not.toContain('Edit');
  });

  it('should offer a viewer the export menu and the weekly digest toggle', async () => {
    const viewer = await render(aSessionUser({ role: 'viewer' }), aGoal(), aReport());

    expect(viewer.querySelector('[data-testid="export-menu"]')?.textContent?.trim()).toBe('Export');
    const toggle = viewer.querySelector('[data-testid="digest-toggle"]');
    expect(toggle?.textContent?.trim()).toBe('Weekly digest: off');
    expect(toggle?.getAttribute('aria-pressed')).toBe('false');
  });

  it('should not offer an agency user the weekly digest', async () => {
    const agency = await render(
      aSessionUser({ role: 'agency_member', agencyId: 'agency-1' }),
      aGoal(),
      aReport({ scope: 'own_work', pace: null }),
    );

    expect(agency.querySelector('[data-testid="export-menu"]')).not.toBeNull();
    expect(agency.querySelector('[data-testid="digest-toggle"]')).toBeNull();
  });

  it('should link the contract when the reader may open it', async () => {
    const page = await render(
      aSessionUser({ role: 'finance' }),
      aGoal({ contracts: [{ ...allocation, mayOpen: true }], contractCount: 1 }),
      aReport(),
    );

    expect(page.querySelector('a[href="/contracts/contract-1"]')).not.toBeNull();
  });

  it('should show the KPI against target, pace, cost per result and the master asset with its cut', async () => {
    const page = await render(aSessionUser({ role: 'social_lead' }), aGoal(), aReport());
    const text = (selector: string) => plain(page.querySelector(selector)?.textContent);

    expect(text('[data-testid="goal-actual"]')).toBe('40,000');
    expect(text('[data-testid="goal-percent"]')).toBe('66.7%');
    expect(text('[data-testid="goal-projected"]')).toBe('60,000');
    expect(text('[data-testid="goal-pace"]')).toBe('On track');
    expect(page.querySelector('[data-testid="goal-kpi-chart"]')?.textContent).toContain(
      'KPI against target over the period',
    );
    expect(text('[data-testid="cost-per-thousand"]')).toBe('KRW 41,667');
    expect(page.textContent).toContain('-76%');
    expect(page.textContent).toContain('Includes 4,000 measured by the brand');
    const master = page.querySelector('[data-testid="goal-master-row"]');
    expect(master?.textContent).toContain('Launch reel');
    expect(page.querySelector('a[href="/deliverables/deliverable-2"]')?.textContent).toBe(
      'Launch reel, TikTok cut',
    );
  });

  it('should say the spend is not the reader’s to see rather than show it as nothing', async () => {
    const page = await render(
      aSessionUser({ role: 'reviewer' }),
      aGoal(),
      aReport({ spendVisible: false, spend: [] }),
    );

    expect(page.textContent).toContain("Your role does not see this goal's spend.");
    expect(page.textContent).not.toContain('No budget is allocated or spent on this goal yet.');
  });

  it('should tell an agency the figures are its own work, without pace', async () => {
    const page = await render(
      aSessionUser({ role: 'agency_member' }),
      aGoal(),
      aReport({ scope: 'own_work', pace: null }),
    );

    expect(page.textContent).toContain("These figures cover your agency's own work for this goal only");
    expect(page.querySelector('[data-testid="goal-pace"]')).toBeNull();
  });
});
