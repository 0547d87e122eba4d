import type {
  DeliverableDetailDto,
  GoalDeliverableRow,
  GoalDto,
  GoalOverviewRow,
  GoalReportDto,
  Page,
} from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { contractBySuffix, invoiceBody, submitted, uploadInvoicePdf } from '../support/spend';
import { goalOutsideNorthwind, acceptedBrief } from '../support/work';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The goal dashboard on a small hand-checked dataset. Goal "Launch reach": impressions, target
 * 60,000 over 60 days (40 complete so far), allocated 10 % of Northwind's KRW contract and 10 % of
 * Southpeak's IDR contract.
 *
 * | deliverable | agency | channel | impressions | engagements | clicks | conversions | revenue | invoiced |
 * | M (master)  | NW KRW | instagram | 20,000 (+7,777 today, not counted) | 1,000 | 200 | 10 | ₩300,000 | ₩1,000,000 |
 * | C (cut of M)| NW KRW | tiktok    | 10,000 | 500 | 100 | — | — | ₩250,000 |
 * | S           | SP IDR | tiktok    | 6,000  | 600 | 60  | 6 | — | — |
 * | goal outcome (brand analytics) |  |  | 4,000 | | | | | |
 *
 * KPI actual 40,000 (66.7 %); run rate 40,000 / 40 days × 60 = 60,000 projected: on track.
 * Northwind (KRW): spend 1,250,000 for 30,000 impressions → CPM 41,667; per engagement 833
 * (1,250,000 / 1,500); per click 4,167; per conversion 125,000; ROI (300,000 − 1,250,000) /
 * 1,250,000 = −0.76.
 */
