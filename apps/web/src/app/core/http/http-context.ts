import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Marks a request whose caller shows errors itself (inline on a page or a form),
 * so the error interceptor does not also raise a snackbar.
 */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

export function silentErrors(): HttpContext {
  return new HttpContext().set(SILENT_ERRORS, true);
}
