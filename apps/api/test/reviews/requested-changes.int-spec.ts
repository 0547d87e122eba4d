import type { ApiErrorBody, ContractDetailDto, RequestedChangesDto } from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { acceptedBrief, submittedVersion } from '../support/work';

/**
 * The changes asked for on a deliverable, as its agency reads them: every "request changes"
 * decision newest first with the comments still open on its version (pinned first, resolved ones
 * left out), and 404 to anyone outside the deliverable's scope.
 */
describe('requested changes on a deliverable', () => {
  let t: TestApp;
  let users: Record<'lead' | 'northwindMember' | 'southpeakMember', SignedIn>;
  let deliverableId: string;

  beforeAll(async () => {
    t = await createTestApp();
    users = {
      lead: await t.login(DEMO.lead),
      northwindMember: await t.login(DEMO.northwindMember),
      southpeakMember: await t.login(DEMO.southpeakMember),
    };
    await t.dataSource.query('DELETE FROM approval_policies');
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = 'Northwind Social' AND c.status = 'active' ORDER BY c.created_at LIMIT 1`,
    );
    await t
      .http()
      .patch(`/api/contracts/${row?.id}`)
      .set(bearer(users.lead.accessToken))
      .send({ budgetCapMinor: 50_000_000_000 });
    const contract = (await t.http().get(`/api/contracts/${row?.id}`).set(bearer(users.lead.accessToken)))
      .body as ContractDetailDto;
    const brief = await acceptedBrief(
      t,
      contract,
      { lead: users.lead.accessToken, agency: users.northwindMember.accessToken },
      { title: 'Requested changes brief' },
    );
    deliverableId = brief.deliverables[0].id;
  });

  afterAll(async () => {
    await t.close();
  });

  async function requestChanges(comment: string, pinned: string, loose: string): Promise<void> {
    const version = await submittedVersion(t, deliverableId, users.northwindMember, 'Copy');
    const current = version.versions[0];
    const lead = bearer(users.lead.accessToken);
    const pin = { kind: 'point', x: 0.25, y: 0.5, fileId: current.files[0].id };
    expect(
      (await t.http().post(`/api/versions/${current.id}/comments`).set(lead).send({ body: loose })).status,
    ).toBe(201);
    expect(
      (await t.http().post(`/api/versions/${current.id}/comments`).set(lead).send({ body: pinned, pin }))
        .status,
    ).toBe(201);
    const resolvedOne = await t
      .http()
      .post(`/api/versions/${current.id}/comments`)
      .set(lead)
      .send({ body: 'Done already' });
    expect(resolvedOne.status).toBe(201);
    const resolved = await t
      .http()
      .post(`/api/comments/${(resolvedOne.body as { id: string }).id}/resolve`)
      .set(lead);
    expect(resolved.status).toBe(200);
    const decided = await t
      .http()
      .post(`/api/deliverables/${deliverableId}/decisions`)
      .set(lead)
      .send({ versionId: current.id, stepIndex: 0, decision: 'request_changes', comment });
    expect(decided.status).toBe(200);
  }

  it('should list each request newest first with its open comments, pinned first, for the agency', async () => {
    await requestChanges('Warmer colours, please.', 'Logo too small here', 'Shorter copy');
    await requestChanges('Still too cold.', 'Crop tighter', 'Add the hashtag');

    const response = await t
      .http()
      .get(`/api/deliverables/${deliverableId}/requested-changes`)
      .set(bearer(users.northwindMember.accessToken));

    expect(response.status).toBe(200);
    const body = response.body as RequestedChangesDto;
    expect(body.total).toBe(2);
    expect(body.items.map((item) => [item.versionNumber, item.comment])).toEqual([
      [2, 'Still too cold.'],
      [1, 'Warmer colours, please.'],
    ]);
    expect(body.items[0]).toMatchObject({
      stepIndex: 0,
      requestedBy: { id: users.lead.userId },
      openCommentCount: 2,
    });
    expect(body.items[0]?.openComments.map((comment) => comment.body)).toEqual([
      'Crop tighter',
      'Add the hashtag',
    ]);
    expect(body.items[0]?.openComments[0]?.pin).toMatchObject({ kind: 'point', x: 0.25, y: 0.5 });
  });

  it('should answer 404 to another agency, exactly as for a missing deliverable', async () => {
    const other = await t
      .http()
      .get(`/api/deliverables/${deliverableId}/requested-changes`)
      .set(bearer(users.southpeakMember.accessToken));
    const missing = await t
      .http()
      .get('/api/deliverables/00000000-0000-4000-8000-000000000000/requested-changes')
      .set(bearer(users.southpeakMember.accessToken));

    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((other.body as ApiErrorBody).message).toBe((missing.body as ApiErrorBody).message);
  });
});
