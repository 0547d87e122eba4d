import { DEFAULT_UPLOAD_MAX_BYTES, IDEMPOTENCY_KEY_MIN_HOURS } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

/** An environment value as text (they arrive as strings; anything else is shown as JSON). */
const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const text = asText(value).trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  return value; // left as a string so @IsBoolean reports it
};

const toInt = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === '') return undefined;
  return /^-?\d+$/.test(asText(value).trim()) ? Number(value) : value;
};

const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/**
 * Every environment variable the API reads, validated once at boot.
 * Documented in README.md and .env.example.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, {
    message: 'DATABASE_URL must be a postgres:// connection URL',
  })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DATA_DIR = '.data/postgres';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO?: boolean;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  INVITATION_TTL_HOURS = 72;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl(
    { require_tld: false, require_protocol: true },
    { message: 'PUBLIC_URL must be an absolute http(s) URL' },
  )
  PUBLIC_URL?: string;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'COOKIE_SECURE must be true or false' })
  COOKIE_SECURE?: boolean;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/.+/, {
    message: 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://…',
  })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Agency Portal <no-reply@agency-portal.local>';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  WEB_DIST_DIR?: string;

  /** Failed sign-ins to one account from one address before each further attempt must wait. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_FAILURES_BEFORE_DELAY = 5;

  /** The first wait; it doubles with every further failure, up to LOGIN_MAX_DELAY_SECONDS. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_DELAY_SECONDS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_MAX_DELAY_SECONDS = 900;

  /** Failed sign-ins from one address, across accounts, before the address is refused for the window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_MAX_FAILURES_PER_ADDRESS = 30;

  /** How long failures are counted, and how long a refused address stays refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  LOGIN_WINDOW_SECONDS = 900;

  /** A refresh cookie retried within this many seconds of its use gets the same answer (two tabs, a retry). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  REFRESH_REUSE_GRACE_SECONDS = 30;

  /** Longest wait for a database connection (new or from the pool) before answering 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120_000)
  DB_CONNECT_TIMEOUT_MS = 5000;

  /** Longest a statement may run; the server cancels it, and the client gives up shortly after. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 30_000;

  /**
   * Longest one statement of a long read (a streamed export: its summary, then each batch of its
   * cursor) may run, on its own connection; ordinary requests keep DB_STATEMENT_TIMEOUT_MS.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_EXPORT_STATEMENT_TIMEOUT_MS = 300_000;

  /** Streamed exports (long reads) running at once in one API process; each holds a pool connection. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8)
  DB_EXPORTS_MAX = 2;

  /** How long an export waits for a free slot before it is refused with 429 `exports_busy`. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  DB_EXPORTS_QUEUE_WAIT_MS = 15_000;

  /**
   * Longest one statement of a migration may run (startup runs them on a connection of their own):
   * a backfill over a large table takes longer than any request should.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  DB_MIGRATION_STATEMENT_TIMEOUT_MS = 3_600_000;

  /** A session idle inside an open transaction this long is ended by the server, releasing its locks. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

  /** /api/health answers 503 when the database has not answered within this time. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  HEALTH_CHECK_TIMEOUT_MS = 2000;

  @Transform(toBoolean)
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY = false;

  @IsString()
  STORAGE_DIR = '.data/files';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  SIGNED_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** Largest metrics file (CSV or XLSX) accepted for import. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  METRIC_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

  /** Work queued jobs and schedules on this replica (default: true, except under NODE_ENV=test). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'JOBS_ENABLED must be true or false' })
  JOBS_ENABLED?: boolean;

  /** A job still running after this long is taken for dead (its process crashed) and run again. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(3600)
  JOB_TIMEOUT_SECONDS = 300;

  /** Largest deliverable file accepted, in bytes (default 2 GiB). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(Number.MAX_SAFE_INTEGER)
  UPLOAD_MAX_BYTES = DEFAULT_UPLOAD_MAX_BYTES;

  /** Hours a resumable upload may take from its creation; an unfinished one older than that is deleted (swept hourly). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 365)
  UPLOAD_EXPIRE_HOURS = 48;

  /** Where unfinished resumable uploads are kept; default `<STORAGE_DIR>/.uploads` (same disk: a rename finishes them). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  UPLOAD_TMP_DIR?: string;

  /**
   * The ffmpeg that draws video poster frames; default: `ffmpeg` on the PATH (Debian: apt-get
   * install ffmpeg). Without one, videos show without a poster.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  FFMPEG_PATH?: string;

  /** Files go to this S3-compatible bucket when set; to STORAGE_DIR otherwise. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a valid bucket name' })
  S3_BUCKET?: string;

  /** Endpoint of an S3-compatible service (MinIO, R2, …); AWS S3 when unset. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'S3_ENDPOINT must be an absolute http(s) URL' },
  )
  S3_ENDPOINT?: string;

  @IsString()
  S3_REGION = 'us-east-1';

  /** Static credentials; the SDK's default chain (environment, instance role) when unset. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (`endpoint/bucket/key`), which most S3-compatible servers need. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  /**
   * Invoices whose gross is above the amount of their currency need two different finance
   * approvers: `CUR=amount` pairs in the currency's major units, comma-separated. A currency not
   * listed needs one approver. Empty: one approver for every invoice.
   */
  @IsString()
  INVOICE_DUAL_APPROVAL_THRESHOLDS = 'KRW=50000000,IDR=500000000,USD=25000';

  /** How long an Idempotency-Key of an invoice submission is remembered (at least 24 hours). */
  @Transform(toInt)
  @IsInt()
  @Min(IDEMPOTENCY_KEY_MIN_HOURS)
  @Max(24 * 90)
  IDEMPOTENCY_KEY_TTL_HOURS = IDEMPOTENCY_KEY_MIN_HOURS;
}

