import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ENV_KEYS, EnvironmentVariables } from './environment-variables';
import { parseThresholds } from './money-thresholds';

/** How long the API waits on PostgreSQL before giving up (and answering 503). */
export interface DatabaseTimeouts {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  /** The statement timeout of long reads (streamed exports) on their own connection. */
  exportStatementTimeoutMs: number;
  /** Long reads running at once in the process, and how long one more waits for a slot. */
  exportsMax: number;
  exportsQueueWaitMs: number;
  /** The statement timeout of migrations, run at startup on a connection of their own. */
  migrationStatementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** An S3-compatible bucket for file storage. */
export interface S3Config {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  /** Static credentials, or undefined for the SDK's default provider chain. */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
}

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string | undefined;
  embeddedPg: { dataDir: string; port: number };
  seedDemo: boolean;
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  invitationTtlHours: number;
  publicUrl: string;
  cookieSecure: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  webDistDir: string | undefined;
  loginThrottle: {
    failuresBeforeDelay: number;
    delaySeconds: number;
    maxDelaySeconds: number;
    maxFailuresPerAddress: number;
    windowSeconds: number;
  };
  refreshReuseGraceSeconds: number;
  database: DatabaseTimeouts;
  healthCheckTimeoutMs: number;
  trustProxy: boolean;
  storageDir: string;
  signedDocumentMaxBytes: number;
  metricImportMaxBytes: number;
  jobsEnabled: boolean;
  jobTimeoutSeconds: number;
  uploadMaxBytes: number;
  /** Unfinished resumable uploads (local disk, whatever the file storage). */
  uploadTmpDir: string;
  /** How long an unfinished upload is kept, in milliseconds from its creation. */
  uploadExpireMs: number;
  /** Set when files live in S3-compatible storage instead of STORAGE_DIR. */
  s3: S3Config | undefined;
  /** FFMPEG_PATH as given; unset means "look for ffmpeg on the PATH". */
  ffmpegPath: string | undefined;
  /** Gross amounts (minor units) above which an invoice of the currency needs two finance approvers. */
  invoiceDualApprovalThresholds: Readonly<Record<string, number>>;
  idempotencyKeyTtlHours: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([key]) => (ENV_KEYS as readonly string[]).includes(key)),
  );
  const vars = plainToInstance(EnvironmentVariables, relevant);
  const errors = validateSync(vars, { whitelist: false });
  const problems = errors.flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) =>
      message.startsWith(error.property) ? message : `${error.property}: ${message}`,
    ),
  );
  if (vars.NODE_ENV === 'production' && !vars.JWT_SECRET) {
    problems.push('JWT_SECRET is required when NODE_ENV=production (at least 32 random characters)');
  }
  if (vars.DATABASE_URL && !vars.JWT_SECRET && vars.NODE_ENV !== 'test') {
    problems.push('JWT_SECRET is required when DATABASE_URL points at an external database');
  }
  if (vars.LOGIN_MAX_DELAY_SECONDS < vars.LOGIN_DELAY_SECONDS) {
    problems.push('LOGIN_MAX_DELAY_SECONDS must be at least LOGIN_DELAY_SECONDS');
  }
  if (Boolean(vars.S3_ACCESS_KEY_ID) !== Boolean(vars.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  const dualApproval = parseThresholds(vars.INVOICE_DUAL_APPROVAL_THRESHOLDS ?? '');
  problems.push(...dualApproval.problems);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  const publicUrl = (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, '');
  return {
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    embeddedPg: {
      dataDir: vars.EMBEDDED_PG_DATA_DIR,
      port: vars.EMBEDDED_PG_PORT,
    },
    seedDemo: vars.SEED_DEMO ?? !vars.DATABASE_URL,
    jwtSecret: vars.JWT_SECRET,
    accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS,
    invitationTtlHours: vars.INVITATION_TTL_HOURS,
    publicUrl,
    cookieSecure: vars.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    logLevel: vars.LOG_LEVEL,
    webDistDir: vars.WEB_DIST_DIR,
    loginThrottle: {
      failuresBeforeDelay: vars.LOGIN_FAILURES_BEFORE_DELAY,
      delaySeconds: vars.LOGIN_DELAY_SECONDS,
      maxDelaySeconds: vars.LOGIN_MAX_DELAY_SECONDS,
      maxFailuresPerAddress: vars.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowSeconds: vars.LOGIN_WINDOW_SECONDS,
    },
    refreshReuseGraceSeconds: vars.REFRESH_REUSE_GRACE_SECONDS,
    database: {
      connectTimeoutMs: vars.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: vars.DB_STATEMENT_TIMEOUT_MS,
      exportStatementTimeoutMs: vars.DB_EXPORT_STATEMENT_TIMEOUT_MS,
      exportsMax: vars.DB_EXPORTS_MAX,
      exportsQueueWaitMs: vars.DB_EXPORTS_QUEUE_WAIT_MS,
      migrationStatementTimeoutMs: vars.DB_MIGRATION_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: vars.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    healthCheckTimeoutMs: vars.HEALTH_CHECK_TIMEOUT_MS,
    trustProxy: vars.TRUST_PROXY,
    storageDir: vars.STORAGE_DIR,
    signedDocumentMaxBytes: vars.SIGNED_DOCUMENT_MAX_BYTES,
    metricImportMaxBytes: vars.METRIC_IMPORT_MAX_BYTES,
    jobsEnabled: vars.JOBS_ENABLED ?? vars.NODE_ENV !== 'test',
    jobTimeoutSeconds: vars.JOB_TIMEOUT_SECONDS,
    uploadMaxBytes: vars.UPLOAD_MAX_BYTES,
    uploadTmpDir: vars.UPLOAD_TMP_DIR ?? join(vars.STORAGE_DIR, '.uploads'),
    uploadExpireMs: vars.UPLOAD_EXPIRE_HOURS * 60 * 60 * 1000,
    ffmpegPath: vars.FFMPEG_PATH,
    s3: vars.S3_BUCKET
      ? {
          bucket: vars.S3_BUCKET,
          endpoint: vars.S3_ENDPOINT,
          region: vars.S3_REGION,
          credentials:
            vars.S3_ACCESS_KEY_ID && vars.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: vars.S3_ACCESS_KEY_ID, secretAccessKey: vars.S3_SECRET_ACCESS_KEY }
              : undefined,
          forcePathStyle: vars.S3_FORCE_PATH_STYLE,
        }
      : undefined,
    invoiceDualApprovalThresholds: dualApproval.thresholds,
    idempotencyKeyTtlHours: vars.IDEMPOTENCY_KEY_TTL_HOURS,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The config after boot has resolved everything (database URL and JWT secret are then always set). */
export interface ResolvedConfig extends AppConfig {
  databaseUrl: string;
  jwtSecret: string;
}
