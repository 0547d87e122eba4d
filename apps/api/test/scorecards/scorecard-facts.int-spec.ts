import type { AgencyScorecardDto, ScorecardPage } from '@agency-portal/shared';
import { quarterOf } from '@agency-portal/shared';
import { QueueService } from '../../src/app/jobs/queue.service';
import { SCORECARD_REFRESH_JOB } from '../../src/app/scorecards/scorecard-jobs';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

/**
 * Scorecards read their facts from a snapshot per agency and quarter (agency_quarter_facts): a
 * reader computes a missing or too old pair and stores it, the queue refreshes the recent
 * quarters, and every answer says when its figures were computed. The tests mark a stored pair
 * with an impossible sample (999 deliverables due) to see which of the two a reader was shown.
 */
describe('scorecards: stored facts and their freshness', () => {
  let t: TestApp;
  let lead: SignedIn;
  let northwindId: string;
  const current = quarterOf(new Date());
  const older = '2025-Q1';

  const get = async <T>(path: string): Promise<T> => {
    const response = await t.http().get(path).set(bearer(lead.accessToken));
    expect(response.status).toBe(200);
    return response.body as T;
  };
  const trend = (quarter: string) =>
    get<AgencyScorecardDto>(`/api/scorecards/agencies/${northwindId}?quarter=${quarter}&quarters=1`);
  const stored = async (quarter: string) =>
    t.dataSource.query<{ due: number; computed_at: Date }[]>(
      `SELECT (facts->>'dueCount')::int AS due, computed_at FROM agency_quarter_facts
        WHERE agency_id = $1 AND quarter = $2`,
      [northwindId, quarter],
    );
  const mark = (quarter: string, minutesAgo: number) =>
    t.dataSource.query(
      `UPDATE agency_quarter_facts
          SET facts = jsonb_set(facts, '{dueCount}', '999'),
              computed_at = now() - make_interval(mins => $3)
        WHERE agency_id = $1 AND quarter = $2`,
      [northwindId, quarter, minutesAgo],
    );

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    northwindId = await t.agencyId('Northwind Social');
  });

  afterAll(async () => {
    await t.close();
  });

  it('should store what a first reader computed and say when when an agency is read', async () => {
    expect(await stored(older)).toEqual([]);
    const before = Date.now();
    const first = await trend(older);
    const rows = await stored(older);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.due).toBe(first.quarters[0]?.figures.onTimeRate.sample);
    expect(first.figuresAsOf).not.toBeNull();
    expect(new Date(first.figuresAsOf ?? 0).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('should answer from the stored facts while they are fresh enough when read again', async () => {
    await mark(older, 60);
    expect((await trend(older)).quarters[0]?.figures.onTimeRate.sample).toBe(999);
  });

  it('should compute again when an older quarter was stored more than a day ago', async () => {
    await mark(older, 24 * 60 + 5);
    const again = await trend(older);
    expect(again.quarters[0]?.figures.onTimeRate.sample).not.toBe(999);
    expect((await stored(older))[0]?.due).not.toBe(999);
    expect(Date.now() - new Date(again.figuresAsOf ?? 0).getTime()).toBeLessThan(60_000);
  });

  it('should compute again when the open quarter was stored more than 15 minutes ago', async () => {
    await trend(current);
    await mark(current, 16);
    const again = await trend(current);
    expect(again.quarters[0]?.figures.onTimeRate.sample).not.toBe(999);
  });

  it('should refresh the recent quarters on the queue and leave fresh older ones when the job runs', async () => {
    await trend(current);
    await mark(current, 6);
    await mark(older, 6);
    expect((await trend(current)).quarters[0]?.figures.onTimeRate.sample).toBe(999);

    const queue = t.app.get(QueueService);
    await queue.send(SCORECARD_REFRESH_JOB, {});
    expect(await queue.drain([SCORECARD_REFRESH_JOB])).toBeGreaterThanOrEqual(1);

    expect((await trend(current)).quarters[0]?.figures.onTimeRate.sample).not.toBe(999);
    expect((await stored(older))[0]?.due).toBe(999);
  });

  it('should give the comparison the time of its oldest figure when agencies are compared', async () => {
    await trend(current);
    await t.dataSource.query(
      `UPDATE agency_quarter_facts SET computed_at = now() - interval '10 minutes'
        WHERE agency_id = $1 AND quarter = $2`,
      [northwindId, current],
    );
    const page = await get<ScorecardPage>(`/api/scorecards?quarter=${current}`);
    const oldest = await t.dataSource.query<{ computed_at: Date }[]>(
      `SELECT min(computed_at) AS computed_at FROM agency_quarter_facts WHERE quarter = $1`,
      [current],
    );
    expect(page.figuresAsOf).toBe(oldest[0]?.computed_at.toISOString());
  });

  it('should keep the quarterly sums equal to the daily rows through inserts, upserts and deletes', async () => {
    const [brief] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO briefs (contract_id, title, channels, funnel_stage, due_date, budget_estimate_minor, status,
                           created_by)
       SELECT c.id, 'Rollup brief', '{instagram}', 'awareness', '2024-03-31', 0, 'completed', $2
         FROM contracts c WHERE c.agency_id = $1 ORDER BY c.created_at LIMIT 1 RETURNING id`,
      [northwindId, lead.userId],
    );
    const [deliverable] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO deliverables (brief_id, title, channel, due_date, status)
       VALUES ($1, 'Rollup post', 'instagram', '2024-01-10', 'draft') RETURNING id`,
      [brief?.id],
    );
    const [made] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO metric_imports (source, status, created_by) VALUES ('api', 'imported', $1) RETURNING id`,
      [lead.userId],
    );
    const write = (date: string, impressions: number | null, revenue: number | null) =>
      t.dataSource.query(
        `INSERT INTO performance_metrics (deliverable_id, metric_date, channel, impressions, revenue_minor,
                                          revenue_currency, import_id)
         VALUES ($1, $2, 'instagram', $3, $4, CASE WHEN $4::bigint IS NULL THEN NULL ELSE 'KRW' END, $5)
         ON CONFLICT (deliverable_id, metric_date, channel) DO UPDATE
           SET impressions = EXCLUDED.impressions, revenue_minor = EXCLUDED.revenue_minor,
               revenue_currency = EXCLUDED.revenue_currency`,
        [deliverable?.id, date, impressions, revenue, made?.id],
      );
    await write('2024-01-15', 100, null);
    await write('2024-03-31', 50, 7_000);
    await write('2024-04-01', 20, null);
    await write('2024-01-15', 300, 1_000); // the upsert's UPDATE: new minus old
    await t.dataSource.query(
      `DELETE FROM performance_metrics WHERE deliverable_id = $1 AND metric_date = '2024-04-01'`,
      [deliverable?.id],
    );
    const sums = (table: 'rollup' | 'daily') =>
      t.dataSource.query<Record<string, string>[]>(
        table === 'rollup'
          ? `SELECT quarter_start::text AS quarter, revenue_currency AS currency, day_rows::text AS days,
                    impressions::text, revenue_minor::text AS revenue
               FROM deliverable_metric_quarters
              WHERE deliverable_id = $1 AND quarter_start < '2025-01-01' AND day_rows <> 0
              ORDER BY 1, 2`
          : `SELECT date_trunc('quarter', metric_date)::date::text AS quarter,
                    COALESCE(revenue_currency, '') AS currency, count(*)::text AS days,
                    COALESCE(sum(impressions), 0)::text AS impressions,
                    COALESCE(sum(revenue_minor), 0)::text AS revenue
               FROM performance_metrics WHERE deliverable_id = $1 AND metric_date < '2025-01-01'
              GROUP BY 1, 2 ORDER BY 1, 2`,
        [deliverable?.id],
      );
    expect(await sums('rollup')).toEqual(await sums('daily'));
    expect(await sums('rollup')).toEqual([
      { quarter: '2024-01-01', currency: 'KRW', days: '2', impressions: '350', revenue: '8000' },
    ]);
  });
});
