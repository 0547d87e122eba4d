import type { Page } from '@agency-portal/shared';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  can,
  isAgencyRole,
  ROLES,
  type ApiErrorBody,
  type ContractDetailDto,
  type ContractDto,
  type CreateContractRequest,
  type CreateGoalRequest,
  type GoalDetailDto,
  type GoalDto,
  type NotificationListDto,
  type Permission,
  type Role,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';
import { describeWithoutToken, expectRefused, FORBIDDEN } from '../support/route-matrix';

/**
 * Who may call which goal, contract and notification endpoint, derived from the shared permission
 * table, and which records an agency user may reach at all (their own agency's non-draft
 * contracts and the goals they serve; anything else answers exactly like a missing record).
 */

type Method = 'get' | 'post' | 'patch' | 'put';

/** A permission from the shared table, or a route open to anyone signed in. */
type Access = Permission | 'signed_in';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The demo account that plays each role. Agency roles are played by Northwind's users. */
const ACTOR_EMAIL: Record<Role, string> = {
  admin: DEMO.admin,
  social_lead: DEMO.lead,
  reviewer: DEMO.reviewer,
  finance: DEMO.finance,
  viewer: DEMO.viewer,
  agency_admin: DEMO.northwindAdmin,
  agency_member: DEMO.northwindMember,
};

function allowed(role: Role, access: Access): boolean {
  return access === 'signed_in' || can(role, access);
}

interface Fixture {
  koreaId: string;
  northwindId: string;
  leadId: string;
  southpeakMemberId: string;
  userIds: Record<Role, string>;
  tokens: Record<Role, string>;
  northwindActive: string;
  northwindDraft: string;
  southpeakActive: string;
  krAwareness: string;
  idCommunity: string;
}

interface Call {
  path: string;
  body?: object;
  file?: Buffer;
  /** The notification the call is about, when it is about one. */
  notificationId?: string;
  /** The title of a notice the answer must list. */
  expectedTitle?: string;
}

interface Endpoint {
  /** e.g. `PATCH /api/contracts/:id` */
  route: string;
  method: Method;
  access: Access;
  successStatus: number;
  /** Builds the request; creates whatever the call would change so rows never share state. */
  arrange(role: Role | 'anonymous'): Call | Promise<Call>;
  /** Checks the body and database after a successful call. */
  verify(response: Response, call: Call, role: Role): void | Promise<void>;
}

interface WriteCounts {
  goals: number;
  contracts: number;
  rateCardItems: number;
  allocations: number;
  audit: number;
  storedFiles: number;
  notifications: number;
  unread: number;
  goalsUpdatedAt: string;
  contractsUpdatedAt: string;
  files: number;
}

function filesUnder(directory: string): number {
  return readdirSync(directory, { withFileTypes: true }).reduce(
    (count, entry) => count + (entry.isDirectory() ? filesUnder(join(directory, entry.name)) : 1),
    0,
  );
}

