import type { BriefDetailDto, ContractDetailDto, DeliverableDetailDto } from '@agency-portal/shared';
import { finishedUpload } from '../support/deliverable-files';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

describe('briefs and deliverable review', () => {
  let t: TestApp;
  let lead: SignedIn;
  let member: SignedIn;
  let contract: ContractDetailDto;

  async function activeKoreaContract(): Promise<ContractDetailDto> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = 'Northwind Social' AND c.status = 'active' LIMIT 1`,
    );
    const response = await t.http().get(`/api/contracts/${rows[0].id}`).set(bearer(lead.accessToken));
    return response.body as ContractDetailDto;
  }

  async function acceptedBrief(quantity = 1): Promise<BriefDetailDto> {
    const created = await t
      .http()
      .post('/api/briefs')
      .set(bearer(lead.accessToken))
      .send({
        contractId: contract.id,
        goalIds: [contract.allocations[0].goalId],
        title: `Launch reels ${Math.random().toString(36).slice(2, 8)}`,
        objective: 'Announce the winter launch',
        audience: '18–34 in Seoul',
        keyMessages: ['Warm', 'Light'],
        channels: ['instagram'],
        funnelStage: 'awareness',
        dueDate: '2030-01-31',
        specs: [
          { rateCardItemId: contract.rateCard[0].id, quantity, dueDate: '2030-01-20', channel: 'instagram' },
        ],
      });
    expect(created.status).toBe(201);
    const id = (created.body as BriefDetailDto).id;
    await t.http().post(`/api/briefs/${id}/send`).set(bearer(lead.accessToken)).expect(200);
    const accepted = await t.http().post(`/api/briefs/${id}/accept`).set(bearer(member.accessToken));
    expect(accepted.status).toBe(200);
    return accepted.body as BriefDetailDto;
  }

  async function submitVersion(deliverableId: string): Promise<DeliverableDetailDto> {
    const fileId = await finishedUpload(t, member.userId, deliverableId);
    const response = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/versions`)
      .set(bearer(member.accessToken))
      .send({ fileIds: [fileId], copyText: 'Winter is lighter this year.' });
    expect(response.status).toBe(201);
    return response.body as DeliverableDetailDto;
  }

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    member = await t.login(DEMO.northwindMember);
    contract = await activeKoreaContract();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should commit the estimate and create deliverables from the specs when the agency accepts', async () => {
    const before = contract.budget.committedMinor;

    const brief = await acceptedBrief(2);

    expect(brief.status).toBe('accepted');
    expect(brief.deliverables).toHaveLength(2);
    expect(brief.budgetEstimateMinor).toBe(contract.rateCard[0].unitPriceMinor * 2);
    const after = (await t.http().get(`/api/contracts/${contract.id}`).set(bearer(lead.accessToken)))
      .body as ContractDetailDto;
    expect(after.budget.committedMinor).toBe(before + brief.budgetEstimateMinor);
  });

  it('should walk a version through every step and approve it on the last one', async () => {
    const brief = await acceptedBrief();
    const deliverable = await submitVersion(brief.deliverables[0].id);
    expect(deliverable.status).toBe('in_review');
    expect(deliverable.policy.source).toBe('default');
    const version = deliverable.versions[0];

    const decided = await t
      .http()
      .post(`/api/deliverables/${deliverable.id}/decisions`)
      .set(bearer(lead.accessToken))
      .send({ versionId: version.id, stepIndex: 0, decision: 'approve' });

    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('approved');
    expect(decided.body.decisions).toHaveLength(1);
  });

  it('should count exactly one of 50 simultaneous decisions on one step and answer 409 to the rest', async () => {
    const brief = await acceptedBrief();
    const deliverable = await submitVersion(brief.deliverables[0].id);
    const version = deliverable.versions[0];
    const before: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'deliverable.step_approved'`,
      [deliverable.id],
    );

    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t
          .http()
          .post(`/api/deliverables/${deliverable.id}/decisions`)
          .set(bearer(lead.accessToken))
          .send({ versionId: version.id, stepIndex: 0, decision: 'approve' }),
      ),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const conflict = answers.find((answer) => answer.status === 409);
    expect(conflict?.body).toMatchObject({ code: 'conflict', details: { current: { status: 'approved' } } });
    const decisions: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM approval_decisions WHERE version_id = $1',
      [version.id],
    );
    expect(decisions[0].count).toBe(1);
    const after: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'deliverable.step_approved'`,
      [deliverable.id],
    );
    expect(after[0].count - before[0].count).toBe(1);
  });

  it('should send the deliverable back and start version 2 at step one when changes are requested', async () => {
    const brief = await acceptedBrief();
    const first = await submitVersion(brief.deliverables[0].id);
    const noComment = await t
      .http()
      .post(`/api/deliverables/${first.id}/decisions`)
      .set(bearer(lead.accessToken))
      .send({ versionId: first.versions[0].id, stepIndex: 0, decision: 'request_changes' });
    expect(noComment.status).toBe(400);

    const sentBack = await t
      .http()
      .post(`/api/deliverables/${first.id}/decisions`)
      .set(bearer(lead.accessToken))
      .send({
        versionId: first.versions[0].id,
        stepIndex: 0,
        decision: 'request_changes',
        comment: 'Brighter opening frame',
      });
    expect(sentBack.body.status).toBe('changes_requested');

    const second = await submitVersion(first.id);
    expect(second.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(second.currentStep).toBe(0);
    const superseded = await t
      .http()
      .post(`/api/deliverables/${first.id}/decisions`)
      .set(bearer(lead.accessToken))
      .send({ versionId: first.versions[0].id, stepIndex: 0, decision: 'approve' });
    expect(superseded.status).toBe(409);
  });

  it('should refuse another agency, in-house uploads of versions, and versions rewritten after submission', async () => {
    const brief = await acceptedBrief();
    const deliverableId = brief.deliverables[0].id;
    const other = await t.login(DEMO.southpeakMember);

    expect(
      (await t.http().get(`/api/deliverables/${deliverableId}`).set(bearer(other.accessToken))).status,
    ).toBe(404);
    expect((await t.http().get(`/api/briefs/${brief.id}`).set(bearer(other.accessToken))).status).toBe(404);

    const deliverable = await submitVersion(deliverableId);
    await expect(
      t.dataSource.query(`UPDATE deliverable_versions SET copy_text = 'changed' WHERE id = $1`, [
        deliverable.versions[0].id,
      ]),
    ).rejects.toThrow(/immutable/);
  });

  it('should refuse accepting past the cap unless the owner overrides with a reason', async () => {
    const small = await t
      .http()
      .patch(`/api/contracts/${contract.id}`)
      .set(bearer(lead.accessToken))
      .send({ budgetCapMinor: (await activeKoreaContract()).budget.committedMinor + 1 });
    expect(small.status).toBe(200);
    const created = await t
      .http()
      .post('/api/briefs')
      .set(bearer(lead.accessToken))
      .send({
        contractId: contract.id,
        goalIds: [contract.allocations[0].goalId],
        title: 'Too big',
        objective: '',
        audience: '',
        keyMessages: [],
        channels: ['instagram'],
        funnelStage: 'awareness',
        dueDate: '2030-02-28',
        specs: [{ rateCardItemId: contract.rateCard[0].id, quantity: 3, dueDate: '2030-02-20' }],
      });
    const id = (created.body as BriefDetailDto).id;
    await t.http().post(`/api/briefs/${id}/send`).set(bearer(lead.accessToken)).expect(200);

    const refused = await t.http().post(`/api/briefs/${id}/accept`).set(bearer(member.accessToken));
    expect(refused.status).toBe(409);
    expect(refused.body.details).toMatchObject({ estimateMinor: contract.rateCard[0].unitPriceMinor * 3 });

    await t
      .http()
      .post(`/api/briefs/${id}/budget-override`)
      .set(bearer(lead.accessToken))
      .send({ reason: 'Launch matters more' })
      .expect(200);
    const accepted = await t.http().post(`/api/briefs/${id}/accept`).set(bearer(member.accessToken));
    expect(accepted.status).toBe(200);
    await t
      .http()
      .patch(`/api/contracts/${contract.id}`)
      .set(bearer(lead.accessToken))
      .send({ budgetCapMinor: contract.budgetCapMinor })
      .expect(200);
  });
});
