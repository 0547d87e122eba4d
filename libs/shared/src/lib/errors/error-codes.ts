/**
 * Machine-readable error codes returned in `{ code, message, details? }` bodies.
 * The API maps each code to one HTTP status in an exhaustive switch.
 */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_credentials',
  'too_many_attempts',
  'unauthenticated',
  'session_expired',
  'forbidden',
  'not_found',
  'conflict',
  'email_taken',
  'invalid_invitation',
  'invalid_state',
  'invoice_number_taken',
  'currency_mismatch',
  'deliverable_not_billable',
  'already_billed',
  'idempotency_key_reused',
  'four_eyes_required',
  'payload_too_large',
  'unsupported_media_type',
  'service_unavailable',
  // Every export slot of the process is taken (429 with Retry-After).
  'exports_busy',
  'internal_error',
  // Outcomes: a batch or file refused whole with line-by-line errors, a column mapping that cannot
  // import the file, a CSV/XLSX that cannot be read.
  'invalid_rows',
  'invalid_mapping',
  'unreadable_file',
  // A Range header naming no byte of the file (416, with Content-Range: bytes */size).
  'range_not_satisfiable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  field: string;
  messages: string[];
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldError[]; [key: string]: unknown };
  correlationId?: string;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