describe('authorization of the goal, contract and notification endpoints', () => {
  let t: TestApp;
  let fx: Fixture;
  let sequence = 0;

  const next = (): number => ++sequence;

  function send(method: Method, call: Call, token?: string): Promise<Response> {
    let request = t.http()[method](call.path);
    if (token !== undefined) request = request.set(bearer(token));
    if (call.file) {
      return request.attach('file', call.file, { filename: 'signed.pdf', contentType: 'application/pdf' });
    }
    return call.body === undefined ? request : request.send(call.body);
  }

  async function writeCounts(): Promise<WriteCounts> {
    const rows: Omit<WriteCounts, 'files'>[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM marketing_goals) AS goals,
              (SELECT count(*)::int FROM contracts) AS contracts,
              (SELECT count(*)::int FROM rate_card_items) AS "rateCardItems",
              (SELECT count(*)::int FROM contract_goals) AS allocations,
              (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM stored_files) AS "storedFiles",
              (SELECT count(*)::int FROM notifications) AS notifications,
              (SELECT count(*)::int FROM notifications WHERE read_at IS NULL) AS unread,
              (SELECT max(updated_at)::text FROM marketing_goals) AS "goalsUpdatedAt",
              (SELECT max(updated_at)::text FROM contracts) AS "contractsUpdatedAt"`,
    );
    return { ...rows[0], files: filesUnder(t.config.storageDir) };
  }

  function goalInput(): CreateGoalRequest {
    return {
      businessUnitId: fx.koreaId,
      ownerId: fx.leadId,
      name: `Matrix goal ${next()}`,
      kpiMetric: 'engagements',
      targetValue: 50_000,
      periodStart: '2032-01-01',
      periodEnd: '2032-06-30',
      channels: ['tiktok'],
      funnelStage: 'consideration',
      status: 'active',
    };
  }

  function contractInput(): CreateContractRequest {
    return {
      agencyId: fx.northwindId,
      businessUnitId: fx.koreaId,
      ownerId: fx.leadId,
      reference: `MATRIX-${next()}`,
      title: 'Matrix contract',
      scope: 'Whatever the matrix needs.',
      startDate: '2032-01-01',
      endDate: '2098-12-31',
      currency: 'KRW',
      budgetCapMinor: 20_000_000,
      renewalNoticeDays: 30,
      internalNotes: 'Matrix notes',
      rateCard: [{ code: 'REEL', description: 'Reel', unit: 'deliverable', unitPriceMinor: 1_000_000 }],
      allocations: [{ goalId: fx.krAwareness, percent: 5 }],
    };
  }

  async function createGoal(): Promise<GoalDto> {
    const response = await send('post', { path: '/api/goals', body: goalInput() }, fx.tokens.social_lead);
    expect(response.status).toBe(201);
    return response.body as GoalDto;
  }

  async function createDraft(withDocument = false): Promise<string> {
    const response = await send(
      'post',
      { path: '/api/contracts', body: contractInput() },
      fx.tokens.social_lead,
    );
    expect(response.status).toBe(201);
    const id = (response.body as ContractDetailDto).id;
    if (withDocument) {
      const upload = await send(
        'put',
        { path: `/api/contracts/${id}/document`, file: PDF },
        fx.tokens.social_lead,
      );
      expect(upload.status).toBe(200);
    }
    return id;
  }

  async function createActive(): Promise<string> {
    const id = await createDraft(true);
    const activated = await send('post', { path: `/api/contracts/${id}/activate` }, fx.tokens.social_lead);
    expect(activated.status).toBe(200);
    return id;
  }

  /** An unread in-app notice, as the contract workflow would add it. */
  async function notify(userId: string, title = `Matrix notice ${next()}`): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, entity, entity_id)
       VALUES ($1, 'contract_changed', $2, 'Matrix body', $3, 'contract', $4) RETURNING id`,
      [userId, title, `/contracts/${fx.northwindActive}`, fx.northwindActive],
    );
    return rows[0].id;
  }

  async function readAtOf(notificationId: string): Promise<string | null> {
    const rows: { read_at: string | null }[] = await t.dataSource.query(
      'SELECT read_at::text FROM notifications WHERE id = $1',
      [notificationId],
    );
    return rows[0].read_at;
  }

  async function contractStatus(id: string): Promise<string> {
    const rows: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM contracts WHERE id = $1',
      [id],
    );
    return rows[0].status;
  }

  const idOf = (call: Call): string => {
    const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(call.path);
    if (!match) throw new Error(`no id in ${call.path}`);
    return match[0];
  };

  const userOf = (role: Role | 'anonymous'): string => (role === 'anonymous' ? fx.leadId : fx.userIds[role]);

  const ENDPOINTS: Endpoint[] = [
    {
      route: 'GET /api/goals',
      method: 'get',
      access: 'goal:read',
      successStatus: 200,
      arrange: () => ({ path: '/api/goals?limit=100' }),
      verify(response, _call, role) {
        const ids = (response.body as Page<GoalDto>).items.map((goal) => goal.id);
        expect(ids).toContain(fx.krAwareness);
        if (isAgencyRole(role)) expect(ids).not.toContain(fx.idCommunity);
        else expect(ids).toContain(fx.idCommunity);
      },
    },
    {
      route: 'POST /api/goals',
      method: 'post',
      access: 'goal:manage',
      successStatus: 201,
      arrange: () => ({ path: '/api/goals', body: goalInput() }),
      async verify(response, call) {
        const goal = response.body as GoalDto;
        expect(goal.name).toBe((call.body as CreateGoalRequest).name);
        const rows: unknown[] = await t.dataSource.query('SELECT id FROM marketing_goals WHERE id = $1', [
          goal.id,
        ]);
        expect(rows).toHaveLength(1);
      },
    },
    {
      route: 'GET /api/goals/:id',
      method: 'get',
      access: 'goal:read',
      successStatus: 200,
      arrange: () => ({ path: `/api/goals/${fx.krAwareness}` }),
      verify(response) {
        expect((response.body as GoalDetailDto).id).toBe(fx.krAwareness);
      },
    },
    {
      route: 'PATCH /api/goals/:id',
      method: 'patch',
      access: 'goal:manage',
      successStatus: 200,
      arrange: async (role) => ({
        path: `/api/goals/${(await createGoal()).id}`,
        body: { name: `Renamed by ${role} ${next()}` },
      }),
      verify(response, call) {
        expect(response.body as GoalDto).toMatchObject({
          id: idOf(call),
          name: (call.body as { name: string }).name,
        });
      },
    },
    {
      route: 'GET /api/contracts',
      method: 'get',
      access: 'contract:read',
      successStatus: 200,
      arrange: () => ({ path: '/api/contracts?limit=100' }),
      verify(response, _call, role) {
        const ids = (response.body as Page<ContractDto>).items.map((contract) => contract.id);
        expect(ids).toContain(fx.northwindActive);
        if (isAgencyRole(role)) {
          expect(ids).not.toContain(fx.northwindDraft);
          expect(ids).not.toContain(fx.southpeakActive);
        } else {
          expect(ids).toEqual(expect.arrayContaining([fx.northwindDraft, fx.southpeakActive]));
        }
      },
    },
    {
      route: 'POST /api/contracts',
      method: 'post',
      access: 'contract:manage',
      successStatus: 201,
      arrange: () => ({ path: '/api/contracts', body: contractInput() }),
      async verify(response, call) {
        const contract = response.body as ContractDetailDto;
        expect(contract).toMatchObject({
          reference: (call.body as CreateContractRequest).reference,
          status: 'draft',
        });
        expect(await contractStatus(contract.id)).toBe('draft');
      },
    },
    {
      route: 'GET /api/contracts/:id',
      method: 'get',
      access: 'contract:read',
      successStatus: 200,
      arrange: () => ({ path: `/api/contracts/${fx.northwindActive}` }),
      verify(response, _call, role) {
        const contract = response.body as ContractDetailDto;
        expect(contract.id).toBe(fx.northwindActive);
        expect('internalNotes' in contract).toBe(!isAgencyRole(role));
      },
    },
    {
      route: 'PATCH /api/contracts/:id',
      method: 'patch',
      access: 'contract:manage',
      successStatus: 200,
      arrange: async (role) => ({
        path: `/api/contracts/${await createDraft()}`,
        body: { title: `Retitled by ${role}` },
      }),
      verify(response, call) {
        expect(response.body as ContractDetailDto).toMatchObject({
          id: idOf(call),
          title: (call.body as { title: string }).title,
        });
      },
    },
    {
      route: 'POST /api/contracts/:id/activate',
      method: 'post',
      access: 'contract:manage',
      successStatus: 200,
      arrange: async () => ({ path: `/api/contracts/${await createDraft(true)}/activate` }),
      async verify(response, call) {
        expect((response.body as ContractDetailDto).status).toBe('active');
        expect(await contractStatus(idOf(call))).toBe('active');
      },
    },
    {
      route: 'POST /api/contracts/:id/terminate',
      method: 'post',
      access: 'contract:manage',
      successStatus: 200,
      arrange: async () => ({
        path: `/api/contracts/${await createActive()}/terminate`,
        body: { reason: 'Matrix termination' },
      }),
      async verify(response, call) {
        expect(response.body as ContractDetailDto).toMatchObject({
          status: 'terminated',
          terminationReason: 'Matrix termination',
        });
        expect(await contractStatus(idOf(call))).toBe('terminated');
      },
    },
    {
      route: 'PUT /api/contracts/:id/document',
      method: 'put',
      access: 'contract:manage',
      successStatus: 200,
      arrange: async () => ({ path: `/api/contracts/${await createDraft()}/document`, file: PDF }),
      verify(response) {
        expect((response.body as ContractDetailDto).signedDocument).toMatchObject({
          fileName: 'signed.pdf',
          sizeBytes: PDF.length,
        });
      },
    },
    {
      route: 'GET /api/contracts/:id/document',
      method: 'get',
      access: 'contract:read',
      successStatus: 200,
      arrange: () => ({ path: `/api/contracts/${fx.northwindActive}/document` }),
      verify(response) {
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['content-disposition']).toMatch(/^attachment/);
      },
    },
    {
      route: 'GET /api/notifications',
      method: 'get',
      access: 'signed_in',
      successStatus: 200,
      arrange: async (role) => {
        const title = `Own notice ${next()}`;
        await notify(userOf(role), title);
        await notify(fx.southpeakMemberId, `Someone else's notice ${next()}`);
        return { path: '/api/notifications', expectedTitle: title };
      },
      async verify(response, call, role) {
        const inbox = response.body as NotificationListDto;
        const titles = inbox.items.map((item) => item.title);
        expect(titles).toContain(call.expectedTitle);
        expect(titles.some((title) => title.startsWith("Someone else's"))).toBe(false);
        const unread: { count: number }[] = await t.dataSource.query(
          'SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
          [fx.userIds[role]],
        );
        expect(inbox.unread).toBe(unread[0].count);
      },
    },
    {
      route: 'POST /api/notifications/read-all',
      method: 'post',
      access: 'signed_in',
      successStatus: 204,
      arrange: async (role) => ({
        path: '/api/notifications/read-all',
        notificationId: await notify(userOf(role)),
      }),
      async verify(_response, call, role) {
        expect(await readAtOf(call.notificationId ?? '')).not.toBeNull();
        const unread: { count: number }[] = await t.dataSource.query(
          'SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
          [fx.userIds[role]],
        );
        expect(unread[0].count).toBe(0);
      },
    },
    {
      route: 'POST /api/notifications/:id/read',
      method: 'post',
      access: 'signed_in',
      successStatus: 204,
      arrange: async (role) => {
        const notificationId = await notify(userOf(role));
        return { path: `/api/notifications/${notificationId}/read`, notificationId };
      },
      async verify(_response, call) {
        expect(await readAtOf(call.notificationId ?? '')).not.toBeNull();
      },
    },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    // Reviewers read the contracts they review: as in the demo, the CoE template names them all.
    await t.useDemoReviewTemplate();
    const tokens = {} as Record<Role, string>;
    const userIds = {} as Record<Role, string>;
    for (const role of ROLES) {
      const signedIn = await t.login(ACTOR_EMAIL[role]);
      tokens[role] = signedIn.accessToken;
      userIds[role] = signedIn.userId;
    }
    const contracts: { id: string; agency: string; status: string }[] = await t.dataSource.query(
      'SELECT c.id, a.name AS agency, c.status FROM contracts c JOIN agencies a ON a.id = c.agency_id',
    );
    const contractId = (agency: string, status: string): string => {
      const row = contracts.find((candidate) => candidate.agency === agency && candidate.status === status);
      if (!row) throw new Error(`seeded ${status} contract of ${agency} missing`);
      return row.id;
    };
    // Each demo goal measures its own KPI, which names it in any language.
    const goals: { id: string; metric: string }[] = await t.dataSource.query(
      'SELECT id, kpi_metric AS metric FROM marketing_goals',
    );
    const goalId = (metric: string): string => {
      const row = goals.find((candidate) => candidate.metric === metric);
      if (!row) throw new Error(`seeded ${metric} goal missing`);
      return row.id;
    };
    fx = {
      koreaId: await t.unitId('Korea Consumer Marketing'),
      northwindId: await t.agencyId('Northwind Social'),
      leadId: userIds.social_lead,
      southpeakMemberId: await t.userId(DEMO.southpeakMember),
      userIds,
      tokens,
      northwindActive: contractId('Northwind Social', 'active'),
      northwindDraft: contractId('Northwind Social', 'draft'),
      southpeakActive: contractId('Southpeak Media', 'active'),
      krAwareness: goalId('reach'),
      idCommunity: goalId('followers'),
    };
  });

  afterAll(async () => {
    await t.close();
  });

  describe.each(ROLES)('as %s', (role) => {
    for (const endpoint of ENDPOINTS) {
      if (allowed(role, endpoint.access)) {
        it(`should answer ${endpoint.successStatus} when ${role} calls ${endpoint.route}`, async () => {
          const call = await endpoint.arrange(role);

          const response = await send(endpoint.method, call, fx.tokens[role]);

          expect(response.status).toBe(endpoint.successStatus);
          await endpoint.verify(response, call, role);
        });
      } else {
        it(`should refuse with 403 forbidden and write nothing when ${role} calls ${endpoint.route}`, () =>
          expectRefused(FORBIDDEN, writeCounts, async () => {
            const call = await endpoint.arrange(role);
            return () => send(endpoint.method, call, fx.tokens[role]);
          }));
      }
    }
  });

  describeWithoutToken(ENDPOINTS, writeCounts, async (endpoint) => {
    const call = await endpoint.arrange('anonymous');
    return () => send(endpoint.method, call);
  });

  describe('record scoping', () => {
    interface ScopedCall {
      what: string;
      method: Method;
      access: Access;
      path: (id: string) => string;
      body?: object;
      file?: Buffer;
      target: 'southpeakContract' | 'northwindDraft' | 'southpeakGoal';
    }

    const CONTRACT_CALLS = (target: ScopedCall['target']): ScopedCall[] => [
      {
        what: 'GET /api/contracts/:id',
        method: 'get',
        access: 'contract:read',
        path: (id) => `/api/contracts/${id}`,
        target,
      },
      {
        what: 'GET /api/contracts/:id/document',
        method: 'get',
        access: 'contract:read',
        path: (id) => `/api/contracts/${id}/document`,
        target,
      },
      {
        what: 'PATCH /api/contracts/:id',
        method: 'patch',
        access: 'contract:manage',
        path: (id) => `/api/contracts/${id}`,
        body: { title: 'Hijacked' },
        target,
      },
      {
        what: 'POST /api/contracts/:id/activate',
        method: 'post',
        access: 'contract:manage',
        path: (id) => `/api/contracts/${id}/activate`,
        target,
      },
      {
        what: 'POST /api/contracts/:id/terminate',
        method: 'post',
        access: 'contract:manage',
        path: (id) => `/api/contracts/${id}/terminate`,
        body: { reason: 'Not yours' },
        target,
      },
      {
        what: 'PUT /api/contracts/:id/document',
        method: 'put',
        access: 'contract:manage',
        path: (id) => `/api/contracts/${id}/document`,
        file: PDF,
        target,
      },
    ];

    const SCOPED_CALLS: ScopedCall[] = [
      ...CONTRACT_CALLS('southpeakContract'),
      ...CONTRACT_CALLS('northwindDraft'),
      {
        what: 'GET /api/goals/:id',
        method: 'get',
        access: 'goal:read',
        path: (id) => `/api/goals/${id}`,
        target: 'southpeakGoal',
      },
      {
        what: 'PATCH /api/goals/:id',
        method: 'patch',
        access: 'goal:manage',
        path: (id) => `/api/goals/${id}`,
        body: { name: 'Hijacked' },
        target: 'southpeakGoal',
      },
    ];

    const TARGET_LABEL: Record<ScopedCall['target'], string> = {
      southpeakContract: "Southpeak's active contract",
      northwindDraft: "Northwind's own draft contract",
      southpeakGoal: "a goal only Southpeak's contracts serve",
    };

    for (const role of ['agency_admin', 'agency_member'] as const) {
      for (const scoped of SCOPED_CALLS) {
        const permitted = allowed(role, scoped.access);
        const expected = permitted ? '404 not_found' : '403 forbidden';

        it(`should answer ${expected} exactly as for a missing record when Northwind ${role} calls ${scoped.what} on ${TARGET_LABEL[scoped.target]}`, async () => {
          const recordId =
            scoped.target === 'southpeakContract'
              ? fx.southpeakActive
              : scoped.target === 'northwindDraft'
                ? fx.northwindDraft
                : fx.idCommunity;
          const before = await writeCounts();

          const foreign = await send(
            scoped.method,
            { path: scoped.path(recordId), body: scoped.body, file: scoped.file },
            fx.tokens[role],
          );
          const missing = await send(
            scoped.method,
            { path: scoped.path(randomUUID()), body: scoped.body, file: scoped.file },
            fx.tokens[role],
          );

          expect(foreign.status).toBe(permitted ? 404 : 403);
          expect((foreign.body as ApiErrorBody).code).toBe(permitted ? 'not_found' : 'forbidden');
          expect(missing.status).toBe(foreign.status);
          expect(foreign.body).toEqual(missing.body);
          expect(await writeCounts()).toEqual(before);
          expect(await contractStatus(fx.southpeakActive)).toBe('active');
          expect(await contractStatus(fx.northwindDraft)).toBe('draft');
        });
      }
    }

    it.each(ROLES)(
      "should answer 404 exactly as for a missing notice and leave it unread when %s marks another user's notice read",
      async (role) => {
        const othersNotice = await notify(fx.southpeakMemberId);
        const before = await writeCounts();

        const foreign = await send(
          'post',
          { path: `/api/notifications/${othersNotice}/read` },
          fx.tokens[role],
        );
        const missing = await send(
          'post',
          { path: `/api/notifications/${randomUUID()}/read` },
          fx.tokens[role],
        );

        expect(foreign.status).toBe(404);
        expect((foreign.body as ApiErrorBody).code).toBe('not_found');
        expect(foreign.body).toEqual(missing.body);
        expect(await readAtOf(othersNotice)).toBeNull();
        expect(await writeCounts()).toEqual(before);
      },
    );

    it.each(ROLES)(
      "should leave other users' notices unread when %s marks all notices read",
      async (role) => {
        const othersNotice = await notify(fx.southpeakMemberId);

        const response = await send('post', { path: '/api/notifications/read-all' }, fx.tokens[role]);

        expect(response.status).toBe(204);
        expect(await readAtOf(othersNotice)).toBeNull();
      },
    );
  });
});
