import type {
  BriefDetailDto,
  BriefDto,
  ContractDetailDto,
  ContractDto,
  DeliverableDetailDto,
  DeliverableSummaryDto,
  Page,
  UpsertApprovalPolicyRequest,
} from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { activeContract, acceptedBrief, submittedVersion } from '../support/work';

/**
 * Reviewers read what they review: the contracts whose applicable approval policy names them (by
 * role or by name), and the briefs they have reviewed or decided on; everything else answers 404.
 */

type Who = keyof typeof DEMO;

describe('reviewers read what they review', () => {
  let t: TestApp;
  let users: Record<Who, SignedIn>;
  let northwind: ContractDetailDto;
  let sequence = 0;

  const tokenOf = (who: Who): string => users[who].accessToken;

  function get(path: string, who: Who) {
    return t
      .http()
      .get(path)
      .set(bearer(tokenOf(who)));
  }

  async function setContractPolicy(contractId: string, body: UpsertApprovalPolicyRequest): Promise<void> {
    const response = await t
      .http()
      .put(`/api/contracts/${contractId}/approval-policy`)
      .set(bearer(tokenOf('admin')))
      .send(body);
    expect(response.status).toBe(200);
  }

  const leadOnly: UpsertApprovalPolicyRequest = {
    name: 'Lead only',
    steps: [{ name: 'Lead sign-off', approverRole: 'social_lead', approverUserIds: [], slaHours: 24 }],
  };

  /** A brief on the Northwind contract, accepted, with version 1 (a PNG) submitted and commented on. */
  async function submittedWork(): Promise<{ brief: BriefDetailDto; deliverable: DeliverableDetailDto }> {
    const brief = await acceptedBrief(
      t,
      northwind,
      { lead: tokenOf('lead'), agency: tokenOf('northwindMember') },
      {
        title: `Scoped brief ${++sequence}`,
        objective: 'Launch',
        audience: 'Everyone',
        keyMessages: ['New'],
      },
    );
    const deliverable = await submittedVersion(t, brief.deliverables[0].id, users.northwindMember, 'Hello');
    const commented = await t
      .http()
      .post(`/api/versions/${deliverable.versions[0].id}/comments`)
      .set(bearer(tokenOf('lead')))
      .send({ body: 'Brighter, please' });
    expect(commented.status).toBe(201);
    return { brief, deliverable };
  }

  /** Status of every read a reviewer might try on one piece of work. */
  async function readsOf(
    who: Who,
    work: { brief: BriefDetailDto; deliverable: DeliverableDetailDto },
  ): Promise<Record<string, number | boolean>> {
    const version = work.deliverable.versions[0];
    const [brief, deliverable, comments, file, briefs, deliverables] = await Promise.all([
      get(`/api/briefs/${work.brief.id}`, who),
      get(`/api/deliverables/${work.deliverable.id}`, who),
      get(`/api/versions/${version.id}/comments`, who),
      get(`/api/files/${version.files[0].id}/content`, who),
      get('/api/briefs?limit=100', who),
      get('/api/deliverables?limit=100', who),
    ]);
    return {
      brief: brief.status,
      deliverable: deliverable.status,
      comments: comments.status,
      file: file.status,
      briefListed: (briefs.body as Page<BriefDto>).items.some((item) => item.id === work.brief.id),
      deliverableListed: (deliverables.body as Page<DeliverableSummaryDto>).items.some(
        (item) => item.id === work.deliverable.id,
      ),
    };
  }

  const visible = {
    brief: 200,
    deliverable: 200,
    comments: 200,
    file: 200,
    briefListed: true,
    deliverableListed: true,
  };
  const hidden = {
    brief: 404,
    deliverable: 404,
    comments: 404,
    file: 404,
    briefListed: false,
    deliverableListed: false,
  };

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = {} as Record<Who, SignedIn>;
    for (const who of Object.keys(DEMO) as Who[]) signedIn[who] = await t.login(DEMO[who]);
    users = signedIn;
    northwind = await activeContract(t, tokenOf('lead'));
    const raised = await t
      .http()
      .patch(`/api/contracts/${northwind.id}`)
      .set(bearer(tokenOf('lead')))
      .send({ budgetCapMinor: 50_000_000_000 });
    expect(raised.status).toBe(200);
    // As in the demo: the CoE's template asks every reviewer for brand review, then Lena for legal.
    const template = await t
      .http()
      .put(`/api/business-units/${await t.unitId('Global Social Centre of Excellence')}/approval-policy`)
      .set(bearer(tokenOf('admin')))
      .send({
        name: 'Brand and legal review',
        steps: [
          { name: 'Brand review', approverRole: 'reviewer', approverUserIds: [], slaHours: 24 },
          { name: 'Legal', approverRole: null, approverUserIds: [users.legal.userId], slaHours: 48 },
        ],
      } satisfies UpsertApprovalPolicyRequest);
    expect(template.status).toBe(200);
  });

  beforeEach(async () => {
    await t.dataSource.query('DELETE FROM approval_policies WHERE contract_id IS NOT NULL');
  });

  afterAll(async () => {
    await t.close();
  });

  it('should show reviewers the work whose policy names their role (the CoE template)', async () => {
    const work = await submittedWork();

    expect(await readsOf('reviewer', work)).toEqual(visible);
    expect(await readsOf('legal', work)).toEqual(visible);
  });

  it('should answer 404 to a reviewer for work whose policy does not name them, and not list it', async () => {
    await setContractPolicy(northwind.id, leadOnly);
    const work = await submittedWork();

    expect(await readsOf('reviewer', work)).toEqual(hidden);
    // Other in-house readers are not limited by this rule.
    expect(await readsOf('lead', work)).toEqual(visible);
    expect((await get(`/api/briefs/${work.brief.id}`, 'finance')).status).toBe(200);
  });

  it('should show the work to a reviewer the policy names by name, and only to them', async () => {
    await setContractPolicy(northwind.id, {
      name: 'Named reviewer',
      steps: [{ name: 'Riya', approverRole: null, approverUserIds: [users.reviewer.userId], slaHours: 24 }],
    });
    const work = await submittedWork();

    expect(await readsOf('reviewer', work)).toEqual(visible);
    expect(await readsOf('legal', work)).toEqual(hidden);
  });

  it('should keep the work a reviewer was asked to review readable after the policy stops naming them', async () => {
    const reviewed = await submittedWork();
    const decided = await t
      .http()
      .post(`/api/deliverables/${reviewed.deliverable.id}/decisions`)
      .set(bearer(tokenOf('reviewer')))
      .send({ versionId: reviewed.deliverable.versions[0].id, stepIndex: 0, decision: 'approve' });
    expect(decided.status).toBe(200);

    await setContractPolicy(northwind.id, leadOnly);
    const later = await submittedWork();

    // Under review on a snapshot naming them, and decided on by one of them: still theirs to read.
    expect(await readsOf('reviewer', reviewed)).toEqual(visible);
    expect(await readsOf('legal', reviewed)).toEqual(visible);
    expect(await readsOf('reviewer', later)).toEqual(hidden);
  });

  it('should answer 404 to a reviewer for a contract and its policy when it names no reviewer and they have no work under it', async () => {
    const goals: { id: string }[] = await t.dataSource.query(
      "SELECT id FROM marketing_goals WHERE status = 'active' LIMIT 1",
    );
    const created = await t
      .http()
      .post('/api/contracts')
      .set(bearer(tokenOf('lead')))
      .send({
        agencyId: await t.agencyId('Southpeak Media'),
        businessUnitId: await t.unitId('Korea Consumer Marketing'),
        ownerId: users.lead.userId,
        reference: 'SOW-SCOPE-1',
        title: 'Scoped contract',
        scope: 'Instagram',
        startDate: '2026-01-01',
        endDate: '2030-12-31',
        currency: 'USD',
        budgetCapMinor: 1_000_000,
        renewalNoticeDays: 30,
        rateCard: [{ code: 'POST', description: 'Post', unit: 'deliverable', unitPriceMinor: 10_000 }],
        allocations: [{ goalId: goals[0].id, percent: 50 }],
      });
    expect(created.status).toBe(201);
    const id = (created.body as ContractDetailDto).id;
    const listed = async (who: Who) =>
      ((await get('/api/contracts?limit=100', who)).body as Page<ContractDto>).items.some(
        (contract) => contract.id === id,
      );
    // Inherited CoE template: its brand step names every reviewer.
    expect((await get(`/api/contracts/${id}`, 'reviewer')).status).toBe(200);
    expect(await listed('reviewer')).toBe(true);

    await setContractPolicy(id, leadOnly);

    expect((await get(`/api/contracts/${id}`, 'reviewer')).status).toBe(404);
    expect((await get(`/api/contracts/${id}/approval-policy/effective`, 'reviewer')).status).toBe(404);
    expect(await listed('reviewer')).toBe(false);
    expect((await get(`/api/contracts/${id}`, 'lead')).status).toBe(200);
    expect(await listed('finance')).toBe(true);
  });
});
