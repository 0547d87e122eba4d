import { formatNumber, formatPercent } from '@angular/common';
import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { type MoneyError, moneyErrorMessage } from '../money/money-text';

/** The message for a control's first error, for display in `<mat-error>`. */
export function validationMessage(errors: ValidationErrors | null | undefined, locale = 'en'): string {
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
    return $localize`:Validation message of a form field:Choose the currency first.`;
  }
  if (errors['required']) {
    return $localize`:Validation message of a form field:This field is required.`;
  }
  if (errors['email']) {
    return $localize`:Validation message of a form field:Enter a valid email address.`;
  }
  const minLength = errors['minlength'] as { requiredLength: number } | undefined;
  if (minLength) {
    return $localize`:Validation message of a form field:Use at least ${minLength.requiredLength}:count: characters.`;
  }
  const maxLength = errors['maxlength'] as { requiredLength: number } | undefined;
  if (maxLength) {
    return $localize`:Validation message of a form field:Use at most ${maxLength.requiredLength}:count: characters.`;
  }
  if (errors['whitespace']) {
    return $localize`:Validation message of a form field:This field cannot be blank.`;
  }
  if (errors['mismatch']) {
    return $localize`:Validation message of a form field:The passwords do not match.`;
  }
  if (errors['positiveAmount']) {
    return $localize`:Validation message of a form field:Enter an amount above zero.`;
  }
  if (errors['wholeNumber']) {
    return $localize`:Validation message of a form field:Enter a whole number.`;
  }
  const quantity = errors['quantity'] as { unit: string } | undefined;
  if (quantity) {
    return quantity.unit === 'deliverable'
      ? $localize`:Validation message of a form field:Enter a whole number of deliverables above zero.`
      : $localize`:Validation message of a form field:Enter a quantity above zero with at most 2 decimals.`;
  }
  const min = errors['min'] as { min: number } | undefined;
  if (min) {
    return $localize`:Validation message of a form field:Enter ${formatNumber(min.min, locale)}:min: or more.`;
  }
  const max = errors['max'] as { max: number } | undefined;
  if (max) {
    return $localize`:Validation message of a form field:Enter ${formatNumber(max.max, locale)}:max: or less.`;
  }
  if (errors['dateOrder']) {
    return $localize`:Validation message of a form field:The end must be on or after the start.`;
  }
  const allocationTotal = errors['allocationTotal'] as { total: number } | undefined;
  if (allocationTotal) {
    return $localize`:Validation message of a form field:Allocations add up to ${formatPercent(allocationTotal.total / 100, locale, '1.0-2')}:total:: at most ${formatPercent(1, locale)}:max: of the budget can be allocated.`;
  }
  if (errors['duplicateGoal']) {
    return $localize`:Validation message of a form field:Each goal can be allocated only once.`;
  }
  return $localize`:Validation message of a form field:This value is not valid.`;
}

@Pipe({ name: 'validationMessage' })
export class ValidationMessagePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(errors: ValidationErrors | null | undefined): string {
    return validationMessage(errors, this.locale);
  }
}
