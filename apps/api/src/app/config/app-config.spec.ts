import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('should use the embedded defaults when nothing is set', () => {
    const config = loadConfig({});

    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.cookieSecure).toBe(false);
    expect(config.uploadExpireMs).toBe(48 * 60 * 60 * 1000);
  });

  it('should take the upload expiry in whole hours and refuse anything else', () => {
    expect(loadConfig({ UPLOAD_EXPIRE_HOURS: '6' }).uploadExpireMs).toBe(6 * 60 * 60 * 1000);
    expect(() => loadConfig({ UPLOAD_EXPIRE_HOURS: '0' })).toThrow(/UPLOAD_EXPIRE_HOURS/);
    expect(() => loadConfig({ UPLOAD_EXPIRE_HOURS: 'soon' })).toThrow(/UPLOAD_EXPIRE_HOURS/);
  });

  it('should seed nothing unless asked when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/portal', JWT_SECRET: 'x'.repeat(32) });

    expect(config.seedDemo).toBe(false);
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u:p@db/portal', JWT_SECRET: 'x'.repeat(32), SEED_DEMO: 'true' })
        .seedDemo,
    ).toBe(true);
  });

  it('should list every problem at once when several variables are wrong', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://nope', SEED_DEMO: 'maybe' });

    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('DATABASE_URL must be a postgres:// connection URL');
      expect(message).toContain('SEED_DEMO must be true or false');
      expect(message).toContain('JWT_SECRET is required when DATABASE_URL points at an external database');
    }
  });

  it('should require a strong JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('should mark cookies secure when the public URL is https', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://portal.example.com/' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://portal.example.com/' }).publicUrl).toBe(
      'https://portal.example.com',
    );
  });

  it('should bound every wait on the database with sane defaults when nothing is set', () => {
    const config = loadConfig({});

    expect(config.database).toEqual({
      connectTimeoutMs: 5000,
      statementTimeoutMs: 30_000,
      exportStatementTimeoutMs: 300_000,
      exportsMax: 2,
      exportsQueueWaitMs: 15_000,
      migrationStatementTimeoutMs: 3_600_000,
      idleInTransactionTimeoutMs: 60_000,
    });
    expect(config.healthCheckTimeoutMs).toBe(2000);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/DB_STATEMENT_TIMEOUT_MS/);
    expect(() => loadConfig({ HEALTH_CHECK_TIMEOUT_MS: 'soon' })).toThrow(/HEALTH_CHECK_TIMEOUT_MS/);
  });

  it('should refuse a sign-in delay cap below the first delay', () => {
    expect(() => loadConfig({ LOGIN_DELAY_SECONDS: '60', LOGIN_MAX_DELAY_SECONDS: '30' })).toThrow(
      /LOGIN_MAX_DELAY_SECONDS must be at least LOGIN_DELAY_SECONDS/,
    );
    expect(loadConfig({}).loginThrottle).toEqual({
      failuresBeforeDelay: 5,
      delaySeconds: 30,
      maxDelaySeconds: 900,
      maxFailuresPerAddress: 30,
      windowSeconds: 900,
    });
  });

  it('should read the two-person thresholds per currency in major units when they are valid', () => {
    expect(loadConfig({}).invoiceDualApprovalThresholds).toEqual({
      KRW: 50_000_000,
      IDR: 50_000_000_000,
      USD: 2_500_000,
    });
    expect(
      loadConfig({ INVOICE_DUAL_APPROVAL_THRESHOLDS: 'USD=10.5, KRW=1000' }).invoiceDualApprovalThresholds,
    ).toEqual({
      USD: 1050,
      KRW: 1000,
    });
    expect(loadConfig({ INVOICE_DUAL_APPROVAL_THRESHOLDS: '' }).invoiceDualApprovalThresholds).toEqual({});
  });

  it('should refuse thresholds that are not a currency and an amount it can hold', () => {
    expect(() => loadConfig({ INVOICE_DUAL_APPROVAL_THRESHOLDS: 'KRW=10.5' })).toThrow(/KRW has 0 decimals/);
    expect(() => loadConfig({ INVOICE_DUAL_APPROVAL_THRESHOLDS: 'XXY=10' })).toThrow(/not an ISO 4217/);
    expect(() => loadConfig({ INVOICE_DUAL_APPROVAL_THRESHOLDS: 'USD:10' })).toThrow(/must look like/);
    expect(() => loadConfig({ INVOICE_DUAL_APPROVAL_THRESHOLDS: 'USD=1,USD=2' })).toThrow(/named twice/);
    expect(() => loadConfig({ IDEMPOTENCY_KEY_TTL_HOURS: '1' })).toThrow(/IDEMPOTENCY_KEY_TTL_HOURS/);
  });
});
