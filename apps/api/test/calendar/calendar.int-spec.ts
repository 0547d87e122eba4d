import type { ApiErrorBody, BriefDetailDto, CalendarDto, ContractDetailDto } from '@agency-portal/shared';
import { CALENDAR_LIMITS } from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { acceptedBrief, submittedVersion } from '../support/work';

/**
 * The content calendar: each reader sees only what the access service lets them (an agency never
 * another agency's work, even when it names the other agency's ids), the window is bounded with a clear 400, days are capped with a count of the rest,
 * and publish instants land on the reader's own day.
 */

type Who = 'admin' | 'lead' | 'reviewer' | 'viewer' | 'northwindMember' | 'southpeakMember';

/** A window far from the demo data, so only this suite's deliverables are in it. */
const WINDOW = { from: '2032-03-01', to: '2032-03-31' };

describe('content calendar', () => {
  let t: TestApp;
  let users: Record<Who, SignedIn>;
  let northwind: ContractDetailDto;
  let southpeak: ContractDetailDto;
  let northwindBrief: BriefDetailDto;
  let southpeakBrief: BriefDetailDto;

  const tokenOf = (who: Who): string => users[who].accessToken;

  async function calendar(who: Who, query: Record<string, string | number>): Promise<CalendarDto> {
    const response = await t
      .http()
      .get('/api/calendar')
      .query(query)
      .set(bearer(tokenOf(who)));
    expect(response.status).toBe(200);
    return response.body as CalendarDto;
  }

  const idsOf = (answer: CalendarDto): string[] =>
    answer.days.flatMap((day) => day.items.map((item) => item.id)).sort();

  async function activeContract(agency: string): Promise<ContractDetailDto> {
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = $1 AND c.status = 'active' ORDER BY c.created_at LIMIT 1`,
      [agency],
    );
    const contract = await t
      .http()
      .get(`/api/contracts/${row?.id}`)
      .set(bearer(tokenOf('lead')));
    expect(contract.status).toBe(200);
    const raised = await t
      .http()
      .patch(`/api/contracts/${row?.id}`)
      .set(bearer(tokenOf('lead')))
      .send({ budgetCapMinor: 50_000_000_000 });
    expect(raised.status).toBe(200);
    return contract.body as ContractDetailDto;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const emails: Record<Who, string> = {
      admin: DEMO.admin,
      lead: DEMO.lead,
      reviewer: DEMO.reviewer,
      viewer: DEMO.viewer,
      northwindMember: DEMO.northwindMember,
      southpeakMember: DEMO.southpeakMember,
    };
    const signedIn = {} as Record<Who, SignedIn>;
    for (const who of Object.keys(emails) as Who[]) signedIn[who] = await t.login(emails[who]);
    users = signedIn;
    // No policy: the contract owner (the lead) reviews, so the suite can approve and publish.
    await t.dataSource.query('DELETE FROM approval_policies');
    northwind = await activeContract('Northwind Social');
    southpeak = await activeContract('Southpeak Media');
    northwindBrief = await acceptedBrief(
      t,
      northwind,
      { lead: tokenOf('lead'), agency: tokenOf('northwindMember') },
      {
        title: 'Calendar brief Northwind',
        channels: ['instagram', 'tiktok'],
        dueDate: '2032-03-31',
        specs: [
          {
            rateCardItemId: northwind.rateCard[0].id,
            quantity: 3,
            dueDate: '2032-03-10',
            channel: 'instagram',
          },
          { rateCardItemId: northwind.rateCard[0].id, quantity: 1, dueDate: '2032-03-12', channel: 'tiktok' },
        ],
      },
    );
    southpeakBrief = await acceptedBrief(
      t,
      southpeak,
      { lead: tokenOf('lead'), agency: tokenOf('southpeakMember') },
      {
        title: 'Calendar brief Southpeak',
        dueDate: '2032-03-31',
        specs: [
          {
            rateCardItemId: southpeak.rateCard[0].id,
            quantity: 1,
            dueDate: '2032-03-10',
            channel: 'instagram',
          },
        ],
      },
    );
  });

  afterAll(async () => {
    await t.close();
  });

  describe('scope', () => {
    it('should show the lead both agencies’ deliverables in the window', async () => {
      const answer = await calendar('lead', WINDOW);

      const expected = [...northwindBrief.deliverables, ...southpeakBrief.deliverables].map((d) => d.id);
      expect(idsOf(answer)).toEqual(expect.arrayContaining(expected));
      expect(answer.total).toBe(5);
      const agencies = new Set(answer.days.flatMap((day) => day.items.map((item) => item.agencyName)));
      expect(agencies).toEqual(new Set(['Northwind Social', 'Southpeak Media']));
    });

    it('should show an agency member only their own agency’s deliverables', async () => {
      const answer = await calendar('northwindMember', WINDOW);

      expect(idsOf(answer)).toEqual(northwindBrief.deliverables.map((d) => d.id).sort());
      expect(
        answer.days.every((day) => day.items.every((item) => item.agencyId === northwind.agencyId)),
      ).toBe(true);
    });

    it('should show an agency nothing when it filters by another agency’s agency, contract or goal', async () => {
      const byAgency = await calendar('northwindMember', { ...WINDOW, agencyId: southpeak.agencyId });
      const byContract = await calendar('northwindMember', { ...WINDOW, contractId: southpeak.id });
      const byOther = await calendar('southpeakMember', { ...WINDOW, contractId: northwind.id });

      expect(byAgency).toMatchObject({ days: [], total: 0 });
      expect(byContract).toMatchObject({ days: [], total: 0 });
      expect(byOther).toMatchObject({ days: [], total: 0 });
    });

    it('should show a reviewer no brief they were never asked to review', async () => {
      const answer = await calendar('reviewer', WINDOW);

      expect(idsOf(answer)).toEqual([]);
    });

    it('should refuse a role without deliverable access with 403', async () => {
      const response = await t
        .http()
        .get('/api/calendar')
        .query(WINDOW)
        .set(bearer(tokenOf('viewer')));

      expect(response.status).toBe(403);
      expect((response.body as ApiErrorBody).code).toBe('forbidden');
    });

    it('should answer 401 without a token', async () => {
      expect((await t.http().get('/api/calendar').query(WINDOW)).status).toBe(401);
    });
  });

  describe('window', () => {
    it.each([
      ['inverted', { from: '2032-03-10', to: '2032-03-09' }, /ends before it starts/],
      ['too long', { from: '2032-01-01', to: '2032-03-03' }, /at most 62 days/],
    ])('should refuse a %s window with 400 validation_failed on "to"', async (_, window, message) => {
      const response = await t
        .http()
        .get('/api/calendar')
        .query(window)
        .set(bearer(tokenOf('lead')));

      expect(response.status).toBe(400);
      const body = response.body as ApiErrorBody;
      expect(body.code).toBe('validation_failed');
      expect(body.message).toMatch(message);
      expect(body.details?.fields?.[0]?.field).toBe('to');
    });

    it.each([
      [{ to: '2032-03-31' }],
      [{ from: '2032-02-30', to: '2032-03-31' }],
      [{ ...WINDOW, perDay: CALENDAR_LIMITS.maxPerDay + 1 }],
      [{ ...WINDOW, timeZone: 'Mars/Olympus' }],
      [{ ...WINDOW, on: 'whenever' }],
    ])('should refuse %j with 400', async (query) => {
      const response = await t
        .http()
        .get('/api/calendar')
        .query(query)
        .set(bearer(tokenOf('lead')));

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
    });

    it('should accept the longest window', async () => {
      const answer = await calendar('lead', { from: '2032-01-30', to: '2032-03-31' });

      expect(answer.total).toBe(5);
    });

    it('should cap a day at perDay and count the rest', async () => {
      const answer = await calendar('lead', { ...WINDOW, perDay: 2 });

      const tenth = answer.days.find((day) => day.date === '2032-03-10');
      expect(tenth).toMatchObject({ total: 4, more: 2 });
      expect(tenth?.items).toHaveLength(2);
      expect(answer.total).toBe(5);
    });
  });

  describe('filters', () => {
    it('should filter by channel, status, agency, contract and goal on the server', async () => {
      const tiktok = await calendar('lead', { ...WINDOW, channel: 'tiktok' });
      const drafts = await calendar('lead', { ...WINDOW, status: 'draft' });
      const southpeakOnly = await calendar('lead', { ...WINDOW, agencyId: southpeak.agencyId });
      const byContract = await calendar('lead', { ...WINDOW, contractId: northwind.id });
      const byGoal = await calendar('lead', { ...WINDOW, goalId: southpeakBrief.goals[0].id });

      expect(idsOf(tiktok)).toHaveLength(1);
      expect(tiktok.days[0]).toMatchObject({ date: '2032-03-12' });
      expect(drafts.total).toBe(5);
      expect(idsOf(southpeakOnly)).toEqual(southpeakBrief.deliverables.map((d) => d.id));
      expect(idsOf(byContract)).toEqual(northwindBrief.deliverables.map((d) => d.id).sort());
      expect(idsOf(byGoal)).toEqual(expect.arrayContaining(southpeakBrief.deliverables.map((d) => d.id)));
    });
  });

  describe('published work', () => {
    let publishedId: string;

    beforeAll(async () => {
      const target = northwindBrief.deliverables.find((d) => d.channel === 'tiktok');
      publishedId = target?.id ?? '';
      const review = await submittedVersion(t, publishedId, users.northwindMember, 'Out soon.');
      const approved = await t
        .http()
        .post(`/api/deliverables/${publishedId}/decisions`)
        .set(bearer(tokenOf('lead')))
        .send({ versionId: review.versions[0].id, stepIndex: 0, decision: 'approve' });
      expect(approved.status).toBe(200);
      const published = await t
        .http()
        .post(`/api/deliverables/${publishedId}/publish`)
        .set(bearer(tokenOf('lead')))
        .send({ postUrl: 'https://www.tiktok.com/@demo/video/1', publishedAt: '2032-03-20T16:30:00Z' });
      expect(published.status).toBe(200);
    });

    const placed = (answer: CalendarDto) =>
      answer.days.flatMap((day) => day.items).find((item) => item.id === publishedId);

    it('should place a published deliverable on its publish day in the reader’s zone', async () => {
      const utc = await calendar('lead', WINDOW);
      const seoul = await calendar('lead', { ...WINDOW, timeZone: 'Asia/Seoul' });

      expect(placed(utc)).toMatchObject({ day: '2032-03-20', placedBy: 'published', dueDate: '2032-03-12' });
      expect(placed(seoul)).toMatchObject({ day: '2032-03-21', placedBy: 'published' });
      expect(placed(seoul)?.publishedAt).toBe('2032-03-20T16:30:00.000Z');
    });

    it('should place it on its due date by due date, and show only published work by publish date', async () => {
      const due = await calendar('lead', { ...WINDOW, on: 'due' });
      const published = await calendar('northwindMember', { ...WINDOW, on: 'published' });

      expect(placed(due)).toMatchObject({ day: '2032-03-12', placedBy: 'due' });
      expect(idsOf(published)).toEqual([publishedId]);
    });

    it('should leave a publish instant outside the window in the reader’s zone out of it', async () => {
      const answer = await calendar('lead', { from: '2032-03-21', to: '2032-03-21', timeZone: 'UTC' });
      const seoul = await calendar('lead', { from: '2032-03-21', to: '2032-03-21', timeZone: 'Asia/Seoul' });

      expect(placed(answer)).toBeUndefined();
      expect(placed(seoul)).toBeDefined();
    });
  });
});
