import { FILE_STORAGE, type FileStorage } from '../src/app/files/file-storage';
import { ReviewsService } from '../src/app/reviews/reviews.service';
import { seedDemoReviews } from '../src/app/seed/demo-reviews';
import { bearer, createTestApp, DEMO, type TestApp } from './support/test-app';

describe('demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

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
    const lead = await t.login(DEMO.lead);
    const queue = await t
      .http()
      .get('/api/deliverables')
      .query({ awaitingMe: 'true' })
      .set(bearer(lead.accessToken));
    expect(queue.status).toBe(200);
    const reviewer = await t.login(DEMO.reviewer);
    const reviewerQueue = await t
      .http()
      .get('/api/deliverables')
      .query({ awaitingMe: 'true' })
      .set(bearer(reviewer.accessToken));
    expect(reviewerQueue.body.items.length).toBeGreaterThanOrEqual(1);
    const legal = await t.login(DEMO.legal);
    const legalQueue = await t
      .http()
      .get('/api/deliverables')
      .query({ awaitingMe: 'true' })
      .set(bearer(legal.accessToken));
    // Legal is a reviewer too: the brand step of the Southpeak video and the legal step of reel 1.
    expect(legalQueue.body.items).toHaveLength(2);
    // Each row says when its step's SLA runs out; the Southpeak video's has passed.
    const dueAts: (string | null)[] = legalQueue.body.items.map(
      (row: { stepDueAt: string | null }) => row.stepDueAt,
    );
    expect(dueAts.every((dueAt) => dueAt !== null && !Number.isNaN(Date.parse(dueAt)))).toBe(true);
    expect(dueAts.filter((dueAt) => dueAt !== null && Date.parse(dueAt) < Date.now())).toHaveLength(1);

    // The Southpeak creator video has waited past its 24-hour SLA: the job escalates it once.
    expect(await t.app.get(ReviewsService).escalateOverdue()).toBe(1);
    expect(await t.app.get(ReviewsService).escalateOverdue()).toBe(0);

    const member = await t.login(DEMO.northwindMember);
    const visible = await t.http().get('/api/briefs').set(bearer(member.accessToken));
    // Northwind's sent and running briefs, not its draft (demo titles are in Korean, so by status).
    expect(visible.body.items.map((brief: { status: string }) => brief.status).sort()).toEqual([
      'in_progress',
      'sent',
    ]);
  });
});
