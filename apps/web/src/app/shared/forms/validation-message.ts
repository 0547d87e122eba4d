import { Pipe, type PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';

/** The message for a control's first error, for display in `<mat-error>`. */
export function validationMessage(errors: ValidationErrors | null | undefined): string {
  if (!errors) {
    return '';
  }
  if (typeof errors['server'] === 'string') {
    return errors['server'];
  }
  if (errors['required']) {
    return 'This field is required.';
  }
  if (errors['email']) {
    return 'Enter a valid email address.';
  }
  const minLength = errors['minlength'] as { requiredLength: number } | undefined;
  if (minLength) {
    return `Use at least ${minLength.requiredLength} characters.`;
  }
  const maxLength = errors['maxlength'] as { requiredLength: number } | undefined;
  if (maxLength) {
    return `Use at most ${maxLength.requiredLength} characters.`;
  }
  if (errors['whitespace']) {
    return 'This field cannot be blank.';
  }
  if (errors['mismatch']) {
    return 'The passwords do not match.';
  }
  return 'This value is not valid.';
}

@Pipe({ name: 'validationMessage' })
export class ValidationMessagePipe implements PipeTransform {
  transform(errors: ValidationErrors | null | undefined): string {
    return validationMessage(errors);
  }
}
