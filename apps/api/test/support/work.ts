import type {
  BriefDetailDto,
  ContractDetailDto,
  CreateBriefRequest,
  DeliverableDetailDto,
} from '@agency-portal/shared';
import { finishedUpload } from './deliverable-files';
import { bearer, type SignedIn, type TestApp } from './test-app';

/** An active contract of a demo agency (Northwind Social unless named), read with `token`. */
export async function activeContract(
  t: TestApp,
  token: string,
  agency = 'Northwind Social',
): Promise<ContractDetailDto> {
  const rows: { id: string }[] = await t.dataSource.query(
    `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
      WHERE a.name = $1 AND c.status = 'active' LIMIT 1`,
    [agency],
  );
  return (await t.http().get(`/api/contracts/${rows[0]?.id}`).set(bearer(token))).body as ContractDetailDto;
}

/** A goal that contracts fund, none of them Northwind Social's ('' if the demo has none). */
export async function goalOutsideNorthwind(t: TestApp): Promise<string> {
  const [goal] = await t.dataSource.query<{ id: string }[]>(
    `SELECT g.id FROM marketing_goals g WHERE NOT EXISTS (
       SELECT 1 FROM contract_goals cg JOIN contracts c ON c.id = cg.contract_id JOIN agencies a ON a.id = c.agency_id
        WHERE cg.goal_id = g.id AND a.name = 'Northwind Social')
       AND EXISTS (SELECT 1 FROM contract_goals cg WHERE cg.goal_id = g.id) LIMIT 1`,
  );
  return goal?.id ?? '';
}

/**
 * A brief from the social lead on `contract` (one deliverable from its first rate-card item unless
 * `overrides` say otherwise), sent, and accepted by the agency user: the state in which its
 * deliverables take versions.
 */
export async function acceptedBrief(
  t: TestApp,
  contract: ContractDetailDto,
  who: { lead: string; agency: string },
  overrides: Partial<CreateBriefRequest> = {},
): Promise<BriefDetailDto> {
  const body: CreateBriefRequest = {
    contractId: contract.id,
    goalIds: [contract.allocations[0].goalId],
    title: 'Brief',
    objective: 'Show the spring range',
    audience: 'Young professionals',
    keyMessages: ['Light'],
    channels: ['instagram'],
    funnelStage: 'awareness',
    dueDate: '2031-05-31',
    specs: [
      { rateCardItemId: contract.rateCard[0].id, quantity: 1, dueDate: '2031-05-20', channel: 'instagram' },
    ],
    ...overrides,
  };
  const created = await t.http().post('/api/briefs').set(bearer(who.lead)).send(body);
  expect(created.status).toBe(201);
  const id = (created.body as BriefDetailDto).id;
  expect((await t.http().post(`/api/briefs/${id}/send`).set(bearer(who.lead))).status).toBe(200);
  const accepted = await t.http().post(`/api/briefs/${id}/accept`).set(bearer(who.agency));
  expect(accepted.status).toBe(200);
  return accepted.body as BriefDetailDto;
}

/** A version of the deliverable made of one finished upload (a PNG) of the agency user, submitted. */
export async function submittedVersion(
  t: TestApp,
  deliverableId: string,
  agency: SignedIn,
  copyText: string,
): Promise<DeliverableDetailDto> {
  const fileId = await finishedUpload(t, agency.userId, deliverableId);
  const submitted = await t
    .http()
    .post(`/api/deliverables/${deliverableId}/versions`)
    .set(bearer(agency.accessToken))
    .send({ fileIds: [fileId], copyText });
  expect(submitted.status).toBe(201);
  return submitted.body as DeliverableDetailDto;
}
