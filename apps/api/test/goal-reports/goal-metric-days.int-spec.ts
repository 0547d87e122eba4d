import type { GoalDto, GoalOverviewRow, GoalReportDto, Page } from '@agency-portal/shared';
import { GOAL_ROLLUP_JOB } from '../../src/app/goal-reports/goal-rollup-jobs';
import { QueueService } from '../../src/app/jobs/queue.service';
import { contractBySuffix } from '../support/spend';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { acceptedBrief } from '../support/work';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const yesterday = () => day(-1);

/**
 * goal_metric_days (migration GoalMetricDays): the goal reports read it for readers who see every
 * deliverable's figures, so it must always hold exactly what the daily rows add up to per goal,
 * day, agency, channel, stage and currencies, whatever writes them; and a goal whose groups are
 * being rebuilt is read from the daily rows, with the same answers.
 */
const DIFFERENCES = `
  WITH raw AS (
    SELECT bg.goal_id, m.metric_date, c.agency_id, COALESCE(d.channel, '') AS channel, b.funnel_stage,
           c.currency::text AS currency, COALESCE(m.revenue_currency, '') AS revenue_currency, count(*)::int AS day_rows,
           sum(m.impressions) AS impressions, sum(m.reach) AS reach, sum(m.engagements) AS engagements,
           sum(m.clicks) AS clicks, sum(m.video_views) AS video_views, sum(m.conversions) AS conversions,
           sum(m.revenue_minor) AS revenue_minor
      FROM performance_metrics m JOIN deliverables d ON d.id = m.deliverable_id
      JOIN briefs b ON b.id = d.brief_id JOIN contracts c ON c.id = b.contract_id
      JOIN brief_goals bg ON bg.brief_id = b.id
     GROUP BY 1, 2, 3, 4, 5, 6, 7
  ), rolled AS (
    SELECT goal_id, metric_date, agency_id, channel, funnel_stage, currency::text, revenue_currency, day_rows,
           CASE WHEN n_impressions > 0 THEN impressions END, CASE WHEN n_reach > 0 THEN reach END,
           CASE WHEN n_engagements > 0 THEN engagements END, CASE WHEN n_clicks > 0 THEN clicks END,
           CASE WHEN n_video_views > 0 THEN video_views END, CASE WHEN n_conversions > 0 THEN conversions END,
           CASE WHEN n_revenue > 0 THEN revenue_minor END
      FROM goal_metric_days WHERE day_rows <> 0
  )
  SELECT 'missing' AS side, * FROM (SELECT * FROM raw EXCEPT ALL SELECT * FROM rolled) a
  UNION ALL SELECT 'extra', * FROM (SELECT * FROM rolled EXCEPT ALL SELECT * FROM raw) b`;

