import { bearer, createTestApp, DEMO, refreshCookieOf, type TestApp } from '../support/test-app';

/** Session and account edge cases: sign-out, refresh races, throttling, unit ids. */
describe('sessions and accounts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'true',
      LOGIN_FAILURES_BEFORE_DELAY: '3',
      LOGIN_DELAY_SECONDS: '30',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '8',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  const signIn = (email: string, password: string, address: string) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

  describe('sign-out', () => {
    it('should end the session when only the bearer token comes with it', async () => {
      const session = await t.login(DEMO.legal);

      const logout = await t.http().post('/api/auth/logout').set(bearer(session.accessToken));

      expect(logout.status).toBe(204);
      expect((await t.http().get('/api/auth/me').set(bearer(session.accessToken))).status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie)).status).toBe(
        401,
      );
    });

    it('should do nothing with a forged bearer token', async () => {
      const session = await t.login(DEMO.viewer);
      const forged = `${session.accessToken.slice(0, -4)}AAAA`;

      const logout = await t.http().post('/api/auth/logout').set(bearer(forged));

      expect(logout.status).toBe(204);
      expect((await t.http().get('/api/auth/me').set(bearer(session.accessToken))).status).toBe(200);
    });
  });

  describe('refresh', () => {
    it('should give two simultaneous refreshes with one cookie the same answer', async () => {
      const session = await t.login(DEMO.reviewer);

      const [first, second] = await Promise.all([
        t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie),
        t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie),
      ]);

      expect([first.status, second.status]).toEqual([200, 200]);
      expect(refreshCookieOf(second)).toBe(refreshCookieOf(first));
      expect(second.body.accessToken).toBe(first.body.accessToken);
      expect((await t.http().get('/api/auth/me').set(bearer(first.body.accessToken))).status).toBe(200);
      const next = await t.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(first));
      expect(next.status).toBe(200);
    });

    it('should still revoke the session when a spent cookie comes back after the grace window', async () => {
      const session = await t.login(DEMO.finance);
      const first = await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie);
      expect(first.status).toBe(200);
      await t.dataSource.query(
        `UPDATE refresh_tokens SET used_at = now() - interval '5 minutes' WHERE used_at IS NOT NULL`,
      );

      const replay = await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie);

      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('session_expired');
      expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(first))).status).toBe(
        401,
      );
      expect((await t.http().get('/api/auth/me').set(bearer(first.body.accessToken))).status).toBe(401);
    });

    it('should revoke the session when a spent cookie comes back after its successor was spent too', async () => {
      const session = await t.login(DEMO.finance2);
      const first = await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie);
      const second = await t.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(first));
      expect([first.status, second.status]).toEqual([200, 200]);

      const replay = await t.http().post('/api/auth/refresh').set('Cookie', session.refreshCookie);

      expect(replay.status).toBe(401);
      expect((await t.http().post('/api/auth/refresh').set('Cookie', refreshCookieOf(second))).status).toBe(
        401,
      );
    });
  });

  describe('failed sign-ins', () => {
    const attacker = '203.0.113.7';
    const owner = '198.51.100.2';

    it('should slow down the address that keeps failing, never the account owner elsewhere', async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        expect((await signIn(DEMO.northwindAdmin, 'guess', attacker)).status).toBe(401);
      }

      const waiting = await signIn(DEMO.northwindAdmin, 'demo-password', attacker);
      const elsewhere = await signIn(DEMO.northwindAdmin, 'demo-password', owner);

      expect(waiting.status).toBe(429);
      expect(waiting.body.code).toBe('too_many_attempts');
      expect(waiting.body.details.retryAfterSeconds).toBeGreaterThan(25);
      expect(waiting.body.details.retryAfterSeconds).toBeLessThanOrEqual(30);
      expect(elsewhere.status).toBe(200);
    });

    it('should double the wait with every further failure from that address', async () => {
      // The first wait has passed.
      await t.dataSource.query(
        `UPDATE rate_limits SET expire = (extract(epoch FROM now()) * 1000)::bigint WHERE key LIKE 'login_pair_wait:%'`,
      );
      expect((await signIn(DEMO.northwindAdmin, 'guess', attacker)).status).toBe(401);

      const waiting = await signIn(DEMO.northwindAdmin, 'demo-password', attacker);

      expect(waiting.status).toBe(429);
      expect(waiting.body.details.retryAfterSeconds).toBeGreaterThan(55);
      expect(waiting.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    });

    it('should keep refusing an address that fails across many accounts', async () => {
      const roamer = '192.0.2.99';
      const accounts = [
        DEMO.viewer,
        DEMO.lead,
        DEMO.reviewer,
        DEMO.legal,
        DEMO.finance,
        DEMO.finance2,
        DEMO.admin,
      ];
      for (const email of [...accounts, DEMO.southpeakAdmin]) {
        expect((await signIn(email, 'guess', roamer)).status).toBe(401);
      }

      const refused = await signIn(DEMO.southpeakMember, 'demo-password', roamer);

      expect(refused.status).toBe(429);
      expect((await signIn(DEMO.southpeakMember, 'demo-password', owner)).status).toBe(200);
    });
  });

  describe('business units and agency admins', () => {
    it('should refuse an in-house unit exactly like an unknown one when an agency admin attaches a user', async () => {
      const agencyAdmin = await t.login(DEMO.southpeakAdmin, 'demo-password');
      const unitId = await t.unitId('Korea Consumer Marketing');
      const invite = (businessUnitId: string, email: string) =>
        t
          .http()
          .post('/api/users')
          .set(bearer(agencyAdmin.accessToken))
          .send({ email, name: 'New member', role: 'agency_member', businessUnitId });

      const real = await invite(unitId, 'real-unit@southpeak.demo.local');
      const unknown = await invite(
        '00000000-0000-4000-8000-000000000000',
        'unknown-unit@southpeak.demo.local',
      );
      const member = await t.userId(DEMO.southpeakMember);
      const update = await t
        .http()
        .patch(`/api/users/${member}`)
        .set(bearer(agencyAdmin.accessToken))
        .send({ businessUnitId: unitId });

      expect(real.status).toBe(400);
      expect(real.body).toEqual(unknown.body);
      expect(update.status).toBe(400);
      expect(update.body).toEqual(unknown.body);
    });
  });
});
