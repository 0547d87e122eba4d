import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { ReviewsService } from '../../src/app/reviews/reviews.service';
import { seedDemoGoalOutcomes } from '../../src/app/seed/demo-goal-outcomes';
import { seedDemoOutcomes } from '../../src/app/seed/demo-outcomes';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { bearer, suiteApp, DEMO } from '../support/test-app';

describe('demo data', () => {
  const t = suiteApp();

  it('should seed briefs and reviews once, in the states a new user should meet', async () => {
    const storage = t.app.get<FileStorage>(FILE_STORAGE);

    expect(await seedDemoReviews(t.dataSource, storage)).toBe(true);
    expect(await seedDemoReviews(t.dataSource, storage)).toBe(false);

    const briefs: { status: string; count: number }[] = await t.dataSource.query(
      'SELECT status, count(*)::int AS count FROM briefs GROUP BY status ORDER BY status',
    );
    expect(briefs).toEqual([
      { status: 'declined', count: 1 },
      { status: 'draft', count: 1 },
      { status: 'in_progress', count: 2 },
      { status: 'sent', count: 1 },
    ]);
    // The template starts with the review of the social lead who owns the contract.
    const [template] = await t.dataSource.query<{ steps: { name: string; contractOwner: boolean }[] }[]>(
      'SELECT steps FROM approval_policies WHERE contract_id IS NULL',
    );
    expect(template?.steps.map((step) => [step.name, step.contractOwner])).toEqual([
      ['Lead review', true],
      ['Brand review', false],
      ['Legal', false],
    ]);
    const queueOf = async (email: string): Promise<{ title: string; stepDueAt: string | null }[]> => {
      const who = await t.login(email);
      const queue = await t
        .http()
        .get('/api/deliverables')
        .query({ awaitingMe: 'true' })
        .set(bearer(who.accessToken));
      expect(queue.status).toBe(200);
      return queue.body.items;
    };
    // The lead owns both contracts: the Southpeak video waits for their review, past its SLA.
    const leadQueue = await queueOf(DEMO.lead);
    expect(leadQueue).toHaveLength(1);
    expect(leadQueue.every((row) => row.stepDueAt !== null && Date.parse(row.stepDueAt) < Date.now())).toBe(
      true,
    );
    // Reel 1's second version passed the lead 30 hours ago and waits at brand review, for every
    // reviewer (legal is a reviewer too), past its 24-hour SLA: a reviewer's home starts from it.
    for (const email of [DEMO.reviewer, DEMO.legal]) {
      const queue = await queueOf(email);
      expect(queue).toHaveLength(1);
      expect(queue.every((row) => row.stepDueAt !== null && Date.parse(row.stepDueAt) < Date.now())).toBe(
        true,
      );
    }

    // The Southpeak creator video and reel 1 have waited past their 24-hour SLAs: the job escalates
    // each once.
    expect(await t.app.get(ReviewsService).escalateOverdue()).toBe(2);
    expect(await t.app.get(ReviewsService).escalateOverdue()).toBe(0);

    const member = await t.login(DEMO.northwindMember);
    const visible = await t.http().get('/api/briefs').set(bearer(member.accessToken));
    // Northwind's sent and running briefs, not its draft (demo titles are in Korean, so by status).
    expect(visible.body.items.map((brief: { status: string }) => brief.status).sort()).toEqual([
      'in_progress',
      'sent',
    ]);
  });

  it('should seed published posts of both agencies with daily metrics once, after the reviews', async () => {
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);

    expect(await seedDemoOutcomes(t.dataSource, storage)).toBe(true);
    expect(await seedDemoOutcomes(t.dataSource, storage)).toBe(false);

    const rows: { agency: string; posts: number; days: number }[] = await t.dataSource.query(
      `SELECT a.name AS agency, count(DISTINCT m.deliverable_id)::int AS posts, count(*)::int AS days
         FROM performance_metrics m JOIN deliverables d ON d.id = m.deliverable_id AND d.status = 'published'
         JOIN briefs b ON b.id = d.brief_id JOIN contracts c ON c.id = b.contract_id JOIN agencies a ON a.id = c.agency_id
        GROUP BY a.name ORDER BY a.name`,
    );
    expect(rows).toEqual([
      { agency: 'Northwind Social', posts: 2, days: 115 },
      { agency: 'Southpeak Media', posts: 1, days: 60 },
    ]);
    const member = await t.login(DEMO.northwindMember);
    const [own] = await t.dataSource.query<{ id: string }[]>(
      `SELECT m.deliverable_id AS id FROM performance_metrics m JOIN deliverables d ON d.id = m.deliverable_id
        WHERE d.post_key = 'instagram:CdemoAutumn1' LIMIT 1`,
    );
    const metrics = await t
      .http()
      .get(`/api/deliverables/${own?.id}/metrics`)
      .set(bearer(member.accessToken));
    expect(metrics.status).toBe(200);
    expect(metrics.body.items).toHaveLength(25);
  });

  it('should seed the goals’ own outcomes once, so one demo dashboard is on track and others behind', async () => {
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoOutcomes(t.dataSource, storage);

    expect(await seedDemoGoalOutcomes(t.dataSource)).toBe(true);
    expect(await seedDemoGoalOutcomes(t.dataSource)).toBe(false);

    const lead = await t.login(DEMO.lead);
    const overview = await t
      .http()
      .get('/api/goal-reports?status=active&limit=100')
      .set(bearer(lead.accessToken));
    expect(overview.status).toBe(200);
    const pace = Object.fromEntries(
      (
        overview.body.items as { name: string; pace: { status: string }; spend: { currency: string }[] }[]
      ).map((row) => [row.name, row.pace.status]),
    );
    expect(pace['Pertumbuhan komunitas Indonesia']).toBe('on_track');
    expect(pace['Creator-led revenue']).toBe('behind');
    expect(Object.entries(pace).find(([name]) => name.endsWith('한국 브랜드 인지도'))?.[1]).toBe('behind');
  });
});
