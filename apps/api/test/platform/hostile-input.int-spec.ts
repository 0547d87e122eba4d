import type { ContractDetailDto } from '@agency-portal/shared';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { acceptedBrief, submittedVersion } from '../support/work';

/** Each input that reached a 500 when the API was probed as a hostile user would, now a 4xx. */
describe('hostile input', () => {
  let t: TestApp;
  let admin: SignedIn;
  let lead: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, lead] = await Promise.all([t.login(DEMO.admin), t.login(DEMO.lead)]);
  });

  afterAll(async () => {
    await t.close();
  });

  function expectRefused(
    response: { status: number; body: { code?: string; message?: string } },
    status = 400,
  ) {
    expect({ status: response.status, code: response.body.code }).toEqual({
      status,
      code: status === 400 ? 'validation_failed' : expect.any(String),
    });
    expect(typeof response.body.message).toBe('string');
  }

  it('should refuse a NUL character in a text field and name the field', async () => {
    const response = await t
      .http()
      .post('/api/business-units')
      .set(bearer(admin.accessToken))
      .send({ name: 'Nul\u0000unit', operatingModel: 'centralised' });

    expectRefused(response);
    expect(response.body.details.fields).toEqual([
      { field: 'name', messages: ['name must not contain a NUL character.'] },
    ]);
  });

  it('should refuse a NUL character in a search parameter or in the path', async () => {
    const search = await t.http().get('/api/users?q=ann%00a').set(bearer(admin.accessToken));
    const path = await t.http().get('/api/auth/invitations/abc%00def');
    const broken = await t.http().get('/api/users/%E0%A4%A').set(bearer(admin.accessToken));

    expectRefused(search);
    expectRefused(path);
    expectRefused(broken);
  });

  it.each([
    '2026-02-30',
    '2026-W01',
    '8012',
    '2026-13-01T00:00:00Z',
    '2026-06-01T25:00:00Z',
    '+275760-09-14',
  ])('should refuse the audit filter date %s', async (date) => {
    const response = await t
      .http()
      .get(`/api/audit-events?from=${encodeURIComponent(date)}`)
      .set(bearer(admin.accessToken));

    expectRefused(response);
  });

  it('should still take real dates and instants in the audit filters', async () => {
    const response = await t
      .http()
      .get('/api/audit-events?from=2020-01-01&to=2099-12-31T23:59:59.999Z')
      .set(bearer(admin.accessToken));

    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
  });

  it('should refuse a page size too large to hold exactly', async () => {
    const response = await t
      .http()
      .get('/api/audit-events?limit=99999999999999999999')
      .set(bearer(admin.accessToken));

    expectRefused(response);
  });

  it('should refuse deeply nested JSON without a token, before validation', async () => {
    const levels = 20_000;
    const body = `{"token":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)},"password":"x"}`;
    const response = await t
      .http()
      .post('/api/auth/set-password')
      .set('Content-Type', 'application/json')
      .send(body);

    expectRefused(response);
    expect(response.body.message).toContain('nested too deeply');
  });

  it('should refuse a rate card made of arrays instead of items', async () => {
    const response = await t
      .http()
      .post('/api/contracts')
      .set(bearer(lead.accessToken))
      .send({
        agencyId: await t.agencyId('Northwind Social'),
        businessUnitId: await t.unitId('Korea Consumer Marketing'),
        ownerId: lead.userId,
        reference: 'HOSTILE-1',
        title: 'Hostile',
        scope: 'x',
        startDate: '2026-01-01',
        endDate: '2030-12-31',
        currency: 'KRW',
        budgetCapMinor: 1000,
        renewalNoticeDays: 30,
        rateCard: [[]],
        allocations: [],
      });

    expectRefused(response);
    expect(response.body.details.fields).toEqual([
      { field: 'rateCard', messages: ['each item of rateCard must be an object'] },
    ]);
  });

  it('should refuse a comment pin that is an array instead of an object', async () => {
    const agency = await t.login(DEMO.northwindMember);
    const contract = (
      await t
        .http()
        .get(`/api/contracts?status=active&agencyId=${await t.agencyId('Northwind Social')}`)
        .set(bearer(lead.accessToken))
    ).body as ContractDetailDto[] | { items: ContractDetailDto[] };
    const first = (Array.isArray(contract) ? contract : contract.items)[0];
    const detail = (await t.http().get(`/api/contracts/${first.id}`).set(bearer(lead.accessToken)))
      .body as ContractDetailDto;
    const brief = await acceptedBrief(t, detail, { lead: lead.accessToken, agency: agency.accessToken });
    const [target] = brief.deliverables;
    if (!target) throw new Error('the brief has no deliverable');
    const deliverable = await submittedVersion(t, target.id, agency, 'Copy');
    const [version] = deliverable.versions;
    if (!version) throw new Error('no version was submitted');

    const response = await t
      .http()
      .post(`/api/versions/${version.id}/comments`)
      .set(bearer(lead.accessToken))
      .send({ body: 'Look here', pin: [] });

    expectRefused(response);
  });

  it('should refuse an invitation e-mail holding a lone surrogate', async () => {
    const response = await t
      .http()
      .post('/api/users')
      .set(bearer(admin.accessToken))
      .set('Content-Type', 'application/json')
      .send('{"email":"new\\ud800@example.com","name":"New","role":"viewer"}');

    expectRefused(response);
  });

  it('should answer a tus Upload-Concat request with a 400 in the error shape', async () => {
    const agency = await t.login(DEMO.northwindMember);
    const response = await t
      .http()
      .post('/api/uploads')
      .set(bearer(agency.accessToken))
      .set('Tus-Resumable', '1.0.0')
      .set('Upload-Concat', 'final;/api/uploads/a /api/uploads/b');

    expectRefused(response);
  });

  it('should answer a sign-in with a very long e-mail like any failed sign-in', async () => {
    const email = `${'a'.repeat(250)}@example.com`;
    const response = await t.http().post('/api/auth/login').send({ email, password: 'whatever' });

    expect(response.status).toBe(401);
    expect(response.body.code).toBe('invalid_credentials');
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'should refuse the %s key like any other unknown key',
    async (key) => {
      const unknown = await t
        .http()
        .post('/api/business-units')
        .set(bearer(admin.accessToken))
        .send({ name: 'Unit', operatingModel: 'centralised', surprise: true });
      const reserved = await t
        .http()
        .post('/api/business-units')
        .set(bearer(admin.accessToken))
        .set('Content-Type', 'application/json')
        .send(`{"name":"Unit","operatingModel":"centralised","${key}":{"isAdmin":true}}`);

      expectRefused(unknown);
      expectRefused(reserved);
      expect(reserved.body.details.fields).toEqual([
        { field: key, messages: [`${key} is not a field of this request.`] },
      ]);
    },
  );
});
