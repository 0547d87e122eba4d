import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@agency-portal/shared';
import { isApiErrorBody } from '@agency-portal/shared';

const UNREACHABLE_MESSAGE = $localize`Cannot reach the server. Check your connection and try again.`;

/** The server's `{ code, message, details? }` body carried by an HTTP error, if any. */
export function apiErrorBodyOf(error: unknown): ApiErrorBody | null {
  if (error instanceof HttpErrorResponse) {
    return isApiErrorBody(error.error) ? error.error : null;
  }
  return isApiErrorBody(error) ? error : null;
}

/** A message fit for a person: the server's own message where there is one. */
export function describeError(error: unknown): string {
  const body = apiErrorBodyOf(error);
  if (body) {
    return body.correlationId && body.code === 'internal_error'
      ? $localize`:An error message with the reference support can look up@@error.withReference:${body.message}:message: (reference ${body.correlationId}:reference:)`
      : body.message;
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return UNREACHABLE_MESSAGE;
    }
    return $localize`Something went wrong (HTTP ${error.status}:status:). Please try again.`;
  }
  return $localize`Something went wrong. Please try again.`;
}

/** Always an error body: the server's, or one made up from what the client saw. */
export function toApiError(error: unknown): ApiErrorBody {
  const body = apiErrorBodyOf(error);
  if (body) {
    return body;
  }
  const status = error instanceof HttpErrorResponse ? error.status : -1;
  return {
    code: status === 404 ? 'not_found' : 'internal_error',
    message: describeError(error),
  };
}
