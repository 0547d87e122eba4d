import { randomUUID } from 'node:crypto';
import {
  can,
  ROLES,
  type AgencyDto,
  type ApiErrorBody,
  type AuditEventDto,
  type BusinessUnitDto,
  type InvitationDto,
  type Page,
  type Permission,
  type Role,
  type UserDto,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';
import { describeWithoutToken, expectRefused, FORBIDDEN } from '../support/route-matrix';

/**
 * Who may call which organisation endpoint, derived from the shared permission table, and which
 * records an agency user may see at all (their own agency's only; anything else is a 404).
 */

type Method = 'get' | 'post' | 'patch';

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

interface Fixture {
  coeId: string;
  northwindId: string;
  southpeakId: string;
  leadId: string;
  northwindMemberId: string;
  southpeakMemberId: string;
  tokens: Record<Role, string>;
}

interface Call {
  path: string;
  body?: object;
}

interface Endpoint {
  /** e.g. `PATCH /api/agencies/:id` */
  route: string;
  method: Method;
  permission: Permission;
  successStatus: number;
  /** Builds the request; creates whatever the call would change so rows never share state. */
  arrange(label: string): Call | Promise<Call>;
  /** Checks the body and database after a successful call. */
  verify(body: unknown, call: Call): void | Promise<void>;
}

interface WriteCounts {
  audit: number;
  users: number;
  agencies: number;
  units: number;
  invitations: number;
  sessionsRevoked: number;
}

describe('authorization of the organisation endpoints', () => {
  let t: TestApp;
  let fx: Fixture;
  let sequence = 0;

  const unique = (prefix: string): string => `${prefix} ${++sequence}`;

  function send(method: Method, path: string, token?: string, body?: object): Promise<Response> {
    let request = t.http()[method](path);
    if (token !== undefined) request = request.set(bearer(token));
    return body === undefined ? request : request.send(body);
  }

  async function writeCounts(): Promise<WriteCounts> {
    const rows: WriteCounts[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM agencies) AS agencies,
              (SELECT count(*)::int FROM business_units) AS units,
              (SELECT count(*)::int FROM invitations) AS invitations,
              (SELECT count(*)::int FROM sessions WHERE revoked_at IS NOT NULL) AS "sessionsRevoked"`,
    );
    return rows[0];
  }

  async function createAgency(label: string): Promise<string> {
    const response = await send('post', '/api/agencies', fx.tokens.admin, {
      name: unique(`Matrix Agency ${label}`),
      legalName: 'Matrix Agency Ltd.',
      services: ['execution'],
      relationshipOwnerId: fx.leadId,
    });
    expect(response.status).toBe(201);
    return (response.body as AgencyDto).id;
  }

  async function createOffboardedAgency(label: string): Promise<string> {
    const id = await createAgency(label);
    const response = await send('post', `/api/agencies/${id}/offboard`, fx.tokens.admin, {
      reason: 'Matrix fixture',
    });
    expect(response.status).toBe(200);
    return id;
  }

  /** A fresh Northwind member who has not set a password yet. */
  async function inviteNorthwindMember(label: string): Promise<string> {
    const response = await send('post', '/api/users', fx.tokens.admin, {
      email: `${unique('matrix').replace(' ', '-')}@northwind.example`,
      name: `Matrix Person ${label}`,
      role: 'agency_member',
      agencyId: fx.northwindId,
    });
    expect(response.status).toBe(201);
    return (response.body as InvitationDto).user.id;
  }

  async function deactivatedNorthwindMember(label: string): Promise<string> {
    const id = await inviteNorthwindMember(label);
    const response = await send('post', `/api/users/${id}/deactivate`, fx.tokens.admin);
    expect(response.status).toBe(200);
    return id;
  }

  async function agencyStatus(id: string): Promise<string> {
    const rows: { status: string }[] = await t.dataSource.query('SELECT status FROM agencies WHERE id = $1', [
      id,
    ]);
    return rows[0].status;
  }

  async function userActive(id: string): Promise<boolean> {
    const rows: { active: boolean }[] = await t.dataSource.query('SELECT active FROM users WHERE id = $1', [
      id,
    ]);
    return rows[0].active;
  }

  const idOf = (call: Call): string => {
    const match = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(call.path);
    if (!match) throw new Error(`no id in ${call.path}`);
    return match[0];
  };

  const ENDPOINTS: Endpoint[] = [
    {
      route: 'GET /api/business-units',
      method: 'get',
      permission: 'business_unit:read',
      successStatus: 200,
      arrange: () => ({ path: '/api/business-units?limit=100' }),
      verify(body) {
        const names = (body as Page<BusinessUnitDto>).items.map((unit) => unit.name);
        expect(names).toEqual(
          expect.arrayContaining(['Global Social Centre of Excellence', 'Korea Consumer Marketing']),
        );
      },
    },
    {
      route: 'POST /api/business-units',
      method: 'post',
      permission: 'business_unit:manage',
      successStatus: 201,
      arrange: (label) => ({
        path: '/api/business-units',
        body: { name: unique(`Matrix Unit ${label}`), operatingModel: 'decentralised', parentId: fx.coeId },
      }),
      async verify(body, call) {
        const unit = body as BusinessUnitDto;
        expect(unit).toMatchObject({ ...call.body, parentName: 'Global Social Centre of Excellence' });
        const rows: unknown[] = await t.dataSource.query('SELECT id FROM business_units WHERE id = $1', [
          unit.id,
        ]);
        expect(rows).toHaveLength(1);
      },
    },
    {
      route: 'GET /api/business-units/:id',
      method: 'get',
      permission: 'business_unit:read',
      successStatus: 200,
      arrange: () => ({ path: `/api/business-units/${fx.coeId}` }),
      verify(body) {
        expect(body).toMatchObject({
          id: fx.coeId,
          name: 'Global Social Centre of Excellence',
          operatingModel: 'coe',
        });
      },
    },
    {
      route: 'PATCH /api/business-units/:id',
      method: 'patch',
      permission: 'business_unit:manage',
      successStatus: 200,
      arrange: () => ({
        path: `/api/business-units/${fx.coeId}`,
        body: { name: 'Global Social Centre of Excellence' },
      }),
      verify(body) {
        expect(body).toMatchObject({ id: fx.coeId, name: 'Global Social Centre of Excellence' });
      },
    },
    {
      route: 'GET /api/agencies',
      method: 'get',
      permission: 'agency:read',
      successStatus: 200,
      arrange: () => ({ path: '/api/agencies?limit=100' }),
      verify(body) {
        expect((body as Page<AgencyDto>).items.map((agency) => agency.name)).toContain('Northwind Social');
      },
    },
    {
      route: 'POST /api/agencies',
      method: 'post',
      permission: 'agency:manage',
      successStatus: 201,
      arrange: (label) => ({
        path: '/api/agencies',
        body: {
          name: unique(`Matrix New Agency ${label}`),
          legalName: 'Matrix New Agency GmbH',
          services: ['creative'],
          relationshipOwnerId: fx.leadId,
        },
      }),
      async verify(body, call) {
        const agency = body as AgencyDto;
        expect(agency).toMatchObject({
          name: (call.body as { name: string }).name,
          status: 'active',
          relationshipOwner: { id: fx.leadId, email: DEMO.lead },
        });
        expect(await agencyStatus(agency.id)).toBe('active');
      },
    },
    {
      route: 'GET /api/agencies/:id',
      method: 'get',
      permission: 'agency:read',
      successStatus: 200,
      arrange: () => ({ path: `/api/agencies/${fx.northwindId}` }),
      verify(body) {
        expect(body).toMatchObject({ id: fx.northwindId, name: 'Northwind Social' });
      },
    },
    {
      route: 'PATCH /api/agencies/:id',
      method: 'patch',
      permission: 'agency:manage',
      successStatus: 200,
      arrange: () => ({ path: `/api/agencies/${fx.northwindId}`, body: { name: 'Northwind Social' } }),
      verify(body) {
        expect(body).toMatchObject({ id: fx.northwindId, name: 'Northwind Social', status: 'active' });
      },
    },
    {
      route: 'POST /api/agencies/:id/offboard',
      method: 'post',
      permission: 'agency:manage',
      successStatus: 200,
      arrange: async (label) => ({
        path: `/api/agencies/${await createAgency(label)}/offboard`,
        body: { reason: 'Matrix offboarding' },
      }),
      async verify(body, call) {
        expect(body).toMatchObject({
          id: idOf(call),
          status: 'offboarded',
          offboardReason: 'Matrix offboarding',
        });
        expect(await agencyStatus(idOf(call))).toBe('offboarded');
      },
    },
    {
      route: 'POST /api/agencies/:id/reactivate',
      method: 'post',
      permission: 'agency:manage',
      successStatus: 200,
      arrange: async (label) => ({ path: `/api/agencies/${await createOffboardedAgency(label)}/reactivate` }),
      async verify(body, call) {
        expect(body).toMatchObject({ id: idOf(call), status: 'active', offboardedAt: null });
        expect(await agencyStatus(idOf(call))).toBe('active');
      },
    },
    {
      route: 'GET /api/users',
      method: 'get',
      permission: 'user:read',
      successStatus: 200,
      arrange: () => ({ path: '/api/users?limit=100' }),
      verify(body) {
        expect((body as Page<UserDto>).items.map((user) => user.id)).toContain(fx.northwindMemberId);
      },
    },
    {
      route: 'POST /api/users',
      method: 'post',
      permission: 'user:manage',
      successStatus: 201,
      arrange: (label) => ({
        path: '/api/users',
        body: {
          email: `${unique('invitee').replace(' ', '-')}@northwind.example`,
          name: `Invitee ${label}`,
          role: 'agency_member',
          agencyId: fx.northwindId,
        },
      }),
      async verify(body, call) {
        const invitation = body as InvitationDto;
        expect(invitation.user).toMatchObject({
          email: (call.body as { email: string }).email,
          role: 'agency_member',
          agencyId: fx.northwindId,
          passwordSet: false,
        });
        expect(invitation.setPasswordUrl).toContain('token=');
        const rows: unknown[] = await t.dataSource.query('SELECT id FROM users WHERE id = $1', [
          invitation.user.id,
        ]);
        expect(rows).toHaveLength(1);
      },
    },
    {
      route: 'GET /api/users/:id',
      method: 'get',
      permission: 'user:read',
      successStatus: 200,
      arrange: () => ({ path: `/api/users/${fx.northwindMemberId}` }),
      verify(body) {
        expect(body).toMatchObject({ id: fx.northwindMemberId, email: DEMO.northwindMember });
      },
    },
    {
      route: 'PATCH /api/users/:id',
      method: 'patch',
      permission: 'user:manage',
      successStatus: 200,
      arrange: async (label) => ({
        path: `/api/users/${await inviteNorthwindMember(label)}`,
        body: { name: `Renamed ${label}` },
      }),
      verify(body, call) {
        expect(body).toMatchObject({ id: idOf(call), name: (call.body as { name: string }).name });
      },
    },
    {
      route: 'POST /api/users/:id/deactivate',
      method: 'post',
      permission: 'user:manage',
      successStatus: 200,
      arrange: async (label) => ({ path: `/api/users/${await inviteNorthwindMember(label)}/deactivate` }),
      async verify(body, call) {
        expect(body).toMatchObject({ id: idOf(call), active: false });
        expect(await userActive(idOf(call))).toBe(false);
      },
    },
    {
      route: 'POST /api/users/:id/reactivate',
      method: 'post',
      permission: 'user:manage',
      successStatus: 200,
      arrange: async (label) => ({
        path: `/api/users/${await deactivatedNorthwindMember(label)}/reactivate`,
      }),
      async verify(body, call) {
        expect(body).toMatchObject({ id: idOf(call), active: true });
        expect(await userActive(idOf(call))).toBe(true);
      },
    },
    {
      route: 'POST /api/users/:id/invitation',
      method: 'post',
      permission: 'user:manage',
      successStatus: 200,
      arrange: async (label) => ({ path: `/api/users/${await inviteNorthwindMember(label)}/invitation` }),
      verify(body, call) {
        const invitation = body as InvitationDto;
        expect(invitation.user.id).toBe(idOf(call));
        expect(invitation.setPasswordUrl).toContain('token=');
      },
    },
    {
      route: 'GET /api/audit-events',
      method: 'get',
      permission: 'audit:read',
      successStatus: 200,
      arrange: () => ({ path: '/api/audit-events?withTotal=true' }),
      verify(body) {
        const page = body as Page<AuditEventDto>;
        expect(page.items.length).toBeGreaterThan(0);
        expect(page.total?.count).toBeGreaterThanOrEqual(page.items.length);
      },
    },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const tokens = {} as Record<Role, string>;
    for (const role of ROLES) {
      tokens[role] = (await t.login(ACTOR_EMAIL[role])).accessToken;
    }
    fx = {
      coeId: await t.unitId('Global Social Centre of Excellence'),
      northwindId: await t.agencyId('Northwind Social'),
      southpeakId: await t.agencyId('Southpeak Media'),
      leadId: await t.userId(DEMO.lead),
      northwindMemberId: await t.userId(DEMO.northwindMember),
      southpeakMemberId: await t.userId(DEMO.southpeakMember),
      tokens,
    };
  });

  afterAll(async () => {
    await t.close();
  });

  describe.each(ROLES)('as %s', (role) => {
    for (const endpoint of ENDPOINTS) {
      if (can(role, endpoint.permission)) {
        it(`should answer ${endpoint.successStatus} when ${role} calls ${endpoint.route}`, async () => {
          const call = await endpoint.arrange(role);

          const response = await send(endpoint.method, call.path, fx.tokens[role], call.body);

          expect(response.status).toBe(endpoint.successStatus);
          await endpoint.verify(response.body, call);
        });
      } else {
        it(`should refuse with 403 forbidden and write nothing when ${role} calls ${endpoint.route}`, () =>
          expectRefused(FORBIDDEN, writeCounts, async () => {
            const call = await endpoint.arrange(role);
            return () => send(endpoint.method, call.path, fx.tokens[role], call.body);
          }));
      }
    }
  });

  describeWithoutToken(ENDPOINTS, writeCounts, async (endpoint) => {
    const call = await endpoint.arrange('anonymous');
    return () => send(endpoint.method, call.path, undefined, call.body);
  });

  describe('record scoping for agency users', () => {
    const agencyRoles = ['agency_admin', 'agency_member'] as const;

    interface ScopedCall {
      what: string;
      method: Method;
      path: (id: string) => string;
      body?: object;
      target: 'agency' | 'user';
    }

    const SCOPED_CALLS: ScopedCall[] = [
      { what: 'GET /api/agencies/:id', method: 'get', path: (id) => `/api/agencies/${id}`, target: 'agency' },
      {
        what: 'PATCH /api/agencies/:id',
        method: 'patch',
        path: (id) => `/api/agencies/${id}`,
        body: { name: 'Southpeak Media' },
        target: 'agency',
      },
      {
        what: 'POST /api/agencies/:id/offboard',
        method: 'post',
        path: (id) => `/api/agencies/${id}/offboard`,
        body: { reason: 'Not yours' },
        target: 'agency',
      },
      { what: 'GET /api/users/:id', method: 'get', path: (id) => `/api/users/${id}`, target: 'user' },
      {
        what: 'PATCH /api/users/:id',
        method: 'patch',
        path: (id) => `/api/users/${id}`,
        body: { name: 'Hijacked' },
        target: 'user',
      },
      {
        what: 'POST /api/users/:id/deactivate',
        method: 'post',
        path: (id) => `/api/users/${id}/deactivate`,
        target: 'user',
      },
      {
        what: 'POST /api/users/:id/invitation',
        method: 'post',
        path: (id) => `/api/users/${id}/invitation`,
        target: 'user',
      },
    ];

    for (const role of agencyRoles) {
      for (const scoped of SCOPED_CALLS) {
        const permission: Permission =
          scoped.target === 'agency'
            ? scoped.method === 'get'
              ? 'agency:read'
              : 'agency:manage'
            : scoped.method === 'get'
              ? 'user:read'
              : 'user:manage';
        const allowed = can(role, permission);
        const expected = allowed ? '404 not_found' : '403 forbidden';

        it(`should answer ${expected} exactly as for a missing record when Northwind ${role} calls ${scoped.what} on Southpeak's record`, async () => {
          const southpeakRecord = scoped.target === 'agency' ? fx.southpeakId : fx.southpeakMemberId;
          const before = await writeCounts();

          const foreign = await send(
            scoped.method,
            scoped.path(southpeakRecord),
            fx.tokens[role],
            scoped.body,
          );
          const missing = await send(scoped.method, scoped.path(randomUUID()), fx.tokens[role], scoped.body);

          expect(foreign.status).toBe(allowed ? 404 : 403);
          expect((foreign.body as ApiErrorBody).code).toBe(allowed ? 'not_found' : 'forbidden');
          expect(missing.status).toBe(foreign.status);
          expect(foreign.body).toEqual(missing.body);
          expect(await writeCounts()).toEqual(before);
          expect(await agencyStatus(fx.southpeakId)).toBe('active');
          expect(await userActive(fx.southpeakMemberId)).toBe(true);
        });
      }

      it(`should list only Northwind when Northwind ${role} asks for GET /api/agencies`, async () => {
        const response = await send('get', '/api/agencies', fx.tokens[role]);

        expect(response.status).toBe(200);
        const agencies = (response.body as Page<AgencyDto>).items;
        expect(agencies.map((agency) => agency.id)).toEqual([fx.northwindId]);
      });
    }

    it('should list only Northwind users when Northwind agency_admin asks for GET /api/users', async () => {
      const response = await send('get', '/api/users?limit=100', fx.tokens.agency_admin);

      expect(response.status).toBe(200);
      const users = (response.body as Page<UserDto>).items;
      expect(users.map((user) => user.email)).toEqual(
        expect.arrayContaining([DEMO.northwindAdmin, DEMO.northwindMember]),
      );
      for (const user of users) {
        expect(user.agencyId).toBe(fx.northwindId);
      }
      const northwindUsers: { count: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM users WHERE agency_id = $1',
        [fx.northwindId],
      );
      expect(users).toHaveLength(northwindUsers[0].count);
    });

    it('should answer 404 and write nothing when agency_admin invites into another agency', async () => {
      const before = await writeCounts();

      const response = await send('post', '/api/users', fx.tokens.agency_admin, {
        email: 'intruder@southpeak.example',
        name: 'Intruder',
        role: 'agency_member',
        agencyId: fx.southpeakId,
      });
      const missing = await send('post', '/api/users', fx.tokens.agency_admin, {
        email: 'intruder@southpeak.example',
        name: 'Intruder',
        role: 'agency_member',
        agencyId: randomUUID(),
      });

      expect(response.status).toBe(404);
      expect((response.body as ApiErrorBody).code).toBe('not_found');
      expect(response.body).toEqual(missing.body);
      expect(await writeCounts()).toEqual(before);
      const rows: unknown[] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [
        'intruder@southpeak.example',
      ]);
      expect(rows).toHaveLength(0);
    });

    it('should answer 403 and write nothing when agency_admin invites an in-house role', async () => {
      const before = await writeCounts();

      const response = await send('post', '/api/users', fx.tokens.agency_admin, {
        email: 'would-be-admin@northwind.example',
        name: 'Would-be Admin',
        role: 'admin',
      });

      expect(response.status).toBe(403);
      const body = response.body as ApiErrorBody;
      expect(body.code).toBe('forbidden');
      expect(body.details?.fields?.map((field) => field.field)).toEqual(['role']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should answer 403 and write nothing when agency_member invites a colleague', async () => {
      const before = await writeCounts();

      const response = await send('post', '/api/users', fx.tokens.agency_member, {
        email: 'colleague@northwind.example',
        name: 'Colleague',
        role: 'agency_member',
        agencyId: fx.northwindId,
      });

      expect(response.status).toBe(403);
      expect((response.body as ApiErrorBody).code).toBe('forbidden');
      expect(await writeCounts()).toEqual(before);
    });
  });
});
