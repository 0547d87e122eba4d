import type {
  ContractDetailDto,
  GoalOutcomeUpsertResult,
  MetricUpsertResult,
  Page,
  PerformanceMetricDto,
} from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { acceptedBrief } from '../support/work';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface LineError {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

describe('outcomes API: metrics upsert and goal outcomes', () => {
  let t: TestApp;
  let lead: SignedIn;
  let admin: SignedIn;
  let viewer: SignedIn;
  let northwind: SignedIn;
  let southpeak: SignedIn;
  let nwDeliverable: string;
  let nwUnpublished: string;
  let spDeliverable: string;

  async function contractOf(agency: string): Promise<ContractDetailDto> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = $1 AND c.status = 'active' ORDER BY c.reference LIMIT 1`,
      [agency],
    );
    const response = await t.http().get(`/api/contracts/${rows[0]?.id}`).set(bearer(lead.accessToken));
    return response.body as ContractDetailDto;
  }

  /** A deliverable of the agency's active contract, published ten days ago (or left a draft). */
  async function deliverableOf(agency: string, who: SignedIn, published = true): Promise<string> {
    const brief = await acceptedBrief(t, await contractOf(agency), {
      lead: lead.accessToken,
      agency: who.accessToken,
    });
    const id = brief.deliverables[0]?.id;
    if (published) {
      await t.dataSource.query(
        `UPDATE deliverables SET status = 'published', post_url = $2, published_at = now() - interval '10 days'
          WHERE id = $1`,
        [id, `https://www.instagram.com/p/${id.slice(0, 8)}/`],
      );
    }
    return id;
  }

  const metricRows = async (id: string): Promise<number> =>
    Number(
      (
        await t.dataSource.query<
          {
            n: string;
          }[]
        >('SELECT count(*) AS n FROM performance_metrics WHERE deliverable_id = $1', [id])
      )[0]?.n,
    );

  const put = (who: SignedIn, rows: unknown[]) =>
    t.http().put('/api/metrics').set(bearer(who.accessToken)).send({ rows });

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    admin = await t.login(DEMO.admin);
    viewer = await t.login(DEMO.viewer);
    northwind = await t.login(DEMO.northwindMember);
    southpeak = await t.login(DEMO.southpeakMember);
    nwDeliverable = await deliverableOf('Northwind Social', northwind);
    nwUnpublished = await deliverableOf('Northwind Social', northwind, false);
    spDeliverable = await deliverableOf('Southpeak Media', southpeak);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should insert, then change nothing on a retry, then update what changed when a batch is sent again', async () => {
    const rows = [
      { deliverableId: nwDeliverable, date: day(-3), impressions: 1200, reach: 900, engagements: 80 },
      { deliverableId: nwDeliverable, date: day(-2), channel: 'instagram', impressions: 1500, clicks: 12 },
    ];
    const first = await put(lead, rows);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 2, inserted: 2, updated: 0, unchanged: 0 });

    const retry = await put(lead, rows);
    expect(retry.status).toBe(200);
    expect(retry.body as MetricUpsertResult).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await metricRows(nwDeliverable)).toBe(2);

    const changed = await put(admin, [{ ...rows[1], clicks: 15 }]);
    expect(changed.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });

    const read = await t
      .http()
      .get(`/api/deliverables/${nwDeliverable}/metrics`)
      .set(bearer(lead.accessToken));
    expect(read.status).toBe(200);
    const page = read.body as Page<PerformanceMetricDto>;
    expect(
      page.items.map((item) => [item.date, item.channel, item.impressions, item.clicks, item.reach]),
    ).toEqual([
      [day(-2), 'instagram', 1500, 15, null],
      [day(-3), 'instagram', 1200, null, 900],
    ]);
  });

  it('should keep figures a later row leaves out when two sources report the same day', async () => {
    await put(lead, [{ deliverableId: nwDeliverable, date: day(-5), impressions: 500 }]).expect(200);
    await put(lead, [
      { deliverableId: nwDeliverable, date: day(-5), revenueMinor: 125000, currency: 'KRW' },
    ]).expect(200);
    const [row] = await t.dataSource.query<
      { impressions: number; revenue_minor: string; revenue_currency: string }[]
    >(
      `SELECT impressions, revenue_minor, revenue_currency FROM performance_metrics
        WHERE deliverable_id = $1 AND metric_date = $2`,
      [nwDeliverable, day(-5)],
    );
    expect(row).toEqual({ impressions: 500, revenue_minor: '125000', revenue_currency: 'KRW' });
  });

  it('should refuse the whole batch with every line problem and store nothing when any row is wrong', async () => {
    const before = await metricRows(nwDeliverable);
    const response = await put(lead, [
      { deliverableId: nwDeliverable, date: day(-1), impressions: 10 },
      { deliverableId: nwDeliverable, date: day(-1), impressions: -4 },
      { deliverableId: nwDeliverable, date: day(-40), impressions: 4 },
      { deliverableId: nwDeliverable, date: day(5), impressions: 4 },
      { deliverableId: nwUnpublished, date: day(-1), impressions: 4 },
      { deliverableId: '00000000-0000-4000-8000-000000000000', date: day(-1), impressions: 4 },
      { deliverableId: nwDeliverable, date: '2026-02-30', likes: 3 },
      { deliverableId: nwDeliverable, date: day(-4), revenueMinor: 100, currency: 'EUR' },
      { deliverableId: nwDeliverable, date: day(-1) },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('invalid_rows');
    const lines = (response.body.details.lines as LineError[]).map((line) => [
      line.line,
      line.column,
      line.code,
    ]);
    expect(lines).toEqual([
      [2, 'impressions', 'negative_value'],
      [3, 'date', 'date_before_publication'],
      [4, 'date', 'date_in_future'],
      [5, 'deliverableId', 'not_published'],
      [6, 'deliverableId', 'deliverable_not_found'],
      [7, 'likes', 'unknown_property'],
      [7, 'date', 'not_a_date'],
      [8, 'currency', 'currency_mismatch'],
      [9, null, 'no_values'],
    ]);
    expect((response.body.details.lines as LineError[])[7]?.message).toBe('The revenue must be in KRW.');
    expect(await metricRows(nwDeliverable)).toBe(before);
  });

  it('should refuse a row repeating the key of an earlier one, once the channel is known', async () => {
    const response = await put(lead, [
      { deliverableId: nwDeliverable, date: day(-1), impressions: 1 },
      { deliverableId: nwDeliverable, date: day(-1), channel: 'instagram', impressions: 2 },
    ]);
    expect(response.status).toBe(422);
    expect(response.body.details.lines).toEqual([
      expect.objectContaining({ line: 2, code: 'duplicate_row', params: { line: '1' } }),
    ]);
  });

  it('should let agencies read only their own deliverables’ metrics and write none when asked', async () => {
    await put(lead, [{ deliverableId: spDeliverable, date: day(-1), impressions: 7 }]).expect(200);
    const own = await t
      .http()
      .get(`/api/deliverables/${nwDeliverable}/metrics`)
      .set(bearer(northwind.accessToken));
    expect(own.status).toBe(200);
    expect((own.body as Page<PerformanceMetricDto>).items.length).toBeGreaterThan(0);
    const other = await t
      .http()
      .get(`/api/deliverables/${spDeliverable}/metrics`)
      .set(bearer(northwind.accessToken));
    expect(other.status).toBe(404);
    const missing = await t
      .http()
      .get('/api/deliverables/00000000-0000-4000-8000-000000000000/metrics')
      .set(bearer(northwind.accessToken));
    expect(other.body).toEqual(missing.body);
    expect(
      (await put(northwind, [{ deliverableId: nwDeliverable, date: day(-1), impressions: 1 }])).status,
    ).toBe(403);
    expect(
      (await put(viewer, [{ deliverableId: nwDeliverable, date: day(-1), impressions: 1 }])).status,
    ).toBe(403);
    const viewed = await t
      .http()
      .get(`/api/deliverables/${spDeliverable}/metrics`)
      .set(bearer(viewer.accessToken));
    expect(viewed.status).toBe(200);
  });

  it('should page a deliverable’s metrics by day with a cursor when there are more than a page', async () => {
    const first = await t
      .http()
      .get(`/api/deliverables/${nwDeliverable}/metrics?limit=1&sort=date`)
      .set(bearer(lead.accessToken));
    const page = first.body as Page<PerformanceMetricDto>;
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const next = await t
      .http()
      .get(`/api/deliverables/${nwDeliverable}/metrics?limit=1&sort=date&cursor=${page.nextCursor}`)
      .set(bearer(lead.accessToken));
    expect((next.body as Page<PerformanceMetricDto>).items[0]?.date > (page.items[0]?.date ?? '')).toBe(true);
    const mixed = await t
      .http()
      .get(`/api/deliverables/${nwDeliverable}/metrics?limit=1&cursor=${page.nextCursor}`)
      .set(bearer(lead.accessToken));
    expect(mixed.status).toBe(400);
    expect(
      (
        await t
          .http()
          .get(`/api/deliverables/${nwDeliverable}/metrics?limit=101`)
          .set(bearer(lead.accessToken))
      ).status,
    ).toBe(400);
  });

  describe('goal-level outcomes', () => {
    let goalId: string;

    beforeAll(async () => {
      const rows: { id: string }[] = await t.dataSource.query(
        `SELECT id FROM marketing_goals WHERE kpi_metric <> 'revenue' AND period_start <= CURRENT_DATE - 3
            AND period_end >= CURRENT_DATE ORDER BY name LIMIT 1`,
      );
      goalId = rows[0]?.id;
      expect(goalId).toBeDefined();
    });

    const putOutcomes = (who: SignedIn, rows: unknown[]) =>
      t.http().put(`/api/goals/${goalId}/outcomes`).set(bearer(who.accessToken)).send({ rows });

    it('should upsert by day and metric, change nothing on a retry and remove a day given no value', async () => {
      const rows = [
        { date: day(-2), metric: 'conversions', value: 40, note: 'Sign-ups from the brand site' },
        { date: day(-1), metric: 'conversions', value: 55 },
      ];
      expect((await putOutcomes(lead, rows)).body).toMatchObject({ inserted: 2, unchanged: 0 });
      expect(((await putOutcomes(lead, rows)).body as GoalOutcomeUpsertResult).unchanged).toBe(2);
      const removed = await putOutcomes(lead, [{ date: day(-1), metric: 'conversions', value: null }]);
      expect(removed.body).toMatchObject({ removed: 1 });
      const list = await t.http().get(`/api/goals/${goalId}/outcomes`).set(bearer(viewer.accessToken));
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          date: day(-2),
          metric: 'conversions',
          value: 40,
          note: 'Sign-ups from the brand site',
        }),
      ]);
    });

    it('should refuse outcomes outside the goal’s period or for revenue without the goal’s currency', async () => {
      const response = await putOutcomes(lead, [
        { date: '1999-01-01', metric: 'reach', value: 3 },
        { date: day(-1), metric: 'revenue', value: 300, currency: 'USD' },
        { date: day(-1), metric: 'sign_ups', value: 3 },
      ]);
      expect(response.status).toBe(422);
      expect((response.body.details.lines as LineError[]).map((line) => [line.line, line.code])).toEqual([
        [1, 'date_outside_goal_period'],
        [2, 'revenue_needs_goal_currency'],
        [3, 'unknown_metric'],
      ]);
    });

    it('should keep goal outcomes from agencies and writes from readers when asked', async () => {
      expect(
        (await t.http().get(`/api/goals/${goalId}/outcomes`).set(bearer(northwind.accessToken))).status,
      ).toBe(403);
      expect((await putOutcomes(viewer, [{ date: day(-1), metric: 'reach', value: 1 }])).status).toBe(403);
      const missing = await t
        .http()
        .put('/api/goals/00000000-0000-4000-8000-000000000000/outcomes')
        .set(bearer(lead.accessToken))
        .send({ rows: [{ date: day(-1), metric: 'reach', value: 1 }] });
      expect(missing.status).toBe(404);
    });

    it('should refuse a social lead of another unit with 403 when they write a goal they can read', async () => {
      const koreaUnit = await t.unitId('Korea Consumer Marketing');
      const [other] = await t.dataSource.query<{ id: string }[]>(
        `SELECT g.id FROM marketing_goals g WHERE g.business_unit_id <> $1 LIMIT 1`,
        [koreaUnit],
      );
      await t.dataSource.query(`UPDATE users SET business_unit_id = $1 WHERE email = $2`, [
        koreaUnit,
        DEMO.lead,
      ]);
      try {
        const response = await t
          .http()
          .put(`/api/goals/${other?.id}/outcomes`)
          .set(bearer(lead.accessToken))
          .send({ rows: [{ date: day(-1), metric: 'reach', value: 1 }] });
        expect(response.status).toBe(403);
      } finally {
        const coe = await t.unitId('Global Social Centre of Excellence');
        await t.dataSource.query(`UPDATE users SET business_unit_id = $1 WHERE email = $2`, [coe, DEMO.lead]);
      }
    });
  });
});
