import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorBodyOf, describeError } from '../../core/http/api-error';

/** Why an upload of the signed PDF failed, in words; the server's own message where it gave one. */
export function uploadErrorMessage(error: unknown): string {
  const body = apiErrorBodyOf(error);
  if (body) {
    return body.message;
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 413) {
      return $localize`The file is too large to upload.`;
    }
    if (error.status === 415) {
      return $localize`That file is not a PDF. Upload the signed contract as a PDF.`;
    }
  }
  return describeError(error);
}
