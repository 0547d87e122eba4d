import { randomUUID } from 'node:crypto';
import type {
  AgencyDto,
  ApiErrorBody,
  AuditEventDto,
  BusinessUnitDto,
  InvitationDto,
  Page,
  UserDto,
} from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

/**
 * The organisation rules: business units, agencies and users. Every refusal is checked for its
 * status, code and offending field, and for having written nothing (no row, no audit record).
 */

interface WriteCounts {
  audit: number;
  users: number;
  agencies: number;
  units: number;
  invitations: number;
}

describe('organisation rules', () => {
  let t: TestApp;
  let adminToken: string;
  let adminId: string;
  let leadId: string;
  let coeId: string;
  let koreaId: string;
  let northwindId: string;
  let sequence = 0;

  const unique = (prefix: string): string => `${prefix} ${++sequence}`;
  const uniqueEmail = (prefix: string): string => `${prefix}.${++sequence}@org-spec.example`;

  const asAdmin = {
    get: (path: string) => t.http().get(path).set(bearer(adminToken)),
    post: (path: string, body?: object) => {
      const request = t.http().post(path).set(bearer(adminToken));
      return body === undefined ? request : request.send(body);
    },
    patch: (path: string, body: object) => t.http().patch(path).set(bearer(adminToken)).send(body),
  };

  async function writeCounts(): Promise<WriteCounts> {
    const rows: WriteCounts[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM agencies) AS agencies,
              (SELECT count(*)::int FROM business_units) AS units,
              (SELECT count(*)::int FROM invitations) AS invitations`,
    );
    return rows[0];
  }

  function fieldsOf(body: unknown): string[] {
    return ((body as ApiErrorBody).details?.fields ?? []).map((field) => field.field);
  }

  async function auditEvents(entityId: string, action?: string): Promise<AuditEventDto[]> {
    const rows: {
      id: string;
      actor_id: string | null;
      action: string;
      entity: string;
      entity_id: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }[] = await t.dataSource.query(
      `SELECT id, actor_id, action, entity, entity_id, before, after FROM audit_events
        WHERE entity_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY at, id`,
      [entityId, action ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      at: '',
      actorId: row.actor_id,
      actorEmail: null,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      before: row.before,
      after: row.after,
    }));
  }

  async function createUnit(): Promise<BusinessUnitDto> {
    const response = await asAdmin.post('/api/business-units', {
      name: unique('Org Spec Unit'),
      operatingModel: 'decentralised',
      parentId: coeId,
    });
    expect(response.status).toBe(201);
    return response.body as BusinessUnitDto;
  }

  async function createAgency(): Promise<AgencyDto> {
    const response = await asAdmin.post('/api/agencies', {
      name: unique('Org Spec Agency'),
      legalName: 'Org Spec Agency Ltd.',
      services: ['execution', 'creative'],
      relationshipOwnerId: leadId,
    });
    expect(response.status).toBe(201);
    return response.body as AgencyDto;
  }

  async function invite(body: { role: string; agencyId?: string }): Promise<UserDto> {
    const response = await asAdmin.post('/api/users', {
      email: uniqueEmail(body.role),
      name: unique(`Org Spec ${body.role}`),
      ...body,
    });
    expect(response.status).toBe(201);
    return (response.body as InvitationDto).user;
  }

  async function deactivatedInHouseUser(): Promise<UserDto> {
    const user = await invite({ role: 'social_lead' });
    const response = await asAdmin.post(`/api/users/${user.id}/deactivate`);
    expect(response.status).toBe(200);
    return response.body as UserDto;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.login(DEMO.admin);
    adminToken = admin.accessToken;
    adminId = admin.userId;
    leadId = await t.userId(DEMO.lead);
    coeId = await t.unitId('Global Social Centre of Excellence');
    koreaId = await t.unitId('Korea Consumer Marketing');
    northwindId = await t.agencyId('Northwind Social');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('business units', () => {
    it('should refuse with 409 conflict on name and write nothing when a new unit repeats a name in another case', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/business-units', {
        name: '  global SOCIAL centre of excellence ',
        operatingModel: 'coe',
      });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('conflict');
      expect(fieldsOf(response.body)).toEqual(['name']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 409 conflict on name and leave the unit unchanged when a rename repeats another name', async () => {
      const unit = await createUnit();
      const before = await writeCounts();

      const response = await asAdmin.patch(`/api/business-units/${unit.id}`, {
        name: 'KOREA consumer marketing',
      });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('conflict');
      expect(fieldsOf(response.body)).toEqual(['name']);
      expect(await writeCounts()).toEqual(before);
      const rows: { name: string }[] = await t.dataSource.query(
        'SELECT name FROM business_units WHERE id = $1',
        [unit.id],
      );
      expect(rows[0].name).toBe(unit.name);
    });

    it('should refuse with 400 on parentId and write nothing when the parent does not exist', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/business-units', {
        name: unique('Orphan Unit'),
        operatingModel: 'decentralised',
        parentId: randomUUID(),
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['parentId']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 on parentId and keep the tree when the CoE would be placed under its own unit', async () => {
      const before = await writeCounts();

      const response = await asAdmin.patch(`/api/business-units/${coeId}`, { parentId: koreaId });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['parentId']);
      expect(await writeCounts()).toEqual(before);
      const rows: { parent_id: string | null }[] = await t.dataSource.query(
        'SELECT parent_id FROM business_units WHERE id = $1',
        [coeId],
      );
      expect(rows[0].parent_id).toBeNull();
    });

    it('should refuse with 400 on parentId when a unit would become its own parent', async () => {
      const unit = await createUnit();
      const before = await writeCounts();

      const response = await asAdmin.patch(`/api/business-units/${unit.id}`, { parentId: unit.id });

      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['parentId']);
      expect(await writeCounts()).toEqual(before);
    });
  });

  describe('agencies', () => {
    it('should refuse with 400 on relationshipOwnerId and write nothing when the owner is an agency user', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/agencies', {
        name: unique('Agency Owned By Agency'),
        legalName: 'Owned By Agency Ltd.',
        services: ['execution'],
        relationshipOwnerId: await t.userId(DEMO.northwindAdmin),
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['relationshipOwnerId']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 on relationshipOwnerId and write nothing when the owner is deactivated', async () => {
      const former = await deactivatedInHouseUser();
      const before = await writeCounts();

      const response = await asAdmin.post('/api/agencies', {
        name: unique('Agency Owned By Former Staff'),
        legalName: 'Owned By Former Staff Ltd.',
        services: ['execution'],
        relationshipOwnerId: former.id,
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['relationshipOwnerId']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 on relationshipOwnerId and write nothing when the owner does not exist', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/agencies', {
        name: unique('Agency Owned By Nobody'),
        legalName: 'Owned By Nobody Ltd.',
        services: ['execution'],
        relationshipOwnerId: randomUUID(),
      });

      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['relationshipOwnerId']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 on relationshipOwnerId and keep the owner when an update hands the agency to an agency user', async () => {
      const agency = await createAgency();
      const before = await writeCounts();

      const response = await asAdmin.patch(`/api/agencies/${agency.id}`, {
        relationshipOwnerId: await t.userId(DEMO.southpeakAdmin),
      });

      expect(response.status).toBe(400);
      expect(fieldsOf(response.body)).toEqual(['relationshipOwnerId']);
      expect(await writeCounts()).toEqual(before);
      const rows: { relationship_owner_id: string }[] = await t.dataSource.query(
        'SELECT relationship_owner_id FROM agencies WHERE id = $1',
        [agency.id],
      );
      expect(rows[0].relationship_owner_id).toBe(leadId);
    });

    it('should refuse with 409 conflict on name and write nothing when the agency name is taken in another case', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/agencies', {
        name: 'NORTHWIND social',
        legalName: 'Another Northwind Ltd.',
        services: ['execution'],
        relationshipOwnerId: leadId,
      });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('conflict');
      expect(fieldsOf(response.body)).toEqual(['name']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 409 conflict on name and keep the name when an agency is renamed to a taken name', async () => {
      const agency = await createAgency();
      const before = await writeCounts();

      const response = await asAdmin.patch(`/api/agencies/${agency.id}`, { name: 'southpeak MEDIA' });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('conflict');
      expect(fieldsOf(response.body)).toEqual(['name']);
      expect(await writeCounts()).toEqual(before);
      const rows: { name: string }[] = await t.dataSource.query('SELECT name FROM agencies WHERE id = $1', [
        agency.id,
      ]);
      expect(rows[0].name).toBe(agency.name);
    });

    it('should refuse with 400 on services and write nothing when a service is not from the list', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/agencies', {
        name: unique('Agency With Odd Services'),
        legalName: 'Odd Services Ltd.',
        services: ['execution', 'astrology'],
        relationshipOwnerId: leadId,
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['services']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 409 invalid_state and write nothing when an agency is offboarded twice', async () => {
      const agency = await createAgency();
      await asAdmin.post(`/api/agencies/${agency.id}/offboard`, { reason: 'First time' }).expect(200);
      const before = await writeCounts();

      const response = await asAdmin.post(`/api/agencies/${agency.id}/offboard`, { reason: 'Second time' });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('invalid_state');
      expect(await writeCounts()).toEqual(before);
      expect(await auditEvents(agency.id, 'agency.offboarded')).toHaveLength(1);
      const rows: { offboard_reason: string }[] = await t.dataSource.query(
        'SELECT offboard_reason FROM agencies WHERE id = $1',
        [agency.id],
      );
      expect(rows[0].offboard_reason).toBe('First time');
    });

    it('should write one agency.owner_changed record with the old and new owner when the relationship owner changes', async () => {
      const agency = await createAgency();
      const newOwner = await invite({ role: 'social_lead' });

      const response = await asAdmin.patch(`/api/agencies/${agency.id}`, {
        relationshipOwnerId: newOwner.id,
      });

      expect(response.status).toBe(200);
      expect((response.body as AgencyDto).relationshipOwner).toMatchObject({
        id: newOwner.id,
        email: newOwner.email,
      });
      const changes = await auditEvents(agency.id, 'agency.owner_changed');
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({
        actorId: adminId,
        entity: 'agency',
        before: { relationshipOwnerId: leadId },
        after: { relationshipOwnerId: newOwner.id },
      });
    });

    it('should write agency.updated and no owner_changed record when an update keeps the owner', async () => {
      const agency = await createAgency();

      const response = await asAdmin.patch(`/api/agencies/${agency.id}`, {
        legalName: 'Renamed Legal Entity Ltd.',
        relationshipOwnerId: leadId,
      });

      expect(response.status).toBe(200);
      expect(response.body as AgencyDto).toMatchObject({ legalName: 'Renamed Legal Entity Ltd.' });
      expect(await auditEvents(agency.id, 'agency.owner_changed')).toHaveLength(0);
      const updates = await auditEvents(agency.id, 'agency.updated');
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({
        actorId: adminId,
        before: { legalName: 'Org Spec Agency Ltd.' },
        after: { legalName: 'Renamed Legal Entity Ltd.', relationshipOwnerId: leadId },
      });
    });
  });

  describe('request validation', () => {
    it('should refuse with 400 validation_failed naming the field and write nothing when the body has an unknown field', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/business-units', {
        name: unique('Unit With Extras'),
        operatingModel: 'centralised',
        colour: 'teal',
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['colour']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 validation_failed and write nothing when the JSON is malformed', async () => {
      const before = await writeCounts();

      const response = await t
        .http()
        .post('/api/business-units')
        .set(bearer(adminToken))
        .set('Content-Type', 'application/json')
        .send('{"name": "Broken Unit", "operatingModel": ');

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(await writeCounts()).toEqual(before);
    });

    it.each([
      ['GET', '/api/business-units/not-a-uuid'],
      ['GET', '/api/agencies/12345'],
      ['GET', '/api/users/abc'],
      ['PATCH', '/api/agencies/not-a-uuid'],
      ['POST', '/api/users/not-a-uuid/deactivate'],
    ])('should refuse with 400 validation_failed when %s %s has a non-uuid id', async (method, path) => {
      const before = await writeCounts();

      const response =
        method === 'GET'
          ? await asAdmin.get(path)
          : method === 'PATCH'
            ? await asAdmin.patch(path, { name: 'Whatever' })
            : await asAdmin.post(path);

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(await writeCounts()).toEqual(before);
    });
  });

  describe('users', () => {
    it('should refuse with 409 email_taken on email and write nothing when the email exists in another case', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/users', {
        email: '  Reviewer@DEMO.local ',
        name: 'Second Reviewer',
        role: 'reviewer',
      });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('email_taken');
      expect(fieldsOf(response.body)).toEqual(['email']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 on agencyId and write nothing when an agency role comes without an agency', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/users', {
        email: uniqueEmail('agencyless'),
        name: 'Agencyless Member',
        role: 'agency_member',
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['agencyId']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 on agencyId and write nothing when an in-house role comes with an agency', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post('/api/users', {
        email: uniqueEmail('inhouse'),
        name: 'In-house With Agency',
        role: 'finance',
        agencyId: northwindId,
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['agencyId']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should refuse with 400 on agencyId and write nothing when the agency is offboarded', async () => {
      const agency = await createAgency();
      await asAdmin.post(`/api/agencies/${agency.id}/offboard`, { reason: 'Contract ended' }).expect(200);
      const before = await writeCounts();

      const response = await asAdmin.post('/api/users', {
        email: uniqueEmail('late'),
        name: 'Late Joiner',
        role: 'agency_member',
        agencyId: agency.id,
      });

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['agencyId']);
      expect(await writeCounts()).toEqual(before);
    });

    it.each([
      ['an in-house user', 'viewer', 'agency_member'],
      ['an agency user', 'agency_member', 'viewer'],
    ])(
      'should refuse with 400 on role and keep the role when %s would move between in-house and agency',
      async (_who, from, to) => {
        const user = await invite(from === 'viewer' ? { role: from } : { role: from, agencyId: northwindId });
        const before = await writeCounts();

        const response = await asAdmin.patch(`/api/users/${user.id}`, { role: to });

        expect(response.status).toBe(400);
        expect((response.body as ApiErrorBody).code).toBe('validation_failed');
        expect(fieldsOf(response.body)).toEqual(['role']);
        expect(await writeCounts()).toEqual(before);
        const rows: { role: string }[] = await t.dataSource.query('SELECT role FROM users WHERE id = $1', [
          user.id,
        ]);
        expect(rows[0].role).toBe(from);
      },
    );

    it('should refuse with 403 and keep the role when an admin changes their own role', async () => {
      const before = await writeCounts();

      const response = await asAdmin.patch(`/api/users/${adminId}`, { role: 'viewer' });

      expect(response.status).toBe(403);
      expect((response.body as ApiErrorBody).code).toBe('forbidden');
      expect(await writeCounts()).toEqual(before);
      const rows: { role: string }[] = await t.dataSource.query('SELECT role FROM users WHERE id = $1', [
        adminId,
      ]);
      expect(rows[0].role).toBe('admin');
    });

    it('should refuse with 403 and stay active when an admin deactivates themselves', async () => {
      const before = await writeCounts();

      const response = await asAdmin.post(`/api/users/${adminId}/deactivate`);

      expect(response.status).toBe(403);
      expect((response.body as ApiErrorBody).code).toBe('forbidden');
      expect(await writeCounts()).toEqual(before);
      const rows: { active: boolean }[] = await t.dataSource.query('SELECT active FROM users WHERE id = $1', [
        adminId,
      ]);
      expect(rows[0].active).toBe(true);
      expect((await asAdmin.get('/api/auth/me')).status).toBe(200);
    });

    it('should return only inactive users when listing with active=false', async () => {
      const former = await deactivatedInHouseUser();

      const response = await asAdmin.get('/api/users?active=false');

      expect(response.status).toBe(200);
      const users = (response.body as Page<UserDto>).items;
      expect(users.map((user) => user.id)).toContain(former.id);
      for (const user of users) {
        expect(user.active).toBe(false);
      }
      const inactive: { count: number }[] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM users WHERE active = false',
      );
      expect(users).toHaveLength(inactive[0].count);
    });

    it('should return only active users when listing with active=true', async () => {
      const former = await deactivatedInHouseUser();

      const response = await asAdmin.get('/api/users?active=true');

      expect(response.status).toBe(200);
      const users = (response.body as Page<UserDto>).items;
      expect(users.map((user) => user.id)).not.toContain(former.id);
      for (const user of users) {
        expect(user.active).toBe(true);
      }
    });

    it('should refuse with 400 on active when the flag is neither true nor false', async () => {
      const response = await asAdmin.get('/api/users?active=maybe');

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['active']);
    });
  });

  describe('audit trail', () => {
    interface AuditedChange {
      name: string;
      action: string;
      entity: string;
      /** Performs the change as the admin and returns the changed entity's id. */
      act: () => Promise<string>;
    }

    const CHANGES: AuditedChange[] = [
      {
        name: 'a business unit is created',
        action: 'business_unit.created',
        entity: 'business_unit',
        act: async () => (await createUnit()).id,
      },
      {
        name: 'a business unit is updated',
        action: 'business_unit.updated',
        entity: 'business_unit',
        async act() {
          const unit = await createUnit();
          await asAdmin
            .patch(`/api/business-units/${unit.id}`, { operatingModel: 'centralised' })
            .expect(200);
          return unit.id;
        },
      },
      {
        name: 'an agency is created',
        action: 'agency.created',
        entity: 'agency',
        act: async () => (await createAgency()).id,
      },
      {
        name: 'a user is invited',
        action: 'user.invited',
        entity: 'user',
        act: async () => (await invite({ role: 'reviewer' })).id,
      },
      {
        name: 'a user is deactivated',
        action: 'user.deactivated',
        entity: 'user',
        async act() {
          const user = await invite({ role: 'viewer' });
          await asAdmin.post(`/api/users/${user.id}/deactivate`).expect(200);
          return user.id;
        },
      },
    ];

    it.each(CHANGES)(
      'should write exactly one $action record by the signed-in admin when $name',
      async ({ action, entity, act }) => {
        const entityId = await act();

        const records = await auditEvents(entityId, action);

        expect(records).toHaveLength(1);
        expect(records[0]).toMatchObject({ actorId: adminId, action, entity, entityId });
      },
    );

    it('should filter audit events by entity, entity id and action when asked', async () => {
      const unit = await createUnit();
      await asAdmin.patch(`/api/business-units/${unit.id}`, { operatingModel: 'centralised' }).expect(200);
      await asAdmin.patch(`/api/business-units/${unit.id}`, { operatingModel: 'coe' }).expect(200);

      const byEntity = await asAdmin.get(
        `/api/audit-events?entity=business_unit&entityId=${unit.id}&withTotal=true`,
      );
      const byAction = await asAdmin.get(
        `/api/audit-events?entity=business_unit&entityId=${unit.id}&action=business_unit.updated&withTotal=true`,
      );
      const allUnits = await asAdmin.get('/api/audit-events?entity=business_unit&limit=100');

      expect(byEntity.status).toBe(200);
      const entityPage = byEntity.body as Page<AuditEventDto>;
      expect(entityPage.total).toEqual({ count: 3, exact: true });
      expect(entityPage.items.map((event) => event.action).sort()).toEqual([
        'business_unit.created',
        'business_unit.updated',
        'business_unit.updated',
      ]);
      expect(byAction.status).toBe(200);
      const actionPage = byAction.body as Page<AuditEventDto>;
      expect(actionPage.total).toEqual({ count: 2, exact: true });
      for (const event of actionPage.items) {
        expect(event).toMatchObject({
          action: 'business_unit.updated',
          entity: 'business_unit',
          entityId: unit.id,
          actorId: adminId,
        });
      }
      expect(allUnits.status).toBe(200);
      const unitsPage = allUnits.body as Page<AuditEventDto>;
      expect(unitsPage.items.length).toBeGreaterThanOrEqual(3);
      for (const event of unitsPage.items) {
        expect(event.entity).toBe('business_unit');
      }
    });

    it('should page audit events newest first with a cursor when asked for small pages', async () => {
      const unit = await createUnit();
      for (const model of ['centralised', 'coe', 'decentralised', 'centralised'] as const) {
        await asAdmin.patch(`/api/business-units/${unit.id}`, { operatingModel: model }).expect(200);
      }
      const query = `/api/audit-events?entity=business_unit&entityId=${unit.id}&limit=2&withTotal=true`;

      const pages: Page<AuditEventDto>[] = [];
      let cursor: string | null = null;
      do {
        const response = await asAdmin.get(cursor ? `${query}&cursor=${cursor}` : query);
        expect(response.status).toBe(200);
        const page = response.body as Page<AuditEventDto>;
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor !== null && pages.length < 10);

      expect(pages.map((page) => [page.limit, page.total?.count, page.items.length])).toEqual([
        [2, 5, 2],
        [2, 5, 2],
        [2, 5, 1],
      ]);
      const events = pages.flatMap((page) => page.items);
      expect(new Set(events.map((event) => event.id)).size).toBe(5);
      const times = events.map((event) => Date.parse(event.at));
      expect(times).toEqual([...times].sort((x, y) => y - x));
      expect(events[4].action).toBe('business_unit.created');
    });

    it('should refuse with 400 on limit when a page of 1000 audit events is asked for', async () => {
      const response = await asAdmin.get('/api/audit-events?limit=1000');

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response.body)).toEqual(['limit']);
    });
  });
});
