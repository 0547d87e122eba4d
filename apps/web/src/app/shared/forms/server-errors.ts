import type { AbstractControl } from '@angular/forms';
import type { ApiErrorBody } from '@agency-portal/shared';

/**
 * Puts the server's field errors (`details.fields`) onto the matching form controls as a
 * `server` error, so they show under the fields like any other validation message.
 * Returns the messages that matched no control, to show above the form.
 */
export function applyServerErrors(form: AbstractControl, error: ApiErrorBody): string[] {
  const unmatched: string[] = [];
  for (const fieldError of error.details?.fields ?? []) {
    const message = fieldError.messages.join(' ');
    const control = form.get(fieldError.field) ?? form.get(fieldError.field.split('.')[0]);
    if (control && control !== form) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unmatched.push(message);
    }
  }
  return unmatched;
}

/** Whether the error carries messages for individual fields. */
export function hasFieldErrors(error: ApiErrorBody | null): boolean {
  return (error?.details?.fields?.length ?? 0) > 0;
}
