import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  AppliedPolicyDto,
  ApprovalPolicyDto,
  BriefDetailDto,
  CommentDto,
  ContractDetailDto,
  CreateCommentRequest,
  DecideRequest,
  DeliverableDetailDto,
  Page,
  UpsertApprovalPolicyRequest,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { finishedUpload, PNG_BYTES } from '../support/deliverable-files';
import { demoPdfPages } from '../../src/app/seed/demo-pdf';
import { asBytes, bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { acceptedBrief as sentAndAccepted } from '../support/work';

/**
 * Which approval policy applies and why, multi-step reviews on a policy snapshot, pinned comments
 * and threads, lineage, publishing, file delivery and what a version may be made of.
 */

type Who = keyof typeof DEMO;

/** The start of an MP4 (an ftyp box); the bytes only need to be stored, not played. */
const MP4_BYTES = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(12)]);
/** The start of a ZIP container, as a .docx is. */
const DOCX_BYTES = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(60)]);
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Counts {
  versions: number;
  decisions: number;
  comments: number;
  policies: number;
  deliverables: number;
  audit: number;
}

describe('review rules', () => {
  let t: TestApp;
  let users: Record<Who, SignedIn>;
  let coeId: string;
  let koreaId: string;
  let northwind: ContractDetailDto;
  let southpeak: ContractDetailDto;
  let sequence = 0;

  const tokenOf = (who: Who): string => users[who].accessToken;

  function fieldsOf(response: Response): string[] {
    return ((response.body as ApiErrorBody).details?.fields ?? []).map((field) => field.field);
  }

  function codeOf(response: Response): string {
    return (response.body as ApiErrorBody).code;
  }

  async function counts(): Promise<Counts> {
    const rows: Counts[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM deliverable_versions) AS versions,
              (SELECT count(*)::int FROM approval_decisions) AS decisions,
              (SELECT count(*)::int FROM comments) AS comments,
              (SELECT count(*)::int FROM approval_policies) AS policies,
              (SELECT count(*)::int FROM deliverables) AS deliverables,
              (SELECT count(*)::int FROM audit_events) AS audit`,
    );
    return rows[0];
  }

  async function auditCount(entityId: string, action: string): Promise<number> {
    const rows: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = $2',
      [entityId, action],
    );
    return rows[0].count;
  }

  async function contract(id: string): Promise<ContractDetailDto> {
    const response = await t
      .http()
      .get(`/api/contracts/${id}`)
      .set(bearer(tokenOf('lead')));
    expect(response.status).toBe(200);
    return response.body as ContractDetailDto;
  }

  async function activeContractOf(agency: string): Promise<ContractDetailDto> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = $1 AND c.status = 'active' LIMIT 1`,
      [agency],
    );
    return contract(rows[0].id);
  }

  // Policies ---------------------------------------------------------------------------------

  function coeTemplate(name = 'CoE brand and legal'): UpsertApprovalPolicyRequest {
    return {
      name,
      steps: [
        { name: 'Brand', approverRole: 'reviewer', approverUserIds: [], slaHours: 24 },
        { name: 'Legal', approverRole: null, approverUserIds: [users.legal.userId], slaHours: 48 },
      ],
    };
  }

  function singleStep(name: string): UpsertApprovalPolicyRequest {
    return {
      name,
      steps: [{ name: 'Lead sign-off', approverRole: 'social_lead', approverUserIds: [], slaHours: 12 }],
    };
  }

  async function putPolicy(
    path: string,
    body: UpsertApprovalPolicyRequest | object,
    who: Who = 'admin',
  ): Promise<Response> {
    return t
      .http()
      .put(path)
      .set(bearer(tokenOf(who)))
      .send(body);
  }

  async function setPolicy(path: string, body: UpsertApprovalPolicyRequest): Promise<ApprovalPolicyDto> {
    const response = await putPolicy(path, body);
    expect(response.status).toBe(200);
    return response.body as ApprovalPolicyDto;
  }

  async function effective(contractId: string): Promise<AppliedPolicyDto> {
    const response = await t
      .http()
      .get(`/api/contracts/${contractId}/approval-policy/effective`)
      .set(bearer(tokenOf('lead')));
    expect(response.status).toBe(200);
    return response.body as AppliedPolicyDto;
  }

  const unitPolicy = (unitId: string): string => `/api/business-units/${unitId}/approval-policy`;
  const contractPolicy = (contractId: string): string => `/api/contracts/${contractId}/approval-policy`;

  // Work -------------------------------------------------------------------------------------

  async function acceptedBrief(
    on: ContractDetailDto,
    agency: 'northwind' | 'southpeak',
  ): Promise<BriefDetailDto> {
    const accepter: Who = agency === 'northwind' ? 'northwindMember' : 'southpeakMember';
    return sentAndAccepted(
      t,
      on,
      { lead: tokenOf('lead'), agency: tokenOf(accepter) },
      { title: `Review brief ${++sequence}` },
    );
  }

  /** A deliverable of a freshly accepted Northwind (or Southpeak) brief, awaiting its first version. */
  async function openDeliverable(agency: 'northwind' | 'southpeak' = 'northwind'): Promise<string> {
    const brief = await acceptedBrief(agency === 'northwind' ? northwind : southpeak, agency);
    return brief.deliverables[0].id;
  }

  async function submit(
    deliverableId: string,
    fileIds: string[],
    who: Who = 'northwindMember',
  ): Promise<Response> {
    return t
      .http()
      .post(`/api/deliverables/${deliverableId}/versions`)
      .set(bearer(tokenOf(who)))
      .send({ fileIds, copyText: 'Spring is here.' });
  }

  async function submitted(
    deliverableId: string,
    who: Who = 'northwindMember',
    bytes: Buffer = PNG_BYTES,
    contentType = 'image/png',
    fileName = 'post.png',
  ): Promise<DeliverableDetailDto> {
    const fileId = await finishedUpload(t, users[who].userId, deliverableId, bytes, contentType, fileName);
    const response = await submit(deliverableId, [fileId], who);
    expect(response.status).toBe(201);
    return response.body as DeliverableDetailDto;
  }

  async function inReview(agency: 'northwind' | 'southpeak' = 'northwind'): Promise<DeliverableDetailDto> {
    const who: Who = agency === 'northwind' ? 'northwindMember' : 'southpeakMember';
    return submitted(await openDeliverable(agency), who);
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

  /** Version 1 sent back by the social lead (default policy) and version 2 submitted. */
  async function twoVersions(): Promise<DeliverableDetailDto> {
    const first = await inReview();
    await decided('lead', first.id, {
      versionId: first.versions[0].id,
      stepIndex: 0,
      decision: 'request_changes',
      comment: 'Warmer colours',
    });
    return submitted(first.id);
  }

  async function approved(): Promise<DeliverableDetailDto> {
    const deliverable = await inReview();
    return decided('lead', deliverable.id, {
      versionId: deliverable.versions[0].id,
      stepIndex: 0,
      decision: 'approve',
    });
  }

  async function comment(
    versionId: string,
    body: CreateCommentRequest,
    who: Who = 'lead',
  ): Promise<Response> {
    return t
      .http()
      .post(`/api/versions/${versionId}/comments`)
      .set(bearer(tokenOf(who)))
      .send(body);
  }

  async function deliverable(id: string, who: Who = 'lead'): Promise<DeliverableDetailDto> {
    const response = await t
      .http()
      .get(`/api/deliverables/${id}`)
      .set(bearer(tokenOf(who)));
    expect(response.status).toBe(200);
    return response.body as DeliverableDetailDto;
  }

  function content(fileId: string, who: Who, query = ''): Promise<Response> {
    return asBytes(
      t
        .http()
        .get(`/api/files/${fileId}/content${query}`)
        .set(bearer(tokenOf(who))),
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = {} as Record<Who, SignedIn>;
    for (const who of Object.keys(DEMO) as Who[]) {
      signedIn[who] = await t.login(DEMO[who]);
    }
    users = signedIn;
    coeId = await t.unitId('Global Social Centre of Excellence');
    koreaId = await t.unitId('Korea Consumer Marketing');
    northwind = await activeContractOf('Northwind Social');
    southpeak = await activeContractOf('Southpeak Media');
    const raised = await t
      .http()
      .patch(`/api/contracts/${northwind.id}`)
      .set(bearer(tokenOf('lead')))
      .send({ budgetCapMinor: 50_000_000_000 });
    expect(raised.status).toBe(200);
  });

  beforeEach(async () => {
    // Each case starts without policies: the default applies until a case sets one.
    await t.dataSource.query('DELETE FROM approval_policies');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('approval policy resolution', () => {
    it('should apply the default policy and say so when no policy is set anywhere', async () => {
      const applied = await effective(northwind.id);

      expect(applied).toMatchObject({ source: 'default', policyId: null });
      // The social lead who owns the contract, not every social lead.
      expect(applied.steps).toEqual([
        {
          name: 'Social lead approval',
          approverRole: null,
          approverUserIds: [],
          contractOwner: true,
          allowEarlierApprovers: false,
          slaHours: 48,
        },
      ]);
      expect(applied.explanation).toMatch(/no policy/i);
    });

    it("should inherit the CoE template and name the CoE when a Korea unit contract's unit sets nothing", async () => {
      const template = await setPolicy(unitPolicy(coeId), coeTemplate());

      const applied = await effective(northwind.id);

      expect(applied).toMatchObject({
        source: 'coe_template',
        policyId: template.id,
        name: 'CoE brand and legal',
      });
      expect(applied.steps.map((step) => step.name)).toEqual(['Brand', 'Legal']);
      expect(applied.explanation).toContain('Global Social Centre of Excellence');
      expect(await auditCount(template.id, 'approval_policy.created')).toBe(1);
    });

    it("should apply the CoE's policy as its own unit's policy when the contract sits in the CoE itself", async () => {
      const template = await setPolicy(unitPolicy(coeId), coeTemplate());

      const applied = await effective(southpeak.id);

      expect(applied).toMatchObject({ source: 'business_unit', policyId: template.id });
    });

    it('should let the Korea unit policy override the CoE template when both are set', async () => {
      await setPolicy(unitPolicy(coeId), coeTemplate());
      const korea = await setPolicy(unitPolicy(koreaId), singleStep('Korea fast track'));

      const applied = await effective(northwind.id);

      expect(applied).toMatchObject({
        source: 'business_unit',
        policyId: korea.id,
        name: 'Korea fast track',
      });
      expect(applied.explanation).toContain('Korea Consumer Marketing');
    });

    it('should let a contract policy override the unit policy and the CoE template when all three are set', async () => {
      await setPolicy(unitPolicy(coeId), coeTemplate());
      await setPolicy(unitPolicy(koreaId), singleStep('Korea fast track'));
      const own = await setPolicy(contractPolicy(northwind.id), singleStep('Contract special'));

      const applied = await effective(northwind.id);

      expect(applied).toMatchObject({ source: 'contract', policyId: own.id, name: 'Contract special' });
      expect(applied.explanation).toContain(northwind.reference);
    });

    it('should fall back one level at a time when the policies are deleted', async () => {
      await setPolicy(unitPolicy(coeId), coeTemplate());
      const korea = await setPolicy(unitPolicy(koreaId), singleStep('Korea fast track'));
      await setPolicy(contractPolicy(northwind.id), singleStep('Contract special'));

      const removeContract = await t
        .http()
        .delete(contractPolicy(northwind.id))
        .set(bearer(tokenOf('admin')));
      const afterContract = await effective(northwind.id);
      const removeKorea = await t
        .http()
        .delete(unitPolicy(koreaId))
        .set(bearer(tokenOf('admin')));
      const afterKorea = await effective(northwind.id);
      const removeCoe = await t
        .http()
        .delete(unitPolicy(coeId))
        .set(bearer(tokenOf('admin')));
      const afterCoe = await effective(northwind.id);

      expect([removeContract.status, removeKorea.status, removeCoe.status]).toEqual([204, 204, 204]);
      expect(afterContract.source).toBe('business_unit');
      expect(afterKorea.source).toBe('coe_template');
      expect(afterCoe.source).toBe('default');
      expect(await auditCount(korea.id, 'approval_policy.removed')).toBe(1);
    });

    it('should answer 404 not_found when a unit without a policy has its policy deleted', async () => {
      const response = await t
        .http()
        .delete(unitPolicy(koreaId))
        .set(bearer(tokenOf('admin')));

      expect(response.status).toBe(404);
      expect(codeOf(response)).toBe('not_found');
    });

    it('should replace the steps and record approval_policy.updated when a policy is set again', async () => {
      const first = await setPolicy(unitPolicy(coeId), coeTemplate());

      const second = await setPolicy(unitPolicy(coeId), singleStep('CoE simplified'));

      expect(second.id).toBe(first.id);
      expect(second.steps).toHaveLength(1);
      expect(await auditCount(first.id, 'approval_policy.updated')).toBe(1);
    });

    it('should refuse with 400 on steps.0.approverRole and write nothing when a step has no role and no users', async () => {
      const before = await counts();

      const response = await putPolicy(unitPolicy(coeId), {
        name: 'Nobody decides',
        steps: [{ name: 'Void', approverRole: null, approverUserIds: [], slaHours: 24 }],
      });

      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('validation_failed');
      expect(fieldsOf(response)).toEqual(['steps.0.approverRole']);
      expect(await counts()).toEqual(before);
    });

    it.each(['northwindMember', 'finance'] as const)(
      'should refuse with 400 on steps.0.approverUserIds and write nothing when %s is named as an approver',
      async (who) => {
        const before = await counts();

        const response = await putPolicy(unitPolicy(coeId), {
          name: 'Wrong approver',
          steps: [
            { name: 'Outsider', approverRole: null, approverUserIds: [users[who].userId], slaHours: 24 },
          ],
        });

        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('validation_failed');
        expect(fieldsOf(response)).toEqual(['steps.0.approverUserIds']);
        expect(await counts()).toEqual(before);
      },
    );

    it.each([
      ['PUT a unit policy', 'put', 'unit'],
      ['PUT a contract policy', 'put', 'contract'],
      ['DELETE a unit policy', 'delete', 'unit'],
      ['DELETE a contract policy', 'delete', 'contract'],
    ] as const)(
      'should refuse with 403 forbidden and write nothing when social_lead tries to %s',
      async (_label, method, target) => {
        await setPolicy(unitPolicy(coeId), coeTemplate());
        await setPolicy(contractPolicy(northwind.id), singleStep('Contract special'));
        const before = await counts();
        const path = target === 'unit' ? unitPolicy(coeId) : contractPolicy(northwind.id);

        const response =
          method === 'put'
            ? await putPolicy(path, singleStep('Hijacked'), 'lead')
            : await t
                .http()
                .delete(path)
                .set(bearer(tokenOf('lead')));

        expect(response.status).toBe(403);
        expect(codeOf(response)).toBe('forbidden');
        expect(await counts()).toEqual(before);
        expect((await effective(northwind.id)).name).toBe('Contract special');
      },
    );
  });

  describe('multi-step review', () => {
    it('should need the Legal step from its named user after Brand approves when the CoE template applies', async () => {
      await setPolicy(unitPolicy(coeId), coeTemplate());
      const review = await inReview();
      const versionId = review.versions[0].id;
      expect(review.policy.source).toBe('coe_template');

      const brand = await decided('reviewer', review.id, { versionId, stepIndex: 0, decision: 'approve' });
      const before = await counts();
      const notLegal = await decide('reviewer', review.id, { versionId, stepIndex: 1, decision: 'approve' });
      const afterRefusal = await counts();
      const legal = await decided('legal', review.id, { versionId, stepIndex: 1, decision: 'approve' });

      expect(brand).toMatchObject({ status: 'in_review', currentStep: 1 });
      expect(notLegal.status).toBe(403);
      expect(codeOf(notLegal)).toBe('forbidden');
      expect(afterRefusal).toEqual(before);
      expect(legal).toMatchObject({ status: 'approved', currentStep: null });
      expect(legal.decisions.map((decision) => [decision.stepName, decision.approver.email])).toEqual([
        ['Brand', DEMO.reviewer],
        ['Legal', DEMO.legal],
      ]);
    });

    it('should answer 409 with the current state and write nothing when a step is decided with a stale stepIndex', async () => {
      await setPolicy(unitPolicy(coeId), coeTemplate());
      const review = await inReview();
      const versionId = review.versions[0].id;
      await decided('reviewer', review.id, { versionId, stepIndex: 0, decision: 'approve' });
      const before = await counts();

      const stale = await decide('legal', review.id, { versionId, stepIndex: 0, decision: 'approve' });

      expect(stale.status).toBe(409);
      expect(codeOf(stale)).toBe('conflict');
      expect((stale.body as ApiErrorBody).details?.['current']).toEqual({
        status: 'in_review',
        currentStep: 1,
        currentVersionId: versionId,
      });
      expect(await counts()).toEqual(before);
    });

    it('should refuse with 400 on comment and write nothing when a rejection has no comment', async () => {
      const review = await inReview();
      const versionId = review.versions[0].id;
      const before = await counts();

      const bare = await decide('lead', review.id, { versionId, stepIndex: 0, decision: 'reject' });
      const blank = await decide('lead', review.id, {
        versionId,
        stepIndex: 0,
        decision: 'reject',
        comment: '  ',
      });

      for (const response of [bare, blank]) {
        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('validation_failed');
        expect(fieldsOf(response)).toEqual(['comment']);
      }
      expect(await counts()).toEqual(before);
      expect((await deliverable(review.id)).status).toBe('in_review');
    });

    it('should reject the deliverable and keep the comment when a rejection has one', async () => {
      const review = await inReview();

      const rejected = await decided('lead', review.id, {
        versionId: review.versions[0].id,
        stepIndex: 0,
        decision: 'reject',
        comment: 'Off brand',
      });

      expect(rejected.status).toBe('rejected');
      expect(rejected.decisions[0]).toMatchObject({ decision: 'reject', comment: 'Off brand' });
      expect(await auditCount(review.id, 'deliverable.rejected')).toBe(1);
    });

    it('should keep the running review on its policy snapshot and use the new policy for the next version when the policy changes mid-review', async () => {
      await setPolicy(unitPolicy(coeId), coeTemplate());
      const first = await inReview();
      const v1 = first.versions[0].id;

      await setPolicy(unitPolicy(koreaId), singleStep('Korea fast track'));
      const during = await deliverable(first.id);
      const brand = await decided('reviewer', first.id, { versionId: v1, stepIndex: 0, decision: 'approve' });
      const sentBack = await decided('legal', first.id, {
        versionId: v1,
        stepIndex: 1,
        decision: 'request_changes',
        comment: 'Add the disclaimer',
      });
      const second = await submitted(first.id);
      const final = await decided('lead', first.id, {
        versionId: second.versions[0].id,
        stepIndex: 0,
        decision: 'approve',
      });

      expect(during.policy).toMatchObject({ source: 'coe_template', name: 'CoE brand and legal' });
      expect(during.policy.steps).toHaveLength(2);
      expect(brand).toMatchObject({ status: 'in_review', currentStep: 1 });
      expect(sentBack.status).toBe('changes_requested');
      expect(second.policy).toMatchObject({ source: 'business_unit', name: 'Korea fast track' });
      expect(second.currentStep).toBe(0);
      expect(final.status).toBe('approved');
    });
  });

  describe('comments', () => {
    it('should pin the comment and record comment.created when it points inside a PNG of the version', async () => {
      const review = await inReview();
      const version = review.versions[0];
      const fileId = version.files[0].id;

      const response = await comment(version.id, {
        body: 'Logo too close to the edge',
        pin: { kind: 'point', x: 0.25, y: 1, fileId },
      });

      expect(response.status).toBe(201);
      const created = response.body as CommentDto;
      expect(created).toMatchObject({
        versionId: version.id,
        parentId: null,
        body: 'Logo too close to the edge',
        pin: { kind: 'point', x: 0.25, y: 1, fileId },
        resolved: false,
      });
      expect(created.author.email).toBe(DEMO.lead);
      expect(await auditCount(created.id, 'comment.created')).toBe(1);
    });

    it.each([
      ['x is 1.2', { x: 1.2, y: 0.5 }, 'pin.x'],
      ['y is -0.1', { x: 0.5, y: -0.1 }, 'pin.y'],
    ])(
      'should refuse with 400 (pin outside the image) and write nothing when %s',
      async (_label, point, field) => {
        const review = await inReview();
        const version = review.versions[0];
        const before = await counts();

        const response = await comment(version.id, {
          body: 'Out of bounds',
          pin: { kind: 'point', ...point, fileId: version.files[0].id },
        });

        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('validation_failed');
        expect(fieldsOf(response)).toEqual([field]);
        expect((response.body as ApiErrorBody).message).toMatch(/outside the image/);
        expect(await counts()).toEqual(before);
      },
    );

    it('should refuse with 400 on pin.fileId and write nothing when the pin points at a file of another version', async () => {
      const review = await twoVersions();
      const [second, first] = review.versions;
      const before = await counts();

      const response = await comment(second.id, {
        body: 'Wrong file',
        pin: { kind: 'point', x: 0.5, y: 0.5, fileId: first.files[0].id },
      });

      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['pin.fileId']);
      expect(await counts()).toEqual(before);
    });

    it('should refuse with 400 on pin.kind and write nothing when a timecode pin is put on a PNG', async () => {
      const review = await inReview();
      const version = review.versions[0];
      const before = await counts();

      const response = await comment(version.id, {
        body: 'At 3 s',
        pin: { kind: 'timecode', seconds: 3, fileId: version.files[0].id },
      });

      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['pin.kind']);
      expect(await counts()).toEqual(before);
    });

    it('should pin a comment to a point of a PDF page when the pin names the page', async () => {
      const review = await submitted(
        await openDeliverable(),
        'northwindMember',
        demoPdfPages([['Scene 1'], ['Scene 2']]),
        'application/pdf',
        'storyboard.pdf',
      );
      const fileId = review.versions[0].files[0].id;

      const response = await comment(review.versions[0].id, {
        body: 'Scene 2 runs long',
        pin: { kind: 'point', x: 0.4, y: 0.1, page: 2, fileId },
      });

      expect(response.status).toBe(201);
      expect((response.body as CommentDto).pin).toEqual({ kind: 'point', x: 0.4, y: 0.1, page: 2, fileId });
    });

    it.each([
      ['a PDF pin has no page', 'pdf', {}, /which page/],
      ['a PDF pin is on page 0', 'pdf', { page: 0 }, /page/],
      ['an image pin has a page', 'png', { page: 1 }, /Only pins on a PDF/],
    ])(
      'should refuse with 400 on pin.page and write nothing when %s',
      async (_label, kind, page, message) => {
        const deliverableId = await openDeliverable();
        const review =
          kind === 'pdf'
            ? await submitted(
                deliverableId,
                'northwindMember',
                demoPdfPages([['Scene 1']]),
                'application/pdf',
                'storyboard.pdf',
              )
            : await submitted(deliverableId);
        const version = review.versions[0];
        const before = await counts();

        const response = await comment(version.id, {
          body: 'Where?',
          pin: { kind: 'point', x: 0.5, y: 0.5, ...page, fileId: version.files[0].id },
        });

        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toEqual(['pin.page']);
        expect((response.body as ApiErrorBody).message).toMatch(message);
        expect(await counts()).toEqual(before);
      },
    );

    it('should pin a comment to a timecode when the file is a video', async () => {
      const review = await submitted(
        await openDeliverable(),
        'northwindMember',
        MP4_BYTES,
        'video/mp4',
        'cut.mp4',
      );
      const version = review.versions[0];
      const fileId = version.files[0].id;

      const response = await comment(version.id, {
        body: 'Cut earlier here',
        pin: { kind: 'timecode', seconds: 12.5, fileId },
      });

      expect(response.status).toBe(201);
      expect((response.body as CommentDto).pin).toEqual({ kind: 'timecode', seconds: 12.5, fileId });
    });

    it('should thread a reply under its parent and list both in order when a reply has parentId', async () => {
      // The reviewer reads the thread of work they review.
      await setPolicy(`/api/business-units/${coeId}/approval-policy`, coeTemplate());
      const review = await inReview();
      const versionId = review.versions[0].id;
      const parent = (await comment(versionId, { body: 'Can the headline be shorter?' })).body as CommentDto;

      const reply = await comment(
        versionId,
        { body: 'Shortened in v2', parentId: parent.id },
        'northwindMember',
      );
      const list = await t
        .http()
        .get(`/api/versions/${versionId}/comments`)
        .set(bearer(tokenOf('reviewer')));

      expect(reply.status).toBe(201);
      expect((reply.body as CommentDto).parentId).toBe(parent.id);
      expect(list.status).toBe(200);
      expect((list.body as Page<CommentDto>).items.map((entry) => [entry.body, entry.parentId])).toEqual([
        ['Can the headline be shorter?', null],
        ['Shortened in v2', parent.id],
      ]);
    });

    it('should refuse with 400 on parentId and write nothing when the parent belongs to another version', async () => {
      const review = await twoVersions();
      const [second, first] = review.versions;
      const parent = (await comment(first.id, { body: 'On version 1' })).body as CommentDto;
      const before = await counts();

      const response = await comment(second.id, { body: 'Cross-version reply', parentId: parent.id });

      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['parentId']);
      expect(await counts()).toEqual(before);
    });

    it('should record comment.resolved and comment.reopened when a comment is resolved and then reopened', async () => {
      const review = await inReview();
      const created = (await comment(review.versions[0].id, { body: 'Fix the typo' })).body as CommentDto;

      const resolved = await t
        .http()
        .post(`/api/comments/${created.id}/resolve`)
        .set(bearer(tokenOf('northwindMember')));
      const reopened = await t
        .http()
        .post(`/api/comments/${created.id}/unresolve`)
        .set(bearer(tokenOf('lead')));

      expect(resolved.status).toBe(200);
      expect(resolved.body as CommentDto).toMatchObject({
        resolved: true,
        resolvedBy: { email: DEMO.northwindMember },
      });
      expect(reopened.status).toBe(200);
      expect(reopened.body as CommentDto).toMatchObject({ resolved: false, resolvedBy: null });
      expect(await auditCount(created.id, 'comment.resolved')).toBe(1);
      expect(await auditCount(created.id, 'comment.reopened')).toBe(1);
    });

    it.each(['northwindAdmin', 'northwindMember'] as const)(
      'should accept the comment when %s comments on a version of their own agency',
      async (who) => {
        const review = await inReview();

        const response = await comment(review.versions[0].id, { body: 'Source files attached' }, who);

        expect(response.status).toBe(201);
        expect((response.body as CommentDto).author.email).toBe(DEMO[who]);
      },
    );

    it('should answer 404 exactly as for a missing version and write nothing when another agency comments on or reads a version', async () => {
      const review = await inReview();
      const versionId = review.versions[0].id;
      const before = await counts();

      const post = await comment(versionId, { body: 'Not mine' }, 'southpeakMember');
      const list = await t
        .http()
        .get(`/api/versions/${versionId}/comments`)
        .set(bearer(tokenOf('southpeakAdmin')));
      const missing = await comment(randomUUID(), { body: 'Not mine' }, 'southpeakMember');

      expect(post.status).toBe(404);
      expect(codeOf(post)).toBe('not_found');
      expect(post.body).toEqual(missing.body);
      expect(list.status).toBe(404);
      expect(await counts()).toEqual(before);
    });
  });

  describe('lineage', () => {
    it('should keep the lineage in both directions when a derivative is cut from a master', async () => {
      const master = await approved();

      const response = await t
        .http()
        .post(`/api/deliverables/${master.id}/derivatives`)
        .set(bearer(tokenOf('lead')))
        .send({ title: '9:16 cut-down', channel: 'tiktok', dueDate: '2031-05-25' });
      const after = await deliverable(master.id);

      expect(response.status).toBe(201);
      const child = response.body as DeliverableDetailDto;
      expect(child).toMatchObject({
        title: '9:16 cut-down',
        channel: 'tiktok',
        status: 'draft',
        derivedFromId: master.id,
        derivedFrom: { id: master.id, title: master.title },
        briefId: master.briefId,
        versions: [],
      });
      expect(after.derivatives).toEqual([{ id: child.id, title: '9:16 cut-down', status: 'draft' }]);
      expect(await auditCount(child.id, 'deliverable.derived')).toBe(1);
    });
  });

  describe('publishing', () => {
    it('should refuse with 409 invalid_state and leave the deliverable in review when it is not approved', async () => {
      const review = await inReview();

      const response = await t
        .http()
        .post(`/api/deliverables/${review.id}/publish`)
        .set(bearer(tokenOf('northwindMember')))
        .send({ postUrl: 'https://instagram.com/p/early' });

      expect(response.status).toBe(409);
      expect(codeOf(response)).toBe('invalid_state');
      const after = await deliverable(review.id);
      expect(after).toMatchObject({ status: 'in_review', postUrl: null, publishedAt: null });
      expect(await auditCount(review.id, 'deliverable.published')).toBe(0);
    });

    it.each(['ftp://example.com/post', 'javascript:alert(1)', 'instagram.com/p/abc', ''])(
      'should refuse with 400 on postUrl and leave the deliverable approved when postUrl is %j',
      async (postUrl) => {
        const done = await approved();

        const response = await t
          .http()
          .post(`/api/deliverables/${done.id}/publish`)
          .set(bearer(tokenOf('northwindMember')))
          .send({ postUrl });

        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toEqual(['postUrl']);
        expect((await deliverable(done.id)).status).toBe('approved');
      },
    );

    it('should publish with the post URL and time and record deliverable.published when it is approved', async () => {
      const done = await approved();

      const response = await t
        .http()
        .post(`/api/deliverables/${done.id}/publish`)
        .set(bearer(tokenOf('northwindMember')))
        .send({ postUrl: 'https://www.instagram.com/p/spring', publishedAt: '2031-05-21T09:00:00.000Z' });

      expect(response.status).toBe(200);
      expect(response.body as DeliverableDetailDto).toMatchObject({
        status: 'published',
        postUrl: 'https://www.instagram.com/p/spring',
        publishedAt: '2031-05-21T09:00:00.000Z',
      });
      expect(await auditCount(done.id, 'deliverable.published')).toBe(1);
    });
  });

  describe('file content', () => {
    it('should serve a PNG inline with nosniff when a reviewer opens it', async () => {
      await setPolicy(`/api/business-units/${coeId}/approval-policy`, coeTemplate());
      const review = await inReview();
      const fileId = review.versions[0].files[0].id;

      const response = await content(fileId, 'reviewer');

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^image\/png/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toMatch(/^inline/);
      expect(Buffer.compare(response.body as Buffer, PNG_BYTES)).toBe(0);
    });

    it('should serve the PNG as an attachment when download=true', async () => {
      const review = await inReview();

      const response = await content(review.versions[0].files[0].id, 'lead', '?download=true');

      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment/);
    });

    it('should serve a Word document as an attachment when its type has no preview', async () => {
      const review = await submitted(
        await openDeliverable(),
        'northwindMember',
        DOCX_BYTES,
        DOCX_TYPE,
        'copy.docx',
      );

      const response = await content(review.versions[0].files[0].id, 'lead');

      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toMatch(/^attachment/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('should send the detected content type, never one guessed from the file name, when the name ends in .html', async () => {
      const review = await submitted(
        await openDeliverable(),
        'northwindMember',
        PNG_BYTES,
        'image/png',
        'poster.html',
      );

      const response = await content(review.versions[0].files[0].id, 'lead');

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^image\/png/);
    });

    it('should answer 404 exactly as for a missing file when another agency asks for a file', async () => {
      const review = await inReview();

      const foreign = await content(review.versions[0].files[0].id, 'southpeakMember');
      const missing = await content(randomUUID(), 'southpeakMember');

      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(JSON.parse((foreign.body as Buffer).toString('utf8'))).toEqual(
        JSON.parse((missing.body as Buffer).toString('utf8')),
      );
    });

    it("should answer 404 when the id is a contract's signed document rather than a deliverable file", async () => {
      const documentId = northwind.signedDocument?.id ?? '';
      expect(documentId).not.toBe('');

      const responses = await Promise.all(
        (['lead', 'northwindMember'] as const).map((who) => content(documentId, who)),
      );

      expect(responses.map((response) => response.status)).toEqual([404, 404]);
    });

    it('should serve an upload only to its uploader when it is not part of a version yet', async () => {
      const deliverableId = await openDeliverable();
      const fileId = await finishedUpload(t, users.northwindMember.userId, deliverableId);

      const own = await content(fileId, 'northwindMember');
      const others = await Promise.all(
        (['northwindAdmin', 'lead', 'admin', 'reviewer'] as const).map((who) => content(fileId, who)),
      );

      expect(own.status).toBe(200);
      expect(Buffer.compare(own.body as Buffer, PNG_BYTES)).toBe(0);
      expect(others.map((response) => response.status)).toEqual([404, 404, 404, 404]);
    });
  });

  describe('what a version may be made of', () => {
    async function refusedSubmission(deliverableId: string, fileId: string): Promise<void> {
      const before = await counts();

      const response = await submit(deliverableId, [fileId]);

      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('validation_failed');
      expect(fieldsOf(response)).toEqual(['fileIds']);
      expect(await counts()).toEqual(before);
    }

    it("should refuse with 400 on fileIds and add no version when the file is someone else's upload", async () => {
      const deliverableId = await openDeliverable();
      const colleagues = await finishedUpload(t, users.northwindAdmin.userId, deliverableId);

      await refusedSubmission(deliverableId, colleagues);

      expect((await deliverable(deliverableId)).status).toBe('draft');
    });

    it('should refuse with 400 on fileIds and add no version when the upload is for another deliverable', async () => {
      const deliverableId = await openDeliverable();
      const otherDeliverable = await openDeliverable();
      const elsewhere = await finishedUpload(t, users.northwindMember.userId, otherDeliverable);

      await refusedSubmission(deliverableId, elsewhere);

      expect((await deliverable(deliverableId)).status).toBe('draft');
    });

    it('should refuse with 400 on fileIds and keep the file on its version when the file is already attached', async () => {
      const sentBack = await inReview();
      const attached = sentBack.versions[0].files[0].id;
      await decided('lead', sentBack.id, {
        versionId: sentBack.versions[0].id,
        stepIndex: 0,
        decision: 'request_changes',
        comment: 'New angle',
      });

      await refusedSubmission(sentBack.id, attached);

      const rows: { version_id: string }[] = await t.dataSource.query(
        'SELECT version_id FROM stored_files WHERE id = $1',
        [attached],
      );
      expect(rows[0].version_id).toBe(sentBack.versions[0].id);
      expect((await deliverable(sentBack.id)).status).toBe('changes_requested');
    });
  });
});
