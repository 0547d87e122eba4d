import type { ApiErrorBody, ErrorCode } from '@agency-portal/shared';
import { ERRORS } from '@tus/server';
import type { DomainError } from '../common/errors/domain-error';
import { codeForStatus, statusForCode } from '../common/errors/error-status';

/** An error response in the portal's shape, `{ code, message, details? }`, with its status. */
export interface ErrorReply {
  status: number;
  body: ApiErrorBody;
}

export function domainErrorReply(error: DomainError): ErrorReply {
  const body: ApiErrorBody = { code: error.code, message: error.message };
  if (error.details) body.details = error.details;
  return { status: statusForCode(error.code), body };
}

export function internalErrorReply(correlationId: string): ErrorReply {
  return {
    status: 500,
    body: {
      code: 'internal_error',
      message: 'Something went wrong on our side. Quote the correlation id when reporting it.',
      correlationId,
    },
  };
}

type Known = { status: number; code: ErrorCode; message: string | ((limit: number) => string) };

/**
 * @tus/server's own errors (plain text, some unusual statuses) as the portal answers them. The
 * statuses a tus client acts on (404/410 start over, 409 ask HEAD, 413 give up) stay as they are.
 */
const KNOWN = new Map<string, Known>([
  [
    ERRORS.ERR_MAX_SIZE_EXCEEDED.body,
    {
      status: 413,
      code: 'payload_too_large',
      message: (limit) => `The file is larger than the upload limit of ${formatBytes(limit)}.`,
    },
  ],
  [
    ERRORS.ERR_SIZE_EXCEEDED.body,
    {
      status: 413,
      code: 'payload_too_large',
      message: 'The request carries more bytes than the upload declared.',
    },
  ],
  [
    ERRORS.INVALID_OFFSET.body,
    {
      status: 409,
      code: 'conflict',
      message: 'Upload-Offset does not match the bytes received so far: ask with HEAD and resume from there.',
    },
  ],
  [ERRORS.FILE_NOT_FOUND.body, { status: 404, code: 'not_found', message: 'Upload was not found.' }],
  [
    ERRORS.FILE_NO_LONGER_EXISTS.body,
    { status: 410, code: 'not_found', message: 'The upload no longer exists.' },
  ],
  [
    ERRORS.MISSING_OFFSET.body,
    { status: 400, code: 'validation_failed', message: 'The Upload-Offset header is required.' },
  ],
  [
    ERRORS.INVALID_CONTENT_TYPE.body,
    {
      status: 400,
      code: 'validation_failed',
      message: 'Send the bytes as Content-Type: application/offset+octet-stream.',
    },
  ],
  [
    ERRORS.INVALID_LENGTH.body,
    { status: 400, code: 'validation_failed', message: 'The Upload-Length header is required.' },
  ],
  [
    ERRORS.INVALID_METADATA.body,
    {
      status: 400,
      code: 'validation_failed',
      message: 'Upload-Metadata must be comma-separated pairs of a key and a base64 value.',
    },
  ],
  [
    ERRORS.ABORTED.body,
    {
      status: 409,
      code: 'conflict',
      message: 'Another request for this upload took over; resume from HEAD.',
    },
  ],
  [
    ERRORS.INVALID_TERMINATION.body,
    { status: 409, code: 'conflict', message: 'A finished upload cannot be terminated.' },
  ],
  [
    ERRORS.UNSUPPORTED_CONCATENATION_EXTENSION.body,
    {
      status: 400,
      code: 'validation_failed',
      message: 'Parallel uploads (Upload-Concat) are not supported.',
    },
  ],
  [
    ERRORS.UNSUPPORTED_CREATION_DEFER_LENGTH_EXTENSION.body,
    { status: 400, code: 'validation_failed', message: 'Give the Upload-Length when the upload is created.' },
  ],
  [
    'Tus-Resumable Required\n',
    { status: 412, code: 'validation_failed', message: 'Send the header Tus-Resumable: 1.0.0.' },
  ],
]);

/** A tus error (status and plain-text body) in the portal's shape; null for server errors, which reveal nothing. */
export function tusErrorReply(status: number, text: string, uploadLimit: number): ErrorReply | null {
  const known = KNOWN.get(text);
  if (known) {
    const message = typeof known.message === 'function' ? known.message(uploadLimit) : known.message;
    return { status: known.status, body: { code: known.code, message } };
  }
  if (status >= 500 || status < 400) return null;
  return {
    status,
    body: { code: codeForStatus(status), message: text.trim() || 'The request is not valid.' },
  };
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${rounded} ${units[unit]}`;
}
