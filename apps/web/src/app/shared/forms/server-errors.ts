import { type Signal, effect, signal, untracked } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import type { ApiErrorBody } from '@agency-portal/shared';

/** "rateCard[1].code" and "rateCard.1.code" both name the control at rateCard → 1 → code. */
function controlPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Puts the server's field errors (`details.fields`) onto the matching form controls as a
 * `server` error, so they show under the fields like any other validation message.
 * Row fields such as `rateCard.1.code` land on that row's control of a FormArray; a path with
 * no control falls back to its first segment (e.g. the whole `rateCard` array).
 * `renameField` maps API field names onto the form's control names where they differ.
 * Returns the messages that matched no control, to show above the form.
 */
export function applyServerErrors(
  form: AbstractControl,
  error: ApiErrorBody,
  renameField: (field: string) => string = (field) => field,
): string[] {
  const unmatched: string[] = [];
  for (const fieldError of error.details?.fields ?? []) {
    const message = fieldError.messages.join(' ');
    const path = renameField(controlPath(fieldError.field));
    const control = form.get(path) ?? form.get(path.split('.')[0]);
    if (control && control !== form) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      unmatched.push(message);
    }
  }
  return unmatched;
}

/**
 * Applies every error the `serverError` signal brings to `form` (see applyServerErrors) and returns
 * the messages that matched no control. The form is touched untracked, so only a new error re-runs
 * it. Call in an injection context (a field initializer of the form component).
 */
export function serverErrorsOn(
  form: AbstractControl,
  serverError: Signal<ApiErrorBody | null>,
  renameField?: (field: string) => string,
): Signal<string[]> {
  const unmatched = signal<string[]>([]);
  effect(() => {
    const error = serverError();
    untracked(() => unmatched.set(error ? applyServerErrors(form, error, renameField) : []));
  });
  return unmatched.asReadonly();
}

/** Whether the error carries messages for individual fields. */
export function hasFieldErrors(error: ApiErrorBody | null): boolean {
  return (error?.details?.fields?.length ?? 0) > 0;
}
