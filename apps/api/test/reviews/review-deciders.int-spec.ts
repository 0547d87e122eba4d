import type {
  ApiErrorBody,
  ContractDetailDto,
  DecideRequest,
  DeliverableDetailDto,
  DeliverableSummaryDto,
  Page,
  UpsertApprovalPolicyRequest,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief, submittedVersion } from '../support/work';

/**
 * Who decides and who hears: a person decides at most one step of a version unless the step
 * allows it (also when both decisions arrive at once); with no policy set the contract's owner, the
 * social lead, approves; "ready for review" reaches only those who may decide the step, and the
 * lead who owns the brief hears of every outcome.
 */

type Who = 'admin' | 'lead' | 'reviewer' | 'legal' | 'northwindMember';

describe('who decides a review step, and who hears of it', () => {
  let t: TestApp;
  let users: Record<Who, SignedIn>;
  let northwind: ContractDetailDto;
  let sequence = 0;

  const tokenOf = (who: Who): string => users[who].accessToken;
  const sorted = (ids: string[]): string[] => [...ids].sort();

  /** Brand by every reviewer, then legal by Lena (a reviewer too): the demo's two in-house steps. */
  function brandThenLegal(legalStep: { allowEarlierApprovers?: boolean } = {}): UpsertApprovalPolicyRequest {
    return {
      name: 'Brand then legal',
      steps: [
        { name: 'Brand', approverRole: 'reviewer', approverUserIds: [], slaHours: 24 },
        {
          name: 'Legal',
          approverRole: null,
          approverUserIds: [users.legal.userId],
          slaHours: 48,
          ...legalStep,
        },
      ],
    };
  }

  async function setContractPolicy(body: UpsertApprovalPolicyRequest): Promise<void> {
    const response = await t
      .http()
      .put(`/api/contracts/${northwind.id}/approval-policy`)
      .set(bearer(tokenOf('admin')))
      .send(body);
    expect(response.status).toBe(200);
  }

  async function inReview(): Promise<DeliverableDetailDto> {
    const brief = await acceptedBrief(
      t,
      northwind,
      { lead: tokenOf('lead'), agency: tokenOf('northwindMember') },
      { title: `Deciders brief ${++sequence}` },
    );
    return submittedVersion(t, brief.deliverables[0].id, users.northwindMember, 'Spring is here.');
  }

  async function decide(who: Who, deliverableId: string, body: DecideRequest): Promise<Response> {
    return t
      .http()
      .post(`/api/deliverables/${deliverableId}/decisions`)
      .set(bearer(tokenOf(who)))
      .send(body);
  }

  async function decided(
    who: Who,
    deliverableId: string,
    body: DecideRequest,
  ): Promise<DeliverableDetailDto> {
    const response = await decide(who, deliverableId, body);
    expect(response.status).toBe(200);
    return response.body as DeliverableDetailDto;
  }

  async function detail(who: Who, id: string): Promise<DeliverableDetailDto> {
    const response = await t
      .http()
      .get(`/api/deliverables/${id}`)
      .set(bearer(tokenOf(who)));
    expect(response.status).toBe(200);
    return response.body as DeliverableDetailDto;
  }

  async function queueOf(who: Who): Promise<string[]> {
    const response = await t
      .http()
      .get('/api/deliverables')
      .query({ awaitingMe: 'true', limit: 100 })
      .set(bearer(tokenOf(who)));
    expect(response.status).toBe(200);
    return (response.body as Page<DeliverableSummaryDto>).items.map((item) => item.id);
  }

  async function decisionsBy(versionId: string, approverId: string): Promise<number> {
    const rows: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM approval_decisions WHERE version_id = $1 AND approver_id = $2',
      [versionId, approverId],
    );
    return rows[0].count;
  }

  /** Who got an in-app notice of this kind about the deliverable, once the outbox has delivered. */
  async function noticed(deliverableId: string, kind: string): Promise<string[]> {
    await t.deliverEvents();
    const rows: { user_id: string }[] = await t.dataSource.query(
      'SELECT user_id FROM notifications WHERE entity_id = $1 AND kind = $2 ORDER BY user_id',
      [deliverableId, kind],
    );
    return rows.map((row) => row.user_id);
  }

  async function activeReviewerIds(): Promise<string[]> {
    const rows: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM users WHERE role = 'reviewer' AND active AND agency_id IS NULL",
    );
    return rows.map((row) => row.id);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const emails: Record<Who, string> = {
      admin: DEMO.admin,
      lead: DEMO.lead,
      reviewer: DEMO.reviewer,
      legal: DEMO.legal,
      northwindMember: DEMO.northwindMember,
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

  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM approval_policies');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('one person, one step of a version', () => {
    it('should refuse with 403 and write nothing when the person who approved the brand step decides the legal step too', async () => {
      await setContractPolicy(brandThenLegal());
      const review = await inReview();
      const versionId = review.versions[0].id;
      // Lena is a reviewer, so the brand step names her too.
      await decided('legal', review.id, { versionId, stepIndex: 0, decision: 'approve' });

      const second = await decide('legal', review.id, { versionId, stepIndex: 1, decision: 'approve' });

      expect(second.status).toBe(403);
      expect((second.body as ApiErrorBody).code).toBe('forbidden');
      expect((second.body as ApiErrorBody).message).toMatch(/earlier step/);
      expect(await decisionsBy(versionId, users.legal.userId)).toBe(1);
      expect(await detail('lead', review.id)).toMatchObject({ status: 'in_review', currentStep: 1 });
    });

    it('should offer her no decision and leave it out of her queue when she approved the earlier step', async () => {
      await setContractPolicy(brandThenLegal());
      const review = await inReview();
      await decided('legal', review.id, {
        versionId: review.versions[0].id,
        stepIndex: 0,
        decision: 'approve',
      });

      expect((await detail('legal', review.id)).allowedActions).not.toContain('decide');
      expect(await queueOf('legal')).not.toContain(review.id);
    });

    it('should let her decide the legal step too when the step allows someone who decided an earlier one', async () => {
      await setContractPolicy(brandThenLegal({ allowEarlierApprovers: true }));
      const review = await inReview();
      const versionId = review.versions[0].id;
      await decided('legal', review.id, { versionId, stepIndex: 0, decision: 'approve' });

      expect((await detail('legal', review.id)).allowedActions).toContain('decide');
      expect(await queueOf('legal')).toContain(review.id);
      const approved = await decided('legal', review.id, { versionId, stepIndex: 1, decision: 'approve' });

      expect(approved.status).toBe('approved');
      expect(approved.policy.steps.map((step) => step.allowEarlierApprovers)).toEqual([false, true]);
    });

    it('should count one decision of hers when she decides the brand and the legal step at the same moment', async () => {
      await setContractPolicy(brandThenLegal());
      for (let round = 0; round < 4; round++) {
        const review = await inReview();
        const versionId = review.versions[0].id;

        const answers = await Promise.all([
          decide('legal', review.id, { versionId, stepIndex: 0, decision: 'approve' }),
          decide('legal', review.id, { versionId, stepIndex: 1, decision: 'approve' }),
        ]);

        // The brand decision counts; the legal one finds the step not yet open (409) or hers barred (403).
        expect(answers[0].status).toBe(200);
        expect([403, 409]).toContain(answers[1].status);
        expect(await decisionsBy(versionId, users.legal.userId)).toBe(1);
        expect(await detail('lead', review.id)).toMatchObject({ status: 'in_review', currentStep: 1 });
      }
    });
  });

  describe('with no policy set', () => {
    it("should let the contract's owner approve, and name the step theirs", async () => {
      const review = await inReview();

      expect(review.policy).toMatchObject({ source: 'default' });
      expect(review.policy.steps).toEqual([
        expect.objectContaining({ approverRole: null, approverUserIds: [], contractOwner: true }),
      ]);
      expect(review.contractOwner).toMatchObject({ id: users.lead.userId, email: DEMO.lead });
      expect((await detail('lead', review.id)).allowedActions).toContain('decide');
      expect(await queueOf('lead')).toContain(review.id);
      const approved = await decided('lead', review.id, {
        versionId: review.versions[0].id,
        stepIndex: 0,
        decision: 'approve',
      });
      expect(approved.status).toBe('approved');
    });

    it('should refuse with 403 an admin who does not own the contract', async () => {
      const review = await inReview();

      const response = await decide('admin', review.id, {
        versionId: review.versions[0].id,
        stepIndex: 0,
        decision: 'approve',
      });

      expect(response.status).toBe(403);
      expect(await queueOf('admin')).not.toContain(review.id);
    });
  });

  describe('notices', () => {
    it('should tell only the contract owner a version is ready when the default policy applies', async () => {
      const review = await inReview();

      expect(await noticed(review.id, 'version_submitted')).toEqual([users.lead.userId]);
    });

    it('should not tell the lead a version is ready when the first step is not theirs to decide', async () => {
      await setContractPolicy(brandThenLegal());
      const review = await inReview();

      expect(await noticed(review.id, 'version_submitted')).toEqual(sorted(await activeReviewerIds()));
      expect(await noticed(review.id, 'version_submitted')).not.toContain(users.lead.userId);
    });

    it('should tell the next step’s approvers, less whoever decided the last one, when a step approves', async () => {
      await setContractPolicy({
        name: 'Brand then any reviewer',
        steps: [
          { name: 'Brand', approverRole: 'reviewer', approverUserIds: [], slaHours: 24 },
          { name: 'Second look', approverRole: 'reviewer', approverUserIds: [], slaHours: 24 },
        ],
      });
      const review = await inReview();

      await decided('reviewer', review.id, {
        versionId: review.versions[0].id,
        stepIndex: 0,
        decision: 'approve',
      });

      const others = (await activeReviewerIds()).filter((id) => id !== users.reviewer.userId);
      expect(others.length).toBeGreaterThan(0);
      expect(await noticed(review.id, 'review_step_ready')).toEqual(sorted(others));
    });

    it('should tell the lead who owns the brief of every outcome, and not of steps passed', async () => {
      await setContractPolicy(brandThenLegal());
      const approvedOne = await inReview();
      const sentBack = await inReview();
      const rejected = await inReview();
      const v = (review: DeliverableDetailDto) => review.versions[0].id;

      await decided('reviewer', approvedOne.id, {
        versionId: v(approvedOne),
        stepIndex: 0,
        decision: 'approve',
      });
      expect(await noticed(approvedOne.id, 'decision_made')).not.toContain(users.lead.userId);
      await decided('legal', approvedOne.id, {
        versionId: v(approvedOne),
        stepIndex: 1,
        decision: 'approve',
      });
      await decided('reviewer', sentBack.id, {
        versionId: v(sentBack),
        stepIndex: 0,
        decision: 'request_changes',
        comment: 'Bigger logo.',
      });
      await decided('reviewer', rejected.id, {
        versionId: v(rejected),
        stepIndex: 0,
        decision: 'reject',
        comment: 'Off brand.',
      });

      for (const review of [approvedOne, sentBack, rejected]) {
        expect(await noticed(review.id, 'decision_made')).toContain(users.lead.userId);
      }
      const leadNotices: { title: string }[] = await t.dataSource.query(
        "SELECT title FROM notifications WHERE user_id = $1 AND kind = 'decision_made' AND entity_id = $2",
        [users.lead.userId, approvedOne.id],
      );
      expect(leadNotices.map((notice) => notice.title)).toEqual([expect.stringContaining('was approved')]);
    });

    it('should not tell the lead of an outcome they decided themselves', async () => {
      const review = await inReview();

      await decided('lead', review.id, {
        versionId: review.versions[0].id,
        stepIndex: 0,
        decision: 'approve',
      });

      expect(await noticed(review.id, 'decision_made')).not.toContain(users.lead.userId);
    });
  });
});
