import type { ErrorCode, FieldError } from '@agency-portal/shared';

export interface DomainErrorDetails {
  fields?: FieldError[];
  [key: string]: unknown;
}

/** A failure the caller can act on. The exception filter maps `code` to an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: DomainErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function notFound(what: string): DomainError {
  return new DomainError('not_found', `${what} was not found.`);
}

export function fieldError(
  field: string,
  message: string,
  code: ErrorCode = 'validation_failed',
): DomainError {
  return new DomainError(code, message, {
    fields: [{ field, messages: [message] }],
  });
}

export function forbidden(message = 'You do not have permission to do this.'): DomainError {
  return new DomainError('forbidden', message);
}

export function invalidState(message: string): DomainError {
  return new DomainError('invalid_state', message);
}