export const ENV_KEYS = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'EMBEDDED_PG_DATA_DIR',
  'EMBEDDED_PG_PORT',
  'SEED_DEMO',
  'JWT_SECRET',
  'ACCESS_TOKEN_TTL_SECONDS',
  'REFRESH_TOKEN_TTL_DAYS',
  'INVITATION_TTL_HOURS',
  'PUBLIC_URL',
  'COOKIE_SECURE',
  'SMTP_URL',
  'MAIL_FROM',
  'LOG_LEVEL',
  'WEB_DIST_DIR',
  'LOGIN_FAILURES_BEFORE_DELAY',
  'LOGIN_DELAY_SECONDS',
  'LOGIN_MAX_DELAY_SECONDS',
  'LOGIN_MAX_FAILURES_PER_ADDRESS',
  'LOGIN_WINDOW_SECONDS',
  'REFRESH_REUSE_GRACE_SECONDS',
  'DB_CONNECT_TIMEOUT_MS',
  'DB_STATEMENT_TIMEOUT_MS',
  'DB_EXPORT_STATEMENT_TIMEOUT_MS',
  'DB_EXPORTS_MAX',
  'DB_EXPORTS_QUEUE_WAIT_MS',
  'DB_MIGRATION_STATEMENT_TIMEOUT_MS',
  'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
  'HEALTH_CHECK_TIMEOUT_MS',
  'TRUST_PROXY',
  'STORAGE_DIR',
  'SIGNED_DOCUMENT_MAX_BYTES',
  'METRIC_IMPORT_MAX_BYTES',
  'JOBS_ENABLED',
  'JOB_TIMEOUT_SECONDS',
  'UPLOAD_MAX_BYTES',
  'UPLOAD_TMP_DIR',
  'UPLOAD_EXPIRE_HOURS',
  'S3_BUCKET',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'INVOICE_DUAL_APPROVAL_THRESHOLDS',
  'IDEMPOTENCY_KEY_TTL_HOURS',
] as const satisfies readonly (keyof EnvironmentVariables)[];
