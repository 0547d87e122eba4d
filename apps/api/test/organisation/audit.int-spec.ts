import { bearer, suiteApp, DEMO } from '../support/test-app';

describe('audit log', () => {
  const t = suiteApp();

  it('should refuse UPDATE on audit_events when anyone tries to rewrite history', async () => {
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('should refuse DELETE on audit_events when anyone tries to erase history', async () => {
    await expect(t.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });

  it('should refuse TRUNCATE on audit_events when anyone tries to erase history', async () => {
    await expect(t.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('should record actor, action, entity and before/after in the same transaction when an agency changes', async () => {
    const admin = await t.login(DEMO.admin);
    const agencyId = await t.agencyId('Northwind Social');

    const response = await t
      .http()
      .patch(`/api/agencies/${agencyId}`)
      .set(bearer(admin.accessToken))
      .send({ legalName: 'Northwind Social Group Ltd.' });

    expect(response.status).toBe(200);
    const events: {
      actor_id: string;
      action: string;
      before: { legalName: string };
      after: { legalName: string };
    }[] = await t.dataSource.query(
      `SELECT actor_id, action, before, after FROM audit_events WHERE entity = 'agency' AND entity_id = $1 ORDER BY at DESC LIMIT 1`,
      [agencyId],
    );
    expect(events[0]).toMatchObject({
      actor_id: admin.userId,
      action: 'agency.updated',
      before: { legalName: 'Northwind Social Ltd.' },
      after: { legalName: 'Northwind Social Group Ltd.' },
    });
  });

  it('should write neither the change nor an audit record when the change fails', async () => {
    const admin = await t.login(DEMO.admin);
    const before: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM audit_events',
    );

    const response = await t
      .http()
      .post('/api/users')
      .set(bearer(admin.accessToken))
      .send({ email: DEMO.lead.toUpperCase(), name: 'Duplicate', role: 'viewer' });

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('email_taken');
    const after: { count: number }[] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM audit_events',
    );
    expect(after[0].count).toBe(before[0].count);
  });

  it('should let an admin browse and filter the log when asked', async () => {
    const admin = await t.login(DEMO.admin);

    const response = await t
      .http()
      .get('/api/audit-events')
      .query({ entity: 'agency', action: 'agency.updated', limit: 5, withTotal: true })
      .set(bearer(admin.accessToken));

    expect(response.status).toBe(200);
    expect(response.body.total.count).toBeGreaterThanOrEqual(1);
    expect(response.body.items.every((item: { entity: string }) => item.entity === 'agency')).toBe(true);
    expect(response.body.limit).toBe(5);
  });
});
