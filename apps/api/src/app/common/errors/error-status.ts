import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@agency-portal/shared';

/** One place that decides the HTTP status of every error code. Exhaustive: a new code fails to compile here. */
export function statusForCode(code: ErrorCode): HttpStatus {
  switch (code) {
    case 'validation_failed':
    case 'invalid_invitation':
      return HttpStatus.BAD_REQUEST;
    case 'invalid_credentials':
    case 'unauthenticated':
    case 'session_expired':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
    case 'four_eyes_required':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
    case 'email_taken':
    case 'invalid_state':
    case 'invoice_number_taken':
    case 'already_billed':
      return HttpStatus.CONFLICT;
    case 'currency_mismatch':
    case 'deliverable_not_billable':
    case 'idempotency_key_reused':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'payload_too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'unsupported_media_type':
      return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    case 'invalid_rows':
    case 'invalid_mapping':
    case 'unreadable_file':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'range_not_satisfiable':
      return HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
    case 'too_many_attempts':
    case 'exports_busy':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'service_unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    case 'internal_error':
      return HttpStatus.INTERNAL_SERVER_ERROR;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Codes for errors raised by the framework itself (unknown route, body too large, …). */
export function codeForStatus(status: number): ErrorCode {
  switch (status as HttpStatus) {
    case HttpStatus.BAD_REQUEST:
      return 'validation_failed';
    case HttpStatus.UNAUTHORIZED:
      return 'unauthenticated';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.NOT_FOUND:
      return 'not_found';
    case HttpStatus.CONFLICT:
      return 'conflict';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'payload_too_large';
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return 'unsupported_media_type';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'too_many_attempts';
    case HttpStatus.SERVICE_UNAVAILABLE:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'validation_failed';
  }
}
