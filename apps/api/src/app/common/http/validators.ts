import { applyDecorators } from '@nestjs/common';
import { SUPPORTED_LOCALES, isKnownCurrency, isLocale, isTimeZone } from '@agency-portal/shared';
import { IsISO8601, Matches, ValidateBy, type ValidationOptions } from 'class-validator';

/** A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30). */
export function IsIsoDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD.' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date.' }),
  );
}

/** An ISO 4217 currency code the portal knows. */
export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCurrencyCode',
      validator: {
        validate: (value: unknown) => isKnownCurrency(value),
        defaultMessage: () => '$property must be an ISO 4217 currency code such as USD, KRW or IDR.',
      },
    },
    options,
  );
}

/** A non-negative whole number of minor units that stays exact in JSON. */
export function IsMinorUnits(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMinorUnits',
      validator: {
        validate: (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0,
        defaultMessage: () => '$property must be a non-negative whole number of minor currency units.',
      },
    },
    options,
  );
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** One of the languages the portal speaks (`SUPPORTED_LOCALES`). */
export function IsSupportedLocale(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSupportedLocale',
      validator: {
        validate: (value: unknown) => isLocale(value),
        defaultMessage: () =>
          `$property must be one of the following values: ${SUPPORTED_LOCALES.join(', ')}.`,
      },
    },
    options,
  );
}

/** An IANA time zone such as Asia/Seoul (null is checked by the caller's ValidateIf). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => isTimeZone(value),
        defaultMessage: () => '$property must be an IANA time zone such as Asia/Seoul.',
      },
    },
    options,
  );
}
