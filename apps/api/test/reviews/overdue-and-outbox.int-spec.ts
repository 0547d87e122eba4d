import type {
  ApiErrorBody,
  ContractDetailDto,
  DecideRequest,
  DeliverableDetailDto,
  OutboxMessageDto,
  Page,
} from '@agency-portal/shared';
import { ReviewsService } from '../../src/app/reviews/reviews.service';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief, submittedVersion } from '../support/work';

/**
 * Reviews past their step's SLA are escalated once per step to the step's approvers and the
 * agency's relationship owner; every notice of the review also lands in the mail outbox, kept
 * there as not_sent while SMTP is not configured.
 */

type Who = 'admin' | 'lead' | 'reviewer' | 'legal' | 'northwindMember';

const HOUR = 3600 * 1000;
const MINUTE = 60 * 1000;
/** The CoE template every review in this suite runs on (the Northwind contract is in Korea, under the CoE). */
const BRAND_SLA_HOURS = 24;
const LEGAL_SLA_HOURS = 48;

interface Trail {
  notified: string[];
  audits: { step: number; actorId: string | null }[];
  mails: OutboxMessageDto[];
}

describe('overdue reviews and the mail outbox', () => {
  let t: TestApp;
  let reviews: ReviewsService;
  let users: Record<Who, SignedIn>;
  let contract: ContractDetailDto;
  let relationshipOwnerId: string;
  let reviewerRoleIds: string[];
  let northwindUserIds: string[];
  let sequence = 0;

  const tokenOf = (who: Who): string => users[who].accessToken;
  const sorted = (ids: string[]): string[] => [...ids].sort();
  const at = (iso: string, plus: number): Date => new Date(Date.parse(iso) + plus);

  /** The entries of `all` left once each entry of `earlier` is taken out once (a multiset difference). */
  function withoutEarlier(all: string[], earlier: string[]): string[] {
    const left = [...all];
    for (const id of earlier) {
      const index = left.indexOf(id);
      if (index >= 0) left.splice(index, 1);
    }
    return sorted(left);
  }

  async function inReview(): Promise<DeliverableDetailDto> {
    const brief = await acceptedBrief(
      t,
      contract,
      { lead: tokenOf('lead'), agency: tokenOf('northwindMember') },
      {
        title: `Overdue brief ${++sequence}`,
        objective: 'Autumn teaser',
        audience: 'Seoul commuters',
        keyMessages: ['Soon'],
        dueDate: '2031-09-30',
        specs: [{ rateCardItemId: contract.rateCard[1].id, quantity: 1, dueDate: '2031-09-20' }],
      },
    );
    return submittedVersion(t, brief.deliverables[0].id, users.northwindMember, 'Coming soon.');
  }

  async function decided(
    who: Who,
    deliverableId: string,
    body: DecideRequest,
  ): Promise<DeliverableDetailDto> {
    const response = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/decisions`)
      .set(bearer(tokenOf(who)))
      .send(body);
    expect(response.status).toBe(200);
    return response.body as DeliverableDetailDto;
  }

  async function outbox(): Promise<OutboxMessageDto[]> {
    await t.deliverEvents();
    const response = await t
      .http()
      .get('/api/mail-outbox?limit=100')
      .set(bearer(tokenOf('admin')));
    expect(response.status).toBe(200);
    return (response.body as Page<OutboxMessageDto>).items;
  }

  /**
   * Mails about one deliverable (titles repeat across deliverables; the link in the body does not),
   * with a subject in one of the recipients' languages.
   */
  async function mailsAbout(
    review: DeliverableDetailDto,
    ...subjectStarts: string[]
  ): Promise<OutboxMessageDto[]> {
    return (await outbox()).filter(
      (message) =>
        subjectStarts.some((start) => message.subject.startsWith(start)) &&
        message.body.includes(`/deliverables/${review.id}`),
    );
  }

  async function noticed(deliverableId: string, kind: string): Promise<string[]> {
    await t.deliverEvents();
    const rows: { user_id: string }[] = await t.dataSource.query(
      'SELECT user_id FROM notifications WHERE entity_id = $1 AND kind = $2 ORDER BY user_id',
      [deliverableId, kind],
    );
    return rows.map((row) => row.user_id);
  }

  /** Everything the escalation left behind for one deliverable. */
  async function trail(review: DeliverableDetailDto): Promise<Trail> {
    const audits: { step: number; actor_id: string | null }[] = await t.dataSource.query(
      `SELECT (after->>'step')::int AS step, actor_id FROM audit_events
        WHERE entity_id = $1 AND action = 'deliverable.review_overdue' ORDER BY at, id`,
      [review.id],
    );
    return {
      notified: await noticed(review.id, 'review_overdue'),
      audits: audits.map((row) => ({ step: row.step, actorId: row.actor_id })),
      mails: await mailsAbout(review, 'Review overdue: '),
    };
  }

  async function emailsOf(ids: string[]): Promise<string[]> {
    const rows: { email: string }[] = await t.dataSource.query(
      'SELECT email FROM users WHERE id = ANY($1) ORDER BY email',
      [ids],
    );
    return rows.map((row) => row.email);
  }

  async function escalatedStep(deliverableId: string): Promise<number | null> {
    const rows: { escalated_step: number | null }[] = await t.dataSource.query(
      'SELECT escalated_step FROM deliverables WHERE id = $1',
      [deliverableId],
    );
    return rows[0].escalated_step;
  }

  beforeAll(async () => {
    t = await createTestApp();
    reviews = t.app.get(ReviewsService);
    const signedIn = {} as Record<Who, SignedIn>;
    for (const who of ['admin', 'lead', 'reviewer', 'legal', 'northwindMember'] as const) {
      signedIn[who] = await t.login(DEMO[who]);
    }
    users = signedIn;
    contract = await activeContract(t, tokenOf('lead'));
    const owners: { relationship_owner_id: string }[] = await t.dataSource.query(
      `SELECT relationship_owner_id FROM agencies WHERE name = 'Northwind Social'`,
    );
    relationshipOwnerId = owners[0].relationship_owner_id;
    const reviewers: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM users WHERE role = 'reviewer' AND active AND agency_id IS NULL`,
    );
    reviewerRoleIds = reviewers.map((row) => row.id);
    const agencyUsers: { id: string }[] = await t.dataSource.query(
      `SELECT u.id FROM users u JOIN agencies a ON a.id = u.agency_id WHERE a.name = 'Northwind Social' AND u.active`,
    );
    northwindUserIds = agencyUsers.map((row) => row.id);
    const coeId = await t.unitId('Global Social Centre of Excellence');
    const template = await t
      .http()
      .put(`/api/business-units/${coeId}/approval-policy`)
      .set(bearer(tokenOf('admin')))
      .send({
        name: 'CoE brand and legal',
        steps: [
          { name: 'Brand', approverRole: 'reviewer', approverUserIds: [], slaHours: BRAND_SLA_HOURS },
          {
            name: 'Legal',
            approverRole: null,
            approverUserIds: [users.legal.userId],
            slaHours: LEGAL_SLA_HOURS,
          },
        ],
      });
    expect(template.status).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('overdue escalation', () => {
    it("should notify the step's approvers and the relationship owner once when the step's SLA has passed", async () => {
      const review = await inReview();
      expect(review.policy.source).toBe('coe_template');
      const expected = sorted([...reviewerRoleIds, relationshipOwnerId]);

      await reviews.escalateOverdue(at(review.versions[0].submittedAt, BRAND_SLA_HOURS * HOUR + MINUTE));

      const after = await trail(review);
      expect(reviewerRoleIds).toEqual(expect.arrayContaining([users.reviewer.userId, users.legal.userId]));
      expect(after.notified).toEqual(expected);
      expect(after.audits).toEqual([{ step: 0, actorId: null }]);
      expect(after.mails.map((mail) => mail.to).sort()).toEqual(await emailsOf(expected));
      expect(after.mails.every((mail) => mail.status === 'not_sent')).toBe(true);
      expect(await escalatedStep(review.id)).toBe(0);
    });

    it('should add nothing when the escalation runs again for the same step', async () => {
      const review = await inReview();
      const overdue = at(review.versions[0].submittedAt, BRAND_SLA_HOURS * HOUR + MINUTE);
      await reviews.escalateOverdue(overdue);
      const once = await trail(review);

      await reviews.escalateOverdue(new Date(overdue.getTime() + HOUR));
      await reviews.escalateOverdue(new Date(overdue.getTime() + 2 * HOUR));

      expect(await trail(review)).toEqual(once);
      expect(once.audits).toHaveLength(1);
    });

    it('should leave a review untouched when it is still within its SLA', async () => {
      const review = await inReview();

      await reviews.escalateOverdue(at(review.versions[0].submittedAt, BRAND_SLA_HOURS * HOUR - MINUTE));

      expect(await trail(review)).toEqual({ notified: [], audits: [], mails: [] });
      expect(await escalatedStep(review.id)).toBeNull();
      const after = await t
        .http()
        .get(`/api/deliverables/${review.id}`)
        .set(bearer(tokenOf('lead')));
      expect(after.body as DeliverableDetailDto).toMatchObject({ status: 'in_review', currentStep: 0 });
    });

    it('should escalate again for the next step when it runs past its own SLA after the first step is decided', async () => {
      const review = await inReview();
      const versionId = review.versions[0].id;
      await reviews.escalateOverdue(at(review.versions[0].submittedAt, BRAND_SLA_HOURS * HOUR + MINUTE));
      const brand = await decided('reviewer', review.id, { versionId, stepIndex: 0, decision: 'approve' });
      const decidedAt = brand.decisions[0].decidedAt;
      const firstRound = await trail(review);

      // The Legal step's clock starts at the decision; the Brand SLA is no longer what counts.
      await reviews.escalateOverdue(at(decidedAt, BRAND_SLA_HOURS * HOUR + MINUTE));
      const withinLegalSla = await trail(review);
      await reviews.escalateOverdue(at(decidedAt, LEGAL_SLA_HOURS * HOUR + MINUTE));
      const secondRound = await trail(review);
      await reviews.escalateOverdue(at(decidedAt, LEGAL_SLA_HOURS * HOUR + 2 * HOUR));

      expect(brand).toMatchObject({ status: 'in_review', currentStep: 1 });
      expect(withinLegalSla).toEqual(firstRound);
      expect(secondRound.audits).toEqual([
        { step: 0, actorId: null },
        { step: 1, actorId: null },
      ]);
      const legalRound = sorted([users.legal.userId, relationshipOwnerId]);
      expect(withoutEarlier(secondRound.notified, firstRound.notified)).toEqual(legalRound);
      expect(secondRound.mails).toHaveLength(firstRound.mails.length + legalRound.length);
      expect(await escalatedStep(review.id)).toBe(1);
      expect(await trail(review)).toEqual(secondRound);
    });

    it('should not escalate a review that is no longer in review when its SLA passes', async () => {
      const review = await inReview();
      const versionId = review.versions[0].id;
      await decided('reviewer', review.id, {
        versionId,
        stepIndex: 0,
        decision: 'request_changes',
        comment: 'Too dark',
      });

      await reviews.escalateOverdue(at(review.versions[0].submittedAt, 30 * 24 * HOUR));

      expect(await trail(review)).toEqual({ notified: [], audits: [], mails: [] });
    });
  });

  describe('mail outbox', () => {
    it("should notify and e-mail the first step's approvers, and nobody who cannot act, when a version is submitted", async () => {
      const review = await inReview();
      // The lead owns the contract but decides no step of this policy: they hear of outcomes only.
      const expected = sorted(reviewerRoleIds);
      expect(expected).not.toContain(contract.owner.id);

      const mails = await mailsAbout(review, `Version 1 of "${review.title}" is ready for review`);

      expect(await noticed(review.id, 'version_submitted')).toEqual(expected);
      expect(mails.map((mail) => mail.to).sort()).toEqual(await emailsOf(expected));
      expect(mails.every((mail) => mail.status === 'not_sent' && mail.error !== null)).toBe(true);
    });

    it("should tell the agency a step passed, and the next step's approvers it is theirs, when a step passes", async () => {
      const review = await inReview();

      await decided('reviewer', review.id, {
        versionId: review.versions[0].id,
        stepIndex: 0,
        decision: 'approve',
      });
      // Jiwoo, of the agency, reads Korean.
      const mails = await mailsAbout(
        review,
        `"${review.title}" passed "Brand"`,
        `"${review.title}" "Brand" 단계 통과`,
      );

      const expected = sorted(northwindUserIds);
      expect(await noticed(review.id, 'decision_made')).toEqual(expected);
      expect(mails.map((mail) => mail.to).sort()).toEqual(await emailsOf(expected));
      expect(mails.every((mail) => mail.status === 'not_sent')).toBe(true);
      const ready = await mailsAbout(review, `Version 1 of "${review.title}" is ready for review at "Legal"`);
      expect(await noticed(review.id, 'review_step_ready')).toEqual([users.legal.userId]);
      expect(ready.map((mail) => mail.to)).toEqual(await emailsOf([users.legal.userId]));
    });

    it('should list the newest messages first when an admin reads the outbox', async () => {
      await inReview();

      const messages = await outbox();

      const times = messages.map((message) => Date.parse(message.createdAt));
      expect(times.length).toBeGreaterThan(0);
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('should refuse with 401 when nobody is signed in to read the outbox', async () => {
      await t.deliverEvents();
      const response = await t.http().get('/api/mail-outbox');

      expect(response.status).toBe(401);
      expect((response.body as ApiErrorBody).code).toBe('unauthenticated');
    });
  });
});
