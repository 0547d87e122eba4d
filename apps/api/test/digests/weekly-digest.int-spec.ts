import type { DigestSubscriptionDto, Page } from '@agency-portal/shared';
import { WeeklyDigestService } from '../../src/app/digests/weekly-digest.service';
import { seedDemoGoalOutcomes } from '../../src/app/seed/demo-goal-outcomes';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

/** Mondays in the subscriber's zone (Asia/Seoul, UTC+9): 09:00 there is 00:00 UTC. */
const MONDAY_0900_SEOUL = new Date('2030-01-07T00:00:00Z');
const NEXT_MONDAY_0700_SEOUL = new Date('2030-01-13T22:00:00Z');
const NEXT_MONDAY_0900_SEOUL = new Date('2030-01-14T00:00:00Z');
/** Monday 09:00 UTC (18:00 in Seoul) `n` weeks on: due for both zones. */
const week = (n: number) => new Date(MONDAY_0900_SEOUL.getTime() + n * 7 * 86_400_000 + 9 * 3_600_000);

/**
 * Weekly digests: in-house readers subscribe to what they may read; the job sends each subscriber
 * one digest a week, in their language, from Monday 08:00 in their own zone, through the outbox.
 */
describe('weekly digests', () => {
  let t: TestApp;
  let digests: WeeklyDigestService;
  const who: Record<string, SignedIn> = {};
  let goalId: string;
  let koreaUnitId: string;

  const as = (actor: string) => bearer(who[actor]?.accessToken ?? '');
  const subscribe = (actor: string, body: object) =>
    t.http().post('/api/digest-subscriptions').set(as(actor)).send(body);
  const mailTo = (email: string) =>
    t.dataSource.query<{ subject: string; body: string }[]>(
      `SELECT subject, body FROM mail_outbox WHERE to_address = $1 AND subject LIKE '%' || $2 || '%' ORDER BY created_at`,
      [email, '다이제스트'],
    );
  const allMailTo = (email: string) =>
    t.dataSource.query<{ subject: string; body: string }[]>(
      `SELECT subject, body FROM mail_outbox WHERE to_address = $1 ORDER BY created_at`,
      [email],
    );

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoGoalOutcomes(t.dataSource);
    digests = t.app.get(WeeklyDigestService);
    await t.dataSource.query(`UPDATE users SET locale = 'ko', time_zone = 'Asia/Seoul' WHERE email = $1`, [
      DEMO.viewer,
    ]);
    for (const [key, email] of Object.entries({
      lead: DEMO.lead,
      viewer: DEMO.viewer,
      finance: DEMO.finance,
      northwind: DEMO.northwindMember,
    })) {
      who[key] = await t.login(email);
    }
    const [goal] = await t.dataSource.query<{ id: string; business_unit_id: string }[]>(
      `SELECT id, business_unit_id FROM marketing_goals WHERE name = 'Creator-led revenue'`,
    );
    goalId = goal?.id ?? '';
    const [unit] = await t.dataSource.query<{ business_unit_id: string }[]>(
      `SELECT business_unit_id FROM marketing_goals WHERE name LIKE '% 한국 브랜드 인지도'`,
    );
    koreaUnitId = unit?.business_unit_id ?? '';
  });

  afterAll(async () => {
    await t.close();
  });

  describe('subscriptions', () => {
    it('should subscribe once, however often asked, and list the person’s own subscriptions only', async () => {
      const first = await subscribe('viewer', { goalId });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ subject: 'goal', subjectId: goalId, name: 'Creator-led revenue' });
      const again = await subscribe('viewer', { goalId });
      expect((again.body as DigestSubscriptionDto).id).toBe((first.body as DigestSubscriptionDto).id);

      const own = await t.http().get('/api/digest-subscriptions').set(as('viewer'));
      expect(own.status).toBe(200);
      expect((own.body as Page<DigestSubscriptionDto>).items.map((item) => item.subjectId)).toEqual([goalId]);
      const filtered = await t.http().get(`/api/digest-subscriptions?goalId=${goalId}`).set(as('viewer'));
      expect((filtered.body as Page<DigestSubscriptionDto>).items).toHaveLength(1);
      const others = await t.http().get('/api/digest-subscriptions').set(as('finance'));
      expect((others.body as Page<DigestSubscriptionDto>).items).toEqual([]);
      const audit = await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM audit_events WHERE entity = 'digest_subscription' AND entity_id = $1`,
        [(first.body as DigestSubscriptionDto).id],
      );
      expect(audit.map((row) => row.action)).toEqual(['digest.subscribed']);
    });

    it('should answer 404 when someone ends another person’s subscription', async () => {
      const own = await t.http().get('/api/digest-subscriptions').set(as('viewer'));
      const id = (own.body as Page<DigestSubscriptionDto>).items[0]?.id ?? '';

      expect((await t.http().delete(`/api/digest-subscriptions/${id}`).set(as('finance'))).status).toBe(404);
      expect((await t.http().delete(`/api/digest-subscriptions/${id}`).set(as('northwind'))).status).toBe(
        403,
      );
    });

    it('should refuse agency users (403) and bad requests (400, 404, 401)', async () => {
      expect((await subscribe('northwind', { goalId })).status).toBe(403);
      expect((await t.http().get('/api/digest-subscriptions').set(as('northwind'))).status).toBe(403);
      expect((await subscribe('lead', {})).status).toBe(400);
      expect((await subscribe('lead', { goalId, businessUnitId: koreaUnitId })).status).toBe(400);
      expect((await subscribe('lead', { goalId: 'nope' })).status).toBe(400);
      expect((await subscribe('lead', { goalId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      expect((await t.http().get('/api/digest-subscriptions')).status).toBe(401);
    });
  });

  describe('the weekly job', () => {
    it('should send a Korean subscriber one Korean digest for the week, whatever the retries', async () => {
      expect(await digests.sendDue(MONDAY_0900_SEOUL)).toBe(1);
      expect(await digests.sendDue(MONDAY_0900_SEOUL)).toBe(0);
      expect(await digests.sendDue(new Date(MONDAY_0900_SEOUL.getTime() + 3 * 3_600_000))).toBe(0);

      const mails = await mailTo(DEMO.viewer);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('주간 다이제스트: Creator-led revenue');
      expect(mails[0]?.body).toContain('목표 Creator-led revenue의 주간 다이제스트');
      expect(mails[0]?.body).toMatch(/매출: US\$|매출: USD/);
      expect(mails[0]?.body).toContain('이번 주');
      expect(mails[0]?.body).toContain(`/goals/${goalId}`);
      expect(mails[0]?.body).toContain('/profile');
    });

    it('should send nothing before Monday 08:00 in the subscriber’s zone, then the next week’s once, even from two runs at once', async () => {
      expect(await digests.sendDue(NEXT_MONDAY_0700_SEOUL)).toBe(0);

      const [first, second] = await Promise.all([
        digests.sendDue(NEXT_MONDAY_0900_SEOUL),
        digests.sendDue(NEXT_MONDAY_0900_SEOUL),
      ]);

      expect((first ?? 0) + (second ?? 0)).toBe(1);
      expect(await mailTo(DEMO.viewer)).toHaveLength(2);
      const listed = await t.http().get('/api/digest-subscriptions').set(as('viewer'));
      expect((listed.body as Page<DigestSubscriptionDto>).items[0]?.lastSentAt).not.toBeNull();
    });

    it('should send a unit’s digest with its active goals in the subscriber’s language', async () => {
      expect((await subscribe('lead', { businessUnitId: koreaUnitId })).status).toBe(201);

      expect(await digests.sendDue(week(2))).toBe(2);

      const lead = await allMailTo(DEMO.lead);
      const digest = lead.find((mail) => mail.subject.startsWith('Weekly digest: '));
      expect(digest?.body).toContain('Your weekly digest of the business unit');
      expect(digest?.body).toContain('한국 브랜드 인지도');
      expect(digest?.body).toContain('/goals/overview?businessUnitId=');
    });

    it('should stop once the person unsubscribes', async () => {
      const own = await t.http().get('/api/digest-subscriptions').set(as('viewer'));
      const id = (own.body as Page<DigestSubscriptionDto>).items[0]?.id ?? '';
      expect((await t.http().delete(`/api/digest-subscriptions/${id}`).set(as('viewer'))).status).toBe(204);

      await digests.sendDue(week(3));

      expect(await mailTo(DEMO.viewer)).toHaveLength(3);
      expect(await digests.sendDue(week(4))).toBe(1); // the lead's unit digest only
      expect(await mailTo(DEMO.viewer)).toHaveLength(3);
    });

    it('should send nothing about a record the subscriber can no longer see', async () => {
      // The lead moves to an agency: no in-house report goes to an agency user.
      await t.dataSource.query(
        `UPDATE users SET role = 'agency_member', agency_id = (SELECT id FROM agencies WHERE name = 'Northwind Social')
          WHERE email = $1`,
        [DEMO.lead],
      );
      const before = (await allMailTo(DEMO.lead)).length;

      expect(await digests.sendDue(week(5))).toBe(0);

      expect(await allMailTo(DEMO.lead)).toHaveLength(before);
    });
  });
});
