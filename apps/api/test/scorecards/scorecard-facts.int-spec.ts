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
});