describe('goal reports: the goal_metric_days rollup', () => {
  let t: TestApp;
  let lead: SignedIn;

  const differences = () => t.dataSource.query<unknown[]>(DIFFERENCES);
  const get = async <T>(path: string): Promise<T> => {
    const response = await t.http().get(path).set(bearer(lead.accessToken));
    expect(response.status).toBe(200);
    return response.body as T;
  };
  /** A published demo deliverable with figures, the goals its brief serves and one it does not. */
  const published = async () => {
    const [row] = await t.dataSource.query<
      { id: string; brief_id: string; goal_id: string; other_goal: string }[]
    >(
      `SELECT d.id, d.brief_id, bg.goal_id,
              (SELECT g.id FROM marketing_goals g WHERE NOT EXISTS (
                 SELECT 1 FROM brief_goals x WHERE x.brief_id = d.brief_id AND x.goal_id = g.id) ORDER BY g.name LIMIT 1) AS other_goal
         FROM deliverables d JOIN brief_goals bg ON bg.brief_id = d.brief_id
        WHERE d.status = 'published' AND EXISTS (SELECT 1 FROM performance_metrics m WHERE m.deliverable_id = d.id)
        ORDER BY d.id LIMIT 1`,
    );
    if (!row) throw new Error('the demo has no published deliverable with figures');
    return row;
  };

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    // Two goals; a Northwind brief (two deliverables) and a Southpeak one serve the first.
    const northwind = await contractBySuffix(t, lead.accessToken, 'KR-01');
    const southpeak = await contractBySuffix(t, lead.accessToken, 'ID-01');
    const goalIds: string[] = [];
    for (const name of ['Rollup reach', 'Rollup other']) {
      const created = await t
        .http()
        .post('/api/goals')
        .set(bearer(lead.accessToken))
        .send({
          businessUnitId: northwind.businessUnitId,
          ownerId: lead.userId,
          name,
          kpiMetric: 'impressions',
          targetValue: 60_000,
          periodStart: day(-40),
          periodEnd: day(19),
          channels: ['instagram', 'tiktok'],
          funnelStage: 'awareness',
          status: 'active',
        });
      expect(created.status).toBe(201);
      goalIds.push((created.body as GoalDto).id);
    }
    const [goalId, otherGoalId] = goalIds as [string, string];
    await t.dataSource.query(
      `INSERT INTO contract_goals (contract_id, goal_id, percent) VALUES ($1, $3, 10), ($2, $3, 10), ($1, $4, 5)`,
      [northwind.id, southpeak.id, goalId, otherGoalId],
    );
    const agencyOf = async (email: string) => (await t.login(email)).accessToken;
    const nwBrief = await acceptedBrief(
      t,
      { ...northwind, allocations: [{ ...northwind.allocations[0], goalId }] },
      { lead: lead.accessToken, agency: await agencyOf(DEMO.northwindMember) },
      {
        title: 'Rollup reel',
        funnelStage: 'awareness',
        specs: [
          {
            rateCardItemId: northwind.rateCard[0].id,
            quantity: 2,
            dueDate: '2031-05-20',
            channel: 'instagram',
          },
        ],
      },
    );
    const spBrief = await acceptedBrief(
      t,
      { ...southpeak, allocations: [{ ...southpeak.allocations[0], goalId }] },
      { lead: lead.accessToken, agency: await agencyOf(DEMO.southpeakMember) },
      {
        title: 'Rollup creators',
        funnelStage: 'consideration',
        channels: ['tiktok'],
        specs: [
          { rateCardItemId: southpeak.rateCard[0].id, quantity: 1, dueDate: '2031-05-20', channel: 'tiktok' },
        ],
      },
    );
    const picked = [
      ...nwBrief.deliverables.map((deliverable) => ({ id: deliverable.id, currency: northwind.currency })),
      ...spBrief.deliverables.map((deliverable) => ({ id: deliverable.id, currency: southpeak.currency })),
    ];
    expect(picked.length).toBeGreaterThanOrEqual(3);
    await t.dataSource.query(
      `UPDATE deliverables SET status = 'published', published_at = now() - interval '42 days',
              post_url = 'https://www.instagram.com/p/' || left(id::text, 8) || '/'
        WHERE id = ANY($1)`,
      [picked.map((row) => row.id)],
    );
    const rows = picked.flatMap((deliverable, index) =>
      [-7, -6, -5, -4, -3, -2, -1].map((offset) => ({
        deliverableId: deliverable.id,
        date: day(offset),
        impressions: 1000 * (index + 1) - offset * 10,
        engagements: index === 1 ? undefined : 40 - offset,
        clicks: 12,
        ...(index === 0 ? { conversions: 2, revenueMinor: 5000, currency: deliverable.currency } : {}),
      })),
    );
    const response = await t.http().put('/api/metrics').set(bearer(lead.accessToken)).send({ rows });
    expect(response.status).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should hold what the daily rows add up to, for every goal', async () => {
    const [{ groups }] = await t.dataSource.query<{ groups: number }[]>(
      'SELECT count(*)::int AS groups FROM goal_metric_days',
    );
    expect(groups).toBeGreaterThan(0);
    expect(await differences()).toEqual([]);
  });

  it('should give every goal’s dashboard and the overview the same answers as the daily rows do', async () => {
    const goals = await t.dataSource.query<{ id: string }[]>('SELECT id FROM marketing_goals ORDER BY id');
    const overviewPath = '/api/goal-reports?limit=100';
    const fromRollup = await Promise.all(
      goals.map((goal) => get<GoalReportDto>(`/api/goal-reports/${goal.id}`)),
    );
    const overviewFromRollup = await get<Page<GoalOverviewRow>>(overviewPath);
    // Marked stale, every goal is read from its deliverables' daily rows.
    await t.dataSource.query('INSERT INTO goal_metric_stale (goal_id) SELECT id FROM marketing_goals');
    try {
      const fromRows = await Promise.all(
        goals.map((goal) => get<GoalReportDto>(`/api/goal-reports/${goal.id}`)),
      );
      expect(fromRows).toEqual(fromRollup);
      expect(await get<Page<GoalOverviewRow>>(overviewPath)).toEqual(overviewFromRollup);
      expect(fromRollup.some((report) => report.kpi.actual > 0)).toBe(true);
    } finally {
      await t.dataSource.query('DELETE FROM goal_metric_stale');
    }
  });

  it('should follow an upsert, a re-import with other figures and a deletion of daily rows', async () => {
    const deliverable = await published();
    const put = (impressions: number, revenue: Record<string, unknown> = {}) =>
      t
        .http()
        .put('/api/metrics')
        .set(bearer(lead.accessToken))
        .send({
          rows: [{ deliverableId: deliverable.id, date: yesterday(), impressions, clicks: 7, ...revenue }],
        });
    expect((await put(1234)).status).toBe(200);
    expect(await differences()).toEqual([]);
    expect((await put(4321)).status).toBe(200);
    expect(await differences()).toEqual([]);
    const [{ sum }] = await t.dataSource.query<{ sum: string }[]>(
      `SELECT sum(impressions)::text AS sum FROM goal_metric_days WHERE goal_id = $1 AND metric_date = $2`,
      [deliverable.goal_id, yesterday()],
    );
    expect(Number(sum)).toBeGreaterThanOrEqual(4321);
    await t.dataSource.query(
      'DELETE FROM performance_metrics WHERE deliverable_id = $1 AND metric_date = $2',
      [deliverable.id, yesterday()],
    );
    expect(await differences()).toEqual([]);
  });

  it('should add a brief’s figures to a goal it comes to serve, and take them away again', async () => {
    const deliverable = await published();
    const before = await get<GoalReportDto>(`/api/goal-reports/${deliverable.other_goal}`);
    await t.dataSource.query('INSERT INTO brief_goals (brief_id, goal_id) VALUES ($1, $2)', [
      deliverable.brief_id,
      deliverable.other_goal,
    ]);
    expect(await differences()).toEqual([]);
    const [{ rows }] = await t.dataSource.query<{ rows: number }[]>(
      'SELECT count(*)::int AS rows FROM goal_metric_days WHERE goal_id = $1 AND day_rows > 0',
      [deliverable.other_goal],
    );
    expect(rows).toBeGreaterThan(0);
    await t.dataSource.query('DELETE FROM brief_goals WHERE brief_id = $1 AND goal_id = $2', [
      deliverable.brief_id,
      deliverable.other_goal,
    ]);
    expect(await differences()).toEqual([]);
    expect(await get<GoalReportDto>(`/api/goal-reports/${deliverable.other_goal}`)).toEqual(before);
  });

  it('should read a goal from its daily rows once a deliverable changes channel, until the queue job rebuilds it', async () => {
    const deliverable = await published();
    const [{ channel }] = await t.dataSource.query<{ channel: string }[]>(
      'SELECT channel FROM deliverables WHERE id = $1',
      [deliverable.id],
    );
    const moved = channel === 'linkedin' ? 'pinterest' : 'linkedin';
    await t.dataSource.query('UPDATE deliverables SET channel = $2 WHERE id = $1', [deliverable.id, moved]);
    const marked = await t.dataSource.query<{ goal_id: string }[]>('SELECT goal_id FROM goal_metric_stale');
    expect(marked.map((row) => row.goal_id)).toContain(deliverable.goal_id);
    // Stale groups are not read: the breakdown already shows the new channel.
    const meanwhile = await get<GoalReportDto>(`/api/goal-reports/${deliverable.goal_id}`);
    expect(meanwhile.breakdowns.channel.map((row) => row.key)).toContain(moved);

    const queue = t.app.get(QueueService);
    await queue.send(GOAL_ROLLUP_JOB, {});
    expect(await queue.drain([GOAL_ROLLUP_JOB])).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.query('SELECT goal_id FROM goal_metric_stale')).toEqual([]);
    expect(await differences()).toEqual([]);
    expect(await get<GoalReportDto>(`/api/goal-reports/${deliverable.goal_id}`)).toEqual(meanwhile);
  });
});
