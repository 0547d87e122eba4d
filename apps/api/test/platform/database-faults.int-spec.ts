import { startOwnPostgres, type OwnPostgres } from '../support/own-postgres';
import {
  bearer,
  createTestApp,
  DEMO,
  refreshCookieOf,
  type SignedIn,
  type TestApp,
} from '../support/test-app';

/**
 * The API while its database is stopped or frozen, on a PostgreSQL server of this suite's own.
 * Nothing may hang, and nobody may be signed out by an outage.
 */
describe('database faults', () => {
  let pg: OwnPostgres;
  let t: TestApp;
  let lead: SignedIn;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    t = await createTestApp(
      {
        DB_CONNECT_TIMEOUT_MS: '1000',
        DB_STATEMENT_TIMEOUT_MS: '1500',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '3000',
        HEALTH_CHECK_TIMEOUT_MS: '500',
      },
      pg.url,
    );
    lead = await t.login(DEMO.lead);
  }, 60_000);

  afterAll(async () => {
    pg.thaw();
    await t.close().catch(() => undefined);
    await pg.destroy();
  }, 60_000);

  function expectUnavailable(response: { status: number; headers: Record<string, string>; body: unknown }) {
    expect({ status: response.status, body: response.body }).toEqual({
      status: 503,
      body: { code: 'service_unavailable', message: expect.stringContaining('database') },
    });
    expect(response.headers['retry-after']).toBe('5');
  }

  it('should run every connection with the configured timeouts', async () => {
    const [settings] = await t.dataSource.query<{ statement: string; idle: string }[]>(
      `SELECT current_setting('statement_timeout') AS statement,
              current_setting('idle_in_transaction_session_timeout') AS idle`,
    );

    expect(settings).toEqual({ statement: '1500ms', idle: '3s' });
  });

  describe('with PostgreSQL stopped', () => {
    beforeAll(async () => {
      await pg.stop();
    }, 30_000);

    afterAll(async () => {
      await pg.start();
    }, 30_000);

    it('should answer signed-in requests with 503 and Retry-After, not 401', async () => {
      const me = await t.http().get('/api/auth/me').set(bearer(lead.accessToken));
      const list = await t.http().get('/api/contracts').set(bearer(lead.accessToken));

      expectUnavailable(me);
      expectUnavailable(list);
    });

    it('should answer sign-in and refresh with 503 and keep the refresh cookie', async () => {
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ email: DEMO.viewer, password: 'demo-password' });
      const refresh = await t.http().post('/api/auth/refresh').set('Cookie', lead.refreshCookie);

      expectUnavailable(login);
      expectUnavailable(refresh);
      expect(refresh.headers['set-cookie']).toBeUndefined();
    });

    it('should report the database down on the health check', async () => {
      const health = await t.http().get('/api/health');

      expectUnavailable(health);
    });
  });

  it('should serve again at once when PostgreSQL is back, with the same session', async () => {
    const me = await t.http().get('/api/auth/me').set(bearer(lead.accessToken));
    const refresh = await t.http().post('/api/auth/refresh').set('Cookie', lead.refreshCookie);

    expect(me.status).toBe(200);
    expect(refresh.status).toBe(200);
    lead = { ...lead, accessToken: refresh.body.accessToken, refreshCookie: refreshCookieOf(refresh) };
    expect((await t.http().get('/api/health')).status).toBe(200);
  });

  describe('with PostgreSQL frozen (SIGSTOP)', () => {
    beforeAll(() => {
      pg.freeze();
    });

    afterAll(() => {
      pg.thaw();
    });

    it('should answer the health check within its own short timeout', async () => {
      const health = await t.http().get('/api/health').timeout(5000);

      expectUnavailable(health);
    });

    it('should answer signed-in requests, sign-in and refresh with 503 instead of hanging', async () => {
      const answers = await Promise.all([
        t.http().get('/api/auth/me').set(bearer(lead.accessToken)).timeout(20_000),
        t.http().get('/api/goals').set(bearer(lead.accessToken)).timeout(20_000),
        t
          .http()
          .post('/api/auth/login')
          .send({ email: DEMO.viewer, password: 'demo-password' })
          .timeout(20_000),
        t.http().post('/api/auth/refresh').set('Cookie', lead.refreshCookie).timeout(20_000),
      ]);

      for (const answer of answers) expectUnavailable(answer);
    }, 30_000);
  });

  it('should serve again once PostgreSQL resumes', async () => {
    const me = await t.http().get('/api/auth/me').set(bearer(lead.accessToken)).timeout(20_000);
    const goals = await t.http().get('/api/goals').set(bearer(lead.accessToken)).timeout(20_000);

    expect([me.status, goals.status]).toEqual([200, 200]);
    expect((await t.http().get('/api/health')).status).toBe(200);
  }, 30_000);
});
