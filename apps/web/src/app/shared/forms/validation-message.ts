import { Pipe, type PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { type MoneyError, moneyErrorMessage } from '../money/money-text';

/** The message for a control's first error, for display in `<mat-error>`. */
export function validationMessage(errors: ValidationErrors | null | undefined): string {
  if (!errors) {
    return '';
  }
  if (typeof errors['server'] === 'string') {
    return errors['server'];
  }
  // Before "required": a money field with unreadable text also has no value.
  const money = errors['money'] as MoneyError | undefined;
  if (money) {
    return moneyErrorMessage(money);
  }
  if (errors['moneyCurrency']) {
    return 'Choose the currency first.';
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
  if (errors['positiveAmount']) {
    return 'Enter an amount above zero.';
  }
  if (errors['wholeNumber']) {
    return 'Enter a whole number.';
  }
  const min = errors['min'] as { min: number } | undefined;
  if (min) {
    return `Enter ${min.min} or more.`;
  }
  const max = errors['max'] as { max: number } | undefined;
  if (max) {
    return `Enter ${max.max} or less.`;
  }
  if (errors['dateOrder']) {
    return 'The end must be on or after the start.';
  }
  const allocationTotal = errors['allocationTotal'] as { total: number } | undefined;
  if (allocationTotal) {
    return `Allocations add up to ${allocationTotal.total}%: at most 100% of the budget can be allocated.`;
  }
  if (errors['duplicateGoal']) {
    return 'Each goal can be allocated only once.';
  }
  return 'This value is not valid.';
}

@Pipe({ name: 'validationMessage' })
export class ValidationMessagePipe implements PipeTransform {
  transform(errors: ValidationErrors | null | undefined): string {
    return validationMessage(errors);
  }
}
