import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Required, and not only spaces. */
export const notBlank: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  if (typeof value === 'string' && value.length > 0 && value.trim().length === 0) {
    return { whitespace: true };
  }
  return null;
};

/** At least one item in an array value. */
export const nonEmptyArray: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  Array.isArray(control.value) && control.value.length > 0 ? null : { required: true };

/** A whole number (no fraction); empty values are left to `Validators.required`. */
export const wholeNumber: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  return value === null || value === undefined || value === '' || Number.isSafeInteger(value)
    ? null
    : { wholeNumber: true };
};

/** An amount in minor units above zero; empty values are left to `Validators.required`. */
export const positiveAmount: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  return typeof value === 'number' && value <= 0 ? { positiveAmount: true } : null;
};

/**
 * On a group: `endKey` (an ISO date) must not be before `startKey`. The error goes on the end
 * control, so it shows under that field; it is removed again once the order is right.
 */
export function dateOrder(startKey: string, endKey: string): ValidatorFn {
  return (group: AbstractControl): ValidationErrors | null => {
    const start = group.get(startKey);
    const end = group.get(endKey);
    if (!start || !end) {
      return null;
    }
    const startValue: unknown = start.value;
    const endValue: unknown = end.value;
    const wrongOrder =
      typeof startValue === 'string' &&
      typeof endValue === 'string' &&
      startValue !== '' &&
      endValue !== '' &&
      endValue < startValue;
    const { dateOrder: _previous, ...otherErrors } = end.errors ?? {};
    if (wrongOrder) {
      end.setErrors({ ...otherErrors, dateOrder: true });
    } else if (_previous) {
      end.setErrors(Object.keys(otherErrors).length > 0 ? otherErrors : null);
    }
    return null;
  };
}
