import type {
  BriefDetailDto,
  ContractDetailDto,
  CreateBriefRequest,
  DeliverableDetailDto,
  HomeDto,
  HomeItemDto,
  HomeQueueDto,
  HomeQueueKey,
  Page,
} from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief, submittedVersion } from '../support/work';

/**
 * Each role's home: its own queues, overdue first, with counts, scoped like every read. A version
 * the person may not decide is not in their queue; another agency's briefs and deliverables never
 * show.
 */

type Who =
  | 'admin'
  | 'lead'
  | 'reviewer'
  | 'legal'
  | 'finance'
  | 'viewer'
  | 'northwindMember'
  | 'southpeakMember'
  | 'southpeakAdmin';

const HOUR = 3_600_000;

describe('home queues', () => {
  let t: TestApp;
  let users: Record<Who, SignedIn>;
  let northwind: ContractDetailDto;
  let sequence = 0;

  const tokenOf = (who: Who): string => users[who].accessToken;

  async function home(who: Who): Promise<HomeDto> {
    const response = await t
      .http()
      .get('/api/home')
      .set(bearer(tokenOf(who)));
    expect(response.status).toBe(200);
    return response.body as HomeDto;
  }

  async function queue(who: Who, key: HomeQueueKey): Promise<HomeQueueDto> {
    const found = (await home(who)).queues.find((candidate) => candidate.key === key);
    if (!found) throw new Error(`${who} has no ${key} queue`);
    return found;
  }

  /** Every row of a queue, read page by page through the paged route. */
  async function allOf(who: Who, key: HomeQueueKey): Promise<HomeItemDto[]> {
    const items: HomeItemDto[] = [];
    let cursor: string | null = null;
    do {
      const response = await t
        .http()
        .get(`/api/home/queues/${key}`)
        .query({ limit: 100, ...(cursor ? { cursor } : {}) })
        .set(bearer(tokenOf(who)));
      expect(response.status).toBe(200);
      const page = response.body as Page<HomeItemDto>;
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  const ids = (items: HomeItemDto[]): string[] => items.map((item) => item.id);

  function briefBody(overrides: Partial<CreateBriefRequest> = {}): CreateBriefRequest {
    return {
      contractId: northwind.id,
      goalIds: [northwind.allocations[0].goalId],
      title: `Home brief ${++sequence}`,
      objective: 'Launch the winter range',
      audience: 'Commuters',
      keyMessages: ['Warm'],
      channels: ['instagram'],
      funnelStage: 'awareness',
      dueDate: '2031-12-31',
      specs: [{ rateCardItemId: northwind.rateCard[0].id, quantity: 1, dueDate: '2031-12-20' }],
      ...overrides,
    };
  }

  async function inReview(overrides: Partial<CreateBriefRequest> = {}): Promise<DeliverableDetailDto> {
    const brief = await acceptedBrief(
      t,
      northwind,
      { lead: tokenOf('lead'), agency: tokenOf('northwindMember') },
      briefBody(overrides),
    );
    return submittedVersion(t, brief.deliverables[0].id, users.northwindMember, 'Winter is coming.');
  }

  async function decide(
    who: Who,
    review: DeliverableDetailDto,
    stepIndex: number,
    decision: 'approve' | 'request_changes' = 'approve',
  ): Promise<void> {
    const response = await t
      .http()
      .post(`/api/deliverables/${review.id}/decisions`)
      .set(bearer(tokenOf(who)))
      .send({
        versionId: review.versions[0].id,
        stepIndex,
        decision,
        ...(decision === 'approve' ? {} : { comment: 'Warmer colours, please.' }),
      });
    expect(response.status).toBe(200);
  }

  /** Moves the current step's SLA clock back, so the review is `hours` old. */
  async function startedHoursAgo(deliverableId: string, hours: number): Promise<void> {
    await t.dataSource.query('UPDATE deliverables SET review_started_at = $2 WHERE id = $1', [
      deliverableId,
      new Date(Date.now() - hours * HOUR),
    ]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    await t.useDemoReviewTemplate();
    const emails: Record<Who, string> = {
      admin: DEMO.admin,
      lead: DEMO.lead,
      reviewer: DEMO.reviewer,
      legal: DEMO.legal,
      finance: DEMO.finance,
      viewer: DEMO.viewer,
      northwindMember: DEMO.northwindMember,
      southpeakMember: DEMO.southpeakMember,
      southpeakAdmin: DEMO.southpeakAdmin,
    };
    const signedIn = {} as Record<Who, SignedIn>;
    for (const who of Object.keys(emails) as Who[]) signedIn[who] = await t.login(emails[who]);
    users = signedIn;
    northwind = await activeContract(t, tokenOf('lead'));
    expect(northwind.owner.id).toBe(users.lead.userId);
    const raised = await t
      .http()
      .patch(`/api/contracts/${northwind.id}`)
      .set(bearer(tokenOf('lead')))
      .send({ budgetCapMinor: 50_000_000_000 });
    expect(raised.status).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('the queues of each role', () => {
    it('should give each role its own queues, in order, when they open their home', async () => {
      const keys = async (who: Who) => (await home(who)).queues.map((entry) => entry.key);
      expect(await keys('reviewer')).toEqual(['reviews']);
      expect(await keys('lead')).toEqual([
        'reviews',
        'overdue_reviews',
        'briefs_unanswered',
        'contracts_attention',
      ]);
      expect(await keys('northwindMember')).toEqual([
        'briefs_to_answer',
        'changes_requested',
        'deliverables_due',
      ]);
      expect(await keys('admin')).toEqual([
        'agencies_owner_inactive',
        'units_default_policy',
        'pending_invites',
      ]);
      expect(await keys('finance')).toEqual([]);
      expect(await keys('viewer')).toEqual([]);
    });

    it("should answer 404 for a queue that is not the caller's and 400 for an unknown one", async () => {
      const other = await t
        .http()
        .get('/api/home/queues/reviews')
        .set(bearer(tokenOf('northwindMember')));
      expect(other.status).toBe(404);
      const unknown = await t
        .http()
        .get('/api/home/queues/everything')
        .set(bearer(tokenOf('lead')));
      expect(unknown.status).toBe(400);
      const anonymous = await t.http().get('/api/home');
      expect(anonymous.status).toBe(401);
    });
  });

  describe('reviews waiting for the person', () => {
    it('should list a version only for those who may decide its step now, with the step, brief, agency, thumbnail and SLA', async () => {
      const review = await inReview();
      // Step 0 is the contract owner's (the lead's) review: reviewers may not act on it yet.
      const lead = (await allOf('lead', 'reviews')).find((item) => item.id === review.id);
      expect(lead).toMatchObject({
        kind: 'deliverable',
        title: review.title,
        stepName: 'Lead review',
        agencyName: 'Northwind Social',
        briefId: review.briefId,
        versionNumber: 1,
        overdue: false,
        dueIsDate: false,
      });
      expect(lead?.thumbnail?.fileId).toBe(review.versions[0].files[0].id);
      expect(lead?.briefTitle).toMatch(/^Home brief/);
      const dueIn = Date.parse(lead?.dueAt ?? '') - Date.now();
      expect(dueIn).toBeGreaterThan(23 * HOUR);
      expect(dueIn).toBeLessThanOrEqual(24 * HOUR);
      expect(ids(await allOf('reviewer', 'reviews'))).not.toContain(review.id);

      await decide('lead', review, 0);
      expect(ids(await allOf('lead', 'reviews'))).not.toContain(review.id);
      const brand = (await allOf('reviewer', 'reviews')).find((item) => item.id === review.id);
      expect(brand?.stepName).toBe('Brand review');

      // Lena (a reviewer, and the legal step's approver) takes the brand step: the one-step rule
      // keeps the legal step out of her queue, and out of everyone else's but the step's approvers.
      await decide('legal', review, 1);
      expect(ids(await allOf('legal', 'reviews'))).not.toContain(review.id);
      expect(ids(await allOf('reviewer', 'reviews'))).not.toContain(review.id);
    });

    it('should put the oldest overdue version first and count the overdue ones', async () => {
      const recent = await inReview();
      const late = await inReview();
      const later = await inReview();
      await startedHoursAgo(late.id, 30);
      await startedHoursAgo(later.id, 50);
      const items = await allOf('lead', 'reviews');
      const order = ids(items).filter((id) => [recent.id, late.id, later.id].includes(id));
      expect(order).toEqual([later.id, late.id, recent.id]);
      expect(items.find((item) => item.id === later.id)?.overdue).toBe(true);
      expect(items.find((item) => item.id === recent.id)?.overdue).toBe(false);

      const summary = await queue('lead', 'reviews');
      expect(summary.items.length).toBeLessThanOrEqual(5);
      expect(summary.total.count).toBe(items.length);
      expect(summary.overdue).toBe(items.filter((item) => item.overdue).length);
      expect(summary.overdue).toBeGreaterThanOrEqual(2);
      expect(summary.items[0]?.overdue).toBe(true);
    });

    it("should show the lead a review stuck at someone else's step past its SLA", async () => {
      const review = await inReview();
      await decide('lead', review, 0);
      await startedHoursAgo(review.id, 30);
      const stuck = (await allOf('lead', 'overdue_reviews')).find((item) => item.id === review.id);
      expect(stuck).toMatchObject({ stepName: 'Brand review', overdue: true });
      expect(ids(await allOf('lead', 'reviews'))).not.toContain(review.id);
    });

    it('should page a queue with a cursor, each row once, in the order of the home', async () => {
      for (let index = 0; index < 3; index += 1) await inReview();
      const all = await allOf('lead', 'reviews');
      const first = await t
        .http()
        .get('/api/home/queues/reviews')
        .query({ limit: 2 })
        .set(bearer(tokenOf('lead')));
      const page = first.body as Page<HomeItemDto>;
      expect(page.items).toHaveLength(2);
      const second = await t
        .http()
        .get('/api/home/queues/reviews')
        .query({ limit: 2, cursor: page.nextCursor })
        .set(bearer(tokenOf('lead')));
      expect(ids([...page.items, ...(second.body as Page<HomeItemDto>).items])).toEqual(ids(all).slice(0, 4));
      const tooMany = await t
        .http()
        .get('/api/home/queues/reviews')
        .query({ limit: 101 })
        .set(bearer(tokenOf('lead')));
      expect(tooMany.status).toBe(400);
    });
  });

  describe("the agency's queues", () => {
    it('should list a brief sent to the agency until it answers, to that agency only', async () => {
      const created = await t
        .http()
        .post('/api/briefs')
        .set(bearer(tokenOf('lead')))
        .send(briefBody());
      expect(created.status).toBe(201);
      const brief = created.body as BriefDetailDto;
      expect(ids(await allOf('northwindMember', 'briefs_to_answer'))).not.toContain(brief.id);
      expect(
        (
          await t
            .http()
            .post(`/api/briefs/${brief.id}/send`)
            .set(bearer(tokenOf('lead')))
        ).status,
      ).toBe(200);

      const row = (await allOf('northwindMember', 'briefs_to_answer')).find((item) => item.id === brief.id);
      expect(row).toMatchObject({ kind: 'brief', title: brief.title, dueAt: '2031-12-31', overdue: false });
      expect(row?.sentAt).not.toBeNull();
      expect(ids(await allOf('southpeakMember', 'briefs_to_answer'))).not.toContain(brief.id);
      expect(ids(await allOf('southpeakAdmin', 'briefs_to_answer'))).not.toContain(brief.id);
      expect(ids(await allOf('lead', 'briefs_unanswered'))).toContain(brief.id);

      const accepted = await t
        .http()
        .post(`/api/briefs/${brief.id}/accept`)
        .set(bearer(tokenOf('northwindMember')));
      expect(accepted.status).toBe(200);
      expect(ids(await allOf('northwindMember', 'briefs_to_answer'))).not.toContain(brief.id);
      expect(ids(await allOf('lead', 'briefs_unanswered'))).not.toContain(brief.id);
    });

    it('should list the changes requested of the agency, to that agency only', async () => {
      const review = await inReview();
      await decide('lead', review, 0, 'request_changes');
      const row = (await allOf('northwindMember', 'changes_requested')).find((item) => item.id === review.id);
      expect(row).toMatchObject({ kind: 'deliverable', title: review.title, dueIsDate: true });
      expect(ids(await allOf('southpeakMember', 'changes_requested'))).not.toContain(review.id);
    });

    it('should list deliverables due within a week or overdue that have no version yet, to that agency only', async () => {
      const soon = new Date(Date.now() + 3 * 24 * HOUR).toISOString().slice(0, 10);
      const far = new Date(Date.now() + 30 * 24 * HOUR).toISOString().slice(0, 10);
      const brief = await acceptedBrief(
        t,
        northwind,
        { lead: tokenOf('lead'), agency: tokenOf('northwindMember') },
        briefBody({
          dueDate: far,
          specs: [
            { rateCardItemId: northwind.rateCard[0].id, quantity: 1, dueDate: soon },
            { rateCardItemId: northwind.rateCard[0].id, quantity: 1, dueDate: far },
          ],
        }),
      );
      const dueSoon = brief.deliverables.find((item) => item.dueDate === soon);
      const dueLater = brief.deliverables.find((item) => item.dueDate === far);
      const listed = ids(await allOf('northwindMember', 'deliverables_due'));
      expect(listed).toContain(dueSoon?.id);
      expect(listed).not.toContain(dueLater?.id);
      expect(ids(await allOf('southpeakMember', 'deliverables_due'))).not.toContain(dueSoon?.id);
    });
  });

  describe("the lead's contracts", () => {
    it('should list an active contract once its commitments pass 80 % of the cap, with the percent used', async () => {
      const before = (await allOf('lead', 'contracts_attention')).find((item) => item.id === northwind.id);
      expect(before?.attention ?? []).not.toContain('budget');
      const [{ committed }] = await t.dataSource.query<{ committed: string }[]>(
        'SELECT GREATEST(committed_minor, invoiced_minor) AS committed FROM contract_budget_ledger WHERE contract_id = $1',
        [northwind.id],
      );
      const capMinor = Math.ceil(Number(committed) / 0.9);
      const lowered = await t
        .http()
        .patch(`/api/contracts/${northwind.id}`)
        .set(bearer(tokenOf('lead')))
        .send({ budgetCapMinor: capMinor });
      expect(lowered.status).toBe(200);
      const row = (await allOf('lead', 'contracts_attention')).find((item) => item.id === northwind.id);
      expect(row?.attention).toContain('budget');
      expect(row?.budgetUsedPercent).toBe(Math.floor((Number(committed) * 100) / capMinor));
      expect(row?.agencyName).toBe('Northwind Social');
      await t
        .http()
        .patch(`/api/contracts/${northwind.id}`)
        .set(bearer(tokenOf('lead')))
        .send({ budgetCapMinor: 50_000_000_000 });
    });
  });

  describe("the admin's setup", () => {
    it('should list people invited who have not set a password, and units reviewed on the default policy', async () => {
      const invited = await t
        .http()
        .post('/api/users')
        .set(bearer(tokenOf('admin')))
        .send({ email: 'new.reviewer@demo.local', name: 'New Reviewer', role: 'reviewer' });
      expect(invited.status).toBe(201);
      const invite = (await allOf('admin', 'pending_invites')).find(
        (item) => item.detail === 'new.reviewer@demo.local',
      );
      expect(invite).toMatchObject({ kind: 'user', title: 'New Reviewer' });
      expect(ids(await allOf('admin', 'pending_invites'))).not.toContain(users.lead.userId);

      const unit = await t
        .http()
        .post('/api/business-units')
        .set(bearer(tokenOf('admin')))
        .send({ name: 'Home test unit', operatingModel: 'centralised' });
      expect(unit.status).toBe(201);
      const unitId = (unit.body as { id: string }).id;
      expect(ids(await allOf('admin', 'units_default_policy'))).toContain(unitId);
      const policy = await t
        .http()
        .put(`/api/business-units/${unitId}/approval-policy`)
        .set(bearer(tokenOf('admin')))
        .send({
          name: 'Own',
          steps: [
            { name: 'Lead', approverRole: null, approverUserIds: [], contractOwner: true, slaHours: 24 },
          ],
        });
      expect(policy.status).toBe(200);
      expect(ids(await allOf('admin', 'units_default_policy'))).not.toContain(unitId);

      // A unit under a centre of excellence takes the centre's template: not on the default.
      const centre = await t
        .http()
        .post('/api/business-units')
        .set(bearer(tokenOf('admin')))
        .send({ name: 'Home test centre', operatingModel: 'coe' });
      expect(centre.status).toBe(201);
      const centreId = (centre.body as { id: string }).id;
      const market = await t
        .http()
        .post('/api/business-units')
        .set(bearer(tokenOf('admin')))
        .send({ name: 'Home test market', operatingModel: 'decentralised', parentId: centreId });
      expect(market.status).toBe(201);
      const marketId = (market.body as { id: string }).id;
      expect(ids(await allOf('admin', 'units_default_policy'))).toEqual(
        expect.arrayContaining([centreId, marketId]),
      );
      const template = await t
        .http()
        .put(`/api/business-units/${centreId}/approval-policy`)
        .set(bearer(tokenOf('admin')))
        .send({
          name: 'Centre template',
          steps: [
            { name: 'Lead', approverRole: null, approverUserIds: [], contractOwner: true, slaHours: 24 },
          ],
        });
      expect(template.status).toBe(200);
      const waiting = ids(await allOf('admin', 'units_default_policy'));
      expect(waiting).not.toContain(centreId);
      expect(waiting).not.toContain(marketId);
    });

    it('should list an active agency whose relationship owner has been deactivated', async () => {
      const agencyId = await t.agencyId('Southpeak Media');
      expect(ids(await allOf('admin', 'agencies_owner_inactive'))).not.toContain(agencyId);
      const [{ owner }] = await t.dataSource.query<{ owner: string }[]>(
        'SELECT relationship_owner_id AS owner FROM agencies WHERE id = $1',
        [agencyId],
      );
      await t.dataSource.query('UPDATE users SET active = false WHERE id = $1', [owner]);
      try {
        expect(ids(await allOf('admin', 'agencies_owner_inactive'))).toContain(agencyId);
      } finally {
        await t.dataSource.query('UPDATE users SET active = true WHERE id = $1', [owner]);
      }
    });
  });
});