describe('goal reports: dashboard, deliverables and overview', () => {
  let t: TestApp;
  const who: Record<string, SignedIn> = {};
  let goalId: string;
  let masterId: string;
  let cutId: string;
  let southpeakId: string;
  let southpeakOnlyGoalId: string;

  const get = (actor: string, path: string) =>
    t
      .http()
      .get(path)
      .set(bearer(who[actor]?.accessToken ?? ''));
  const report = async (actor: string): Promise<GoalReportDto> => {
    const response = await get(actor, `/api/goal-reports/${goalId}`);
    expect(response.status).toBe(200);
    return response.body as GoalReportDto;
  };

  async function publish(ids: string[]): Promise<void> {
    await t.dataSource.query(
      `UPDATE deliverables SET status = 'published', published_at = now() - interval '42 days',
              post_url = 'https://www.instagram.com/p/' || left(id::text, 8) || '/'
        WHERE id = ANY($1)`,
      [ids],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const [key, email] of Object.entries({
      lead: DEMO.lead,
      admin: DEMO.admin,
      finance: DEMO.finance,
      viewer: DEMO.viewer,
      reviewer: DEMO.reviewer,
      northwind: DEMO.northwindMember,
      southpeak: DEMO.southpeakMember,
    })) {
      who[key] = await t.login(email);
    }
    const lead = who['lead']?.accessToken ?? '';
    const northwind = await contractBySuffix(t, lead, 'KR-01');
    const southpeak = await contractBySuffix(t, lead, 'ID-01');
    const created = await t
      .http()
      .post('/api/goals')
      .set(bearer(lead))
      .send({
        businessUnitId: northwind.businessUnitId,
        ownerId: who['lead']?.userId,
        name: 'Launch reach',
        kpiMetric: 'impressions',
        targetValue: 60_000,
        periodStart: day(-40),
        periodEnd: day(19),
        channels: ['instagram', 'tiktok'],
        funnelStage: 'awareness',
        status: 'active',
      });
    expect(created.status).toBe(201);
    goalId = (created.body as GoalDto).id;
    await t.dataSource.query(
      `INSERT INTO contract_goals (contract_id, goal_id, percent) VALUES ($1, $3, 10), ($2, $3, 10)`,
      [northwind.id, southpeak.id, goalId],
    );
    const nwBrief = await acceptedBrief(
      t,
      { ...northwind, allocations: [{ ...northwind.allocations[0], goalId }] },
      { lead, agency: who['northwind']?.accessToken ?? '' },
      { title: 'Launch reel', funnelStage: 'awareness' },
    );
    masterId = nwBrief.deliverables[0]?.id ?? '';
    const cut = await t
      .http()
      .post(`/api/deliverables/${masterId}/derivatives`)
      .set(bearer(lead))
      .send({ title: 'Launch reel, TikTok cut', channel: 'tiktok', dueDate: '2031-05-25' });
    expect(cut.status).toBe(201);
    cutId = (cut.body as DeliverableDetailDto).id;
    const spBrief = await acceptedBrief(
      t,
      { ...southpeak, allocations: [{ ...southpeak.allocations[0], goalId }] },
      { lead, agency: who['southpeak']?.accessToken ?? '' },
      {
        title: 'Launch creators',
        funnelStage: 'consideration',
        channels: ['tiktok'],
        specs: [
          { rateCardItemId: southpeak.rateCard[0].id, quantity: 1, dueDate: '2031-05-20', channel: 'tiktok' },
        ],
      },
    );
    southpeakId = spBrief.deliverables[0]?.id ?? '';
    await publish([masterId, cutId, southpeakId]);

    const metrics = await t
      .http()
      .put('/api/metrics')
      .set(bearer(lead))
      .send({
        rows: [
          {
            deliverableId: masterId,
            date: day(-10),
            impressions: 20_000,
            engagements: 1_000,
            clicks: 200,
            conversions: 10,
            revenueMinor: 300_000,
            currency: 'KRW',
          },
          { deliverableId: masterId, date: day(0), impressions: 7_777 },
          { deliverableId: cutId, date: day(-9), impressions: 10_000, engagements: 500, clicks: 100 },
          {
            deliverableId: southpeakId,
            date: day(-8),
            impressions: 6_000,
            engagements: 600,
            clicks: 60,
            conversions: 6,
          },
        ],
      });
    expect(metrics.status).toBe(200);
    const outcomes = await t
      .http()
      .put(`/api/goals/${goalId}/outcomes`)
      .set(bearer(lead))
      .send({ rows: [{ date: day(-5), metric: 'impressions', value: 4_000 }] });
    expect(outcomes.status).toBe(200);

    const agency = who['northwind']?.accessToken ?? '';
    const documentId = await uploadInvoicePdf(t, agency);
    const body = invoiceBody(northwind, documentId, [masterId, cutId]);
    body.lines = [
      { ...body.lines[0], deliverableId: masterId, unitPriceMinor: 1_000_000 },
      { ...body.lines[0], deliverableId: cutId, unitPriceMinor: 250_000 },
    ];
    await submitted(t, agency, body);

    southpeakOnlyGoalId = await goalOutsideNorthwind(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('the dashboard', () => {
    it('should add the deliverables up to yesterday and the goal’s own outcomes into the KPI actual and chart', async () => {
      const dashboard = await report('lead');

      expect(dashboard.scope).toBe('all');
      expect(dashboard.kpi.actual).toBe(40_000);
      expect(dashboard.kpi.fromGoalOutcomes).toBe(4_000);
      expect(dashboard.kpi.bucket).toBe('day');
      expect(dashboard.kpi.points).toHaveLength(60);
      const point = (offset: number) => dashboard.kpi.points.find((p) => p.date === day(offset));
      expect(point(-10)).toMatchObject({ value: 20_000, cumulative: 20_000, plannedCumulative: 31_000 });
      expect(point(-5)).toMatchObject({ value: 4_000, cumulative: 40_000 });
      expect(point(0)).toMatchObject({ value: 0, cumulative: null });
      expect(dashboard.figuresUpdatedAt).not.toBeNull();
    });

    it('should call 40,000 after 40 of 60 days on track, projecting 60,000', async () => {
      expect((await report('lead')).pace).toEqual({
        status: 'on_track',
        elapsedDays: 40,
        totalDays: 60,
        expectedToDate: 40_000,
        percentOfTarget: 66.7,
        projectedEnd: 60_000,
      });
    });

    it('should give cost per result and ROI per currency, never adding KRW to IDR', async () => {
      const dashboard = await report('finance');

      expect(dashboard.costs).toEqual([
        {
          currency: 'IDR',
          spendMinor: 0,
          impressions: 6_000,
          reach: null,
          engagements: 600,
          clicks: 60,
          videoViews: null,
          conversions: 6,
          revenueMinor: null,
          roi: null,
          perThousandImpressionsMinor: null,
          perEngagementMinor: null,
          perClickMinor: null,
          perConversionMinor: null,
        },
        {
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
        },
      ]);
    });

    it('should break the figures down by agency, channel and funnel stage', async () => {
      const { breakdowns } = await report('lead');

      expect(
        breakdowns.agency.map((row) => [row.label, row.currency, row.spendMinor, row.impressions]),
      ).toEqual([
        ['Southpeak Media', 'IDR', 0, 6_000],
        ['Northwind Social', 'KRW', 1_250_000, 30_000],
      ]);
      expect(
        breakdowns.channel.map((row) => [
          row.key,
          row.currency,
          row.impressions,
          row.perThousandImpressionsMinor,
        ]),
      ).toEqual([
        ['tiktok', 'IDR', 6_000, null],
        ['instagram', 'KRW', 20_000, 50_000],
        ['tiktok', 'KRW', 10_000, 25_000],
      ]);
      expect(breakdowns.funnel_stage.map((row) => [row.key, row.currency, row.impressions])).toEqual([
        ['consideration', 'IDR', 6_000],
        ['awareness', 'KRW', 30_000],
      ]);
    });

    it('should show the ledger per currency as the finance ledger has it', async () => {
      const dashboard = await report('viewer');
      const ledger = await get('finance', `/api/budget-ledger?level=goal&goalId=${goalId}`);
      type Row = { currency: string; capMinor: number; invoicedMinor: number; committedMinor: number };
      const rows = (ledger.body as Page<Row>).items;

      expect(dashboard.spendVisible).toBe(true);
      expect(dashboard.spend.map((row) => row.currency)).toEqual(['IDR', 'KRW']);
      const krw = dashboard.spend.find((row) => row.currency === 'KRW');
      expect(krw).toMatchObject({
        allocatedMinor: 18_000_000,
        invoicedMinor: 1_250_000,
        approvedMinor: 0,
        paidMinor: 0,
      });
      expect(krw?.committedMinor).toBe(rows.find((row) => row.currency === 'KRW')?.committedMinor);
      expect(dashboard.spend.find((row) => row.currency === 'IDR')?.allocatedMinor).toBe(25_000_000_000);
    });
  });

  describe('contributing deliverables', () => {
    it('should roll the TikTok cut up into its master: what the one asset cost and returned on every channel', async () => {
      const response = await get('lead', `/api/goal-reports/${goalId}/deliverables?withTotal=true`);
      expect(response.status).toBe(200);
      const page = response.body as Page<GoalDeliverableRow>;

      expect(page.total).toEqual({ count: 2, exact: true });
      const master = page.items.find((row) => row.id === masterId);
      expect(master).toMatchObject({
        briefTitle: 'Launch reel',
        agencyName: 'Northwind Social',
        cutCount: 1,
        own: { spendMinor: 1_000_000, impressions: 20_000, perThousandImpressionsMinor: 50_000 },
        total: {
          spendMinor: 1_250_000,
          impressions: 30_000,
          clicks: 300,
          perThousandImpressionsMinor: 41_667,
          roi: -0.76,
        },
      });
      expect(master?.cuts.map((cut) => [cut.id, cut.channel, cut.figures.impressions])).toEqual([
        [cutId, 'tiktok', 10_000],
      ]);
      expect(page.items.some((row) => row.id === cutId)).toBe(false);
    });

    it('should page the masters with a cursor', async () => {
      const first = (await get('lead', `/api/goal-reports/${goalId}/deliverables?limit=1`))
        .body as Page<GoalDeliverableRow>;
      const second = (
        await get('lead', `/api/goal-reports/${goalId}/deliverables?limit=1&cursor=${first.nextCursor ?? ''}`)
      ).body as Page<GoalDeliverableRow>;

      const titles = [...first.items, ...second.items].map((row) => row.title);
      expect([...first.items, ...second.items].map((row) => row.briefTitle).sort()).toEqual([
        'Launch creators',
        'Launch reel',
      ]);
      expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : 1)));
      expect(second.nextCursor).toBeNull();
    });
  });

  describe('who sees what', () => {
    it.each(['lead', 'admin', 'finance', 'viewer', 'reviewer'])(
      'should let %s read the dashboard',
      async (actor) => {
        expect((await get(actor, `/api/goal-reports/${goalId}`)).status).toBe(200);
        expect((await get(actor, `/api/goal-reports/${goalId}/deliverables`)).status).toBe(200);
      },
    );

    it('should show a reviewer the results but say the spend is not theirs to see, instead of showing it as zero', async () => {
      const dashboard = await report('reviewer');

      expect(dashboard.spendVisible).toBe(false);
      expect(dashboard.spend).toEqual([]);
      expect(
        dashboard.costs.every((row) => row.spendMinor === 0 && row.perThousandImpressionsMinor === null),
      ).toBe(true);
    });

    it('should show Northwind only its own work: no Southpeak figures, no goal outcomes, no pace', async () => {
      const dashboard = await report('northwind');

      expect(dashboard.scope).toBe('own_work');
      expect(dashboard.kpi.actual).toBe(30_000);
      expect(dashboard.kpi.fromGoalOutcomes).toBe(0);
      expect(dashboard.pace).toBeNull();
      expect(dashboard.spend.map((row) => row.currency)).toEqual(['KRW']);
      expect(dashboard.costs.map((row) => [row.currency, row.perThousandImpressionsMinor])).toEqual([
        ['KRW', 41_667],
      ]);
      expect(dashboard.breakdowns.agency.map((row) => row.label)).toEqual(['Northwind Social']);
      const page = (await get('northwind', `/api/goal-reports/${goalId}/deliverables`))
        .body as Page<GoalDeliverableRow>;
      expect(page.items.map((row) => row.id)).toEqual([masterId]);
    });

    it("should show Southpeak only its own deliverable and none of Northwind's spend", async () => {
      const dashboard = await report('southpeak');

      expect(dashboard.kpi.actual).toBe(6_000);
      expect(dashboard.spend.map((row) => row.currency)).toEqual(['IDR']);
      expect(dashboard.costs.map((row) => row.currency)).toEqual(['IDR']);
      const page = (await get('southpeak', `/api/goal-reports/${goalId}/deliverables`))
        .body as Page<GoalDeliverableRow>;
      expect(page.items.map((row) => row.id)).toEqual([southpeakId]);
    });

    it("should answer 404 when Northwind asks for a goal only Southpeak's contracts serve", async () => {
      expect(southpeakOnlyGoalId).not.toBe('');
      expect((await get('northwind', `/api/goal-reports/${southpeakOnlyGoalId}`)).status).toBe(404);
      expect((await get('northwind', `/api/goal-reports/${southpeakOnlyGoalId}/deliverables`)).status).toBe(
        404,
      );
      expect((await get('lead', `/api/goal-reports/${southpeakOnlyGoalId}`)).status).toBe(200);
    });

    it('should answer 401 without a session, 400 for a malformed id and 404 for an unknown goal', async () => {
      expect((await t.http().get(`/api/goal-reports/${goalId}`)).status).toBe(401);
      expect((await t.http().get('/api/goal-reports')).status).toBe(401);
      expect((await get('lead', '/api/goal-reports/not-a-uuid')).status).toBe(400);
      expect((await get('lead', '/api/goal-reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await get('lead', `/api/goal-reports/${goalId}/deliverables?sort=budget`)).status).toBe(400);
    });
  });

  describe('trace up', () => {
    it('should name the goal its brief serves on a deliverable, for the agency as for the lead', async () => {
      for (const actor of ['lead', 'northwind']) {
        const response = await get(actor, `/api/deliverables/${cutId}`);
        expect(response.status).toBe(200);
        expect((response.body as DeliverableDetailDto).goals).toEqual([{ goalId, goalName: 'Launch reach' }]);
      }
    });
  });

  describe('the overview', () => {
    it('should compare the unit’s goals with KPI against target, pace and spend per currency', async () => {
      const unit = (await report('lead')).businessUnitId;
      const response = await get(
        'lead',
        `/api/goal-reports?businessUnitId=${unit}&periodFrom=${day(-1)}&periodTo=${day(1)}&limit=100`,
      );
      expect(response.status).toBe(200);
      const row = (response.body as Page<GoalOverviewRow>).items.find((item) => item.goalId === goalId);

      expect(row).toMatchObject({
        actual: 40_000,
        pace: { status: 'on_track', percentOfTarget: 66.7 },
        spendVisible: true,
      });
      expect(row?.spend).toEqual([
        { currency: 'IDR', allocatedMinor: 25_000_000_000, invoicedMinor: 0, costPerKpiUnitMinor: null },
        { currency: 'KRW', allocatedMinor: 18_000_000, invoicedMinor: 1_250_000, costPerKpiUnitMinor: 31 },
      ]);
    });

    it.each(['viewer', 'finance', 'reviewer'])('should let %s compare goals', async (actor) => {
      expect((await get(actor, '/api/goal-reports')).status).toBe(200);
    });

    it.each(['northwind', 'southpeak'])('should refuse the overview to %s (403)', async (actor) => {
      expect((await get(actor, '/api/goal-reports')).status).toBe(403);
    });

    it('should refuse a malformed period with 400', async () => {
      expect((await get('lead', '/api/goal-reports?periodFrom=2026-13-01')).status).toBe(400);
    });
  });
});
