import { bearer, createTestApp, DEMO, refreshCookieOf, type TestApp } from '../support/test-app';

describe('sign-in, sessions and invitations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_FAILURES_BEFORE_DELAY: '3' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should return an access token, the user and an httpOnly refresh cookie when credentials are right', async () => {
    const response = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO.lead, password: 'demo-password' });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      user: { email: DEMO.lead, role: 'social_lead' },
    });
    expect(typeof response.body.accessToken).toBe('string');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/ap_refresh=[^;]+; Path=\/api\/auth/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const me = await t.http().get('/api/auth/me').set(bearer(response.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.permissions).toContain('agency:read');
  });

  it('should answer one generic message when the email is unknown or the password is wrong', async () => {
    const wrong = await t.http().post('/api/auth/login').send({ email: DEMO.viewer, password: 'nope-nope' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'ghost@demo.local', password: 'nope-nope' });

    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ code: 'invalid_credentials', message: 'Email or password is incorrect.' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('should refuse a body without credentials with a 400 when fields are missing', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: DEMO.viewer });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  it('should make the address wait after repeated failures even when the right password follows', async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const failed = await t
        .http()
        .post('/api/auth/login')
        .send({ email: DEMO.finance2, password: 'wrong-guess' });
      expect(failed.status).toBe(401);
    }
    const locked = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO.finance2, password: 'demo-password' });

    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
    // Other accounts from the same address are unaffected.
    const other = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO.finance, password: 'demo-password' });
    expect(other.status).toBe(200);
  });

  it('should rotate the refresh cookie and revoke the session when a spent cookie is replayed', async () => {
    const session = await t.login(DEMO.reviewer);

    const first = await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie);
    expect(first.status).toBe(200);
    const rotated = refreshCookieOf(first);
    expect(rotated).not.toEqual(session.refreshCookie);
    // Past the grace window in which a retry gets the same answer (see sessions.int-spec.ts).
    await t.dataSource.query(
      `UPDATE refresh_tokens SET used_at = now() - interval '1 hour' WHERE used_at IS NOT NULL`,
    );

    const replay = await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('session_expired');

    // The replay revoked the whole session: the rotated cookie and the new access token are dead too.
    const afterReplay = await t.http().post('/api/auth/refresh').set('Cookie', rotated);
    expect(afterReplay.status).toBe(401);
    const me = await t.http().get('/api/auth/me').set(bearer(first.body.accessToken));
    expect(me.status).toBe(401);
  });

  it('should end the session at once when the user signs out', async () => {
    const session = await t.login(DEMO.legal);

    const logout = await t.http().post('/api/auth/logout').set('Cookie', session.refreshCookie);

    expect(logout.status).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/ap_refresh=;/);
    expect((await t.http().get('/api/auth/me').set(bearer(session.accessToken))).status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie)).status).toBe(401);
  });

  it('should end every session of a user at once when an admin deactivates them', async () => {
    const admin = await t.login(DEMO.admin);
    const viewer = await t.login(DEMO.viewer);
    expect((await t.http().get('/api/auth/me').set(bearer(viewer.accessToken))).status).toBe(200);

    const response = await t
      .http()
      .post(`/api/users/${viewer.userId}/deactivate`)
      .set(bearer(admin.accessToken));

    expect(response.status).toBe(200);
    expect(response.body.active).toBe(false);
    expect((await t.http().get('/api/auth/me').set(bearer(viewer.accessToken))).status).toBe(401);
    expect((await t.http().post('/api/auth/refresh').set('Cookie', viewer.refreshCookie)).status).toBe(401);
    const again = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO.viewer, password: 'demo-password' });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('invalid_credentials');
    await t.http().post(`/api/users/${viewer.userId}/reactivate`).set(bearer(admin.accessToken)).expect(200);
  });

  it('should end the sessions of every agency user when the agency is offboarded', async () => {
    const admin = await t.login(DEMO.admin);
    const member = await t.login(DEMO.southpeakMember);
    const agencyId = await t.agencyId('Southpeak Media');

    const response = await t
      .http()
      .post(`/api/agencies/${agencyId}/offboard`)
      .set(bearer(admin.accessToken))
      .send({ reason: 'Contract ended' });

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('offboarded');
    expect((await t.http().get('/api/auth/me').set(bearer(member.accessToken))).status).toBe(401);
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: DEMO.southpeakAdmin, password: 'demo-password' });
    expect(login.status).toBe(401);
    const revoked: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE action = 'session.revoked' AND after->>'reason' = 'agency_offboarded'`,
    );
    expect(revoked[0].count).toBeGreaterThanOrEqual(1);
    await t.http().post(`/api/agencies/${agencyId}/reactivate`).set(bearer(admin.accessToken)).expect(200);
  });

  it('should let an invited person set a password once and then sign in', async () => {
    const admin = await t.login(DEMO.admin);
    const invite = await t
      .http()
      .post('/api/users')
      .set(bearer(admin.accessToken))
      .send({ email: 'New.Person@Demo.Local', name: 'New Person', role: 'viewer' });
    expect(invite.status).toBe(201);
    expect(invite.body.user).toMatchObject({ email: 'new.person@demo.local', passwordSet: false });
    expect(invite.body.emailed).toBe(false);
    const token = new URL(invite.body.setPasswordUrl).searchParams.get('token') as string;

    const info = await t.http().get(`/api/auth/invitations/${token}`);
    expect(info.body).toEqual({ email: 'new.person@demo.local', name: 'New Person' });
    const tooShort = await t.http().post('/api/auth/set-password').send({ token, password: 'short' });
    expect(tooShort.status).toBe(400);
    const set = await t
      .http()
      .post('/api/auth/set-password')
      .send({ token, password: 'a-long-enough-password' });
    expect(set.status).toBe(204);
    const reuse = await t
      .http()
      .post('/api/auth/set-password')
      .send({ token, password: 'another-long-password' });
    expect(reuse.status).toBe(400);
    expect(reuse.body.code).toBe('invalid_invitation');

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'new.person@demo.local', password: 'a-long-enough-password' });
    expect(login.status).toBe(200);
  });

  it('should not let an invited person sign in before they set a password', async () => {
    const admin = await t.login(DEMO.admin);
    await t
      .http()
      .post('/api/users')
      .set(bearer(admin.accessToken))
      .send({ email: 'pending@demo.local', name: 'Pending', role: 'viewer' })
      .expect(201);

    const login = await t.http().post('/api/auth/login').send({ email: 'pending@demo.local', password: '' });
    expect(login.status).toBe(400);
    const attempt = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'pending@demo.local', password: 'anything-at-all' });
    expect(attempt.status).toBe(401);
  });
});
