import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUPPORTED_LOCALES, isKnownCurrency, isLocale, isTimeZone } from '@agency-portal/shared';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

/** A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30). */
export function IsIsoDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD.' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date.' }),
  );
}

/**
 * A calendar date (`2026-03-01`) or an instant with its offset (`2026-03-01T09:30:00Z`,
 * `…+09:00`): what a person means by a point in time. Week dates, ordinal dates, bare years and
 * impossible dates are refused, so only values PostgreSQL reads the same way get through.
 */
export function IsDateOrInstant(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
      message: '$property must be a date (YYYY-MM-DD) or a date and time with its offset (ISO 8601)',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a real date and time' }),
  );
}

/** One nested object of a DTO class: an array, a string or a number there is a 400, like any wrong type. */
export function NestedObject(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ message: '$property must be an object' }), ValidateNested(), Type(type));
}

/** An array whose every item is an object of a DTO class. */
export function NestedObjects(type: () => new () => object): PropertyDecorator {
  return applyDecorators(
    IsObject({ each: true, message: 'each item of $property must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
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

/*
 * Optional fields and filters, each with its OpenAPI description stated explicitly (the swagger
 * plugin cannot see through a composite decorator, so these carry what it would have read).
 */

/** An optional field or filter that is one of `values`. */
export function OptionalIn(values: readonly string[]): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ enum: values }), IsOptional(), IsIn(values));
}

/** An optional calendar date as `YYYY-MM-DD`. */
export function OptionalDate(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional({ format: 'date' }), IsOptional(), IsIsoDate());
}

/** An optional reference that `null` clears (a parent unit, a user's agency). */
export function OptionalNullableUuid(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ nullable: true, format: 'uuid' }),
    IsOptional(),
    ValidateIf((_, value) => value !== null),
    IsUUID(),
  );
}

/** A non-empty list of distinct values of `values` (a goal's or a brief's channels). */
export function DistinctValues(
  values: readonly string[],
  options: { optional?: boolean } = {},
): PropertyDecorator {
  const openApi = { enum: values, isArray: true, minItems: 1, uniqueItems: true };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(openApi), IsOptional()] : [ApiProperty(openApi)]),
    IsArray(),
    ArrayMinSize(1),
    ArrayUnique(),
    IsIn(values, { each: true }),
  );
}
