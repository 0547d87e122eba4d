import type { ValidationError } from '@nestjs/common';
import { SUPPORTED_LOCALES } from '@agency-portal/shared';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { msg, type Message, type MessageParams } from '../../i18n/message';

type Args = readonly unknown[];

const count = (args: Args): number => Number(args[0]);
const list = (values: unknown): string =>
  Array.isArray(values) ? values.map(String).join(', ') : String(values);

/**
 * class-validator's failures by constraint name, with the constraint's arguments as placeholders,
 * so they translate like any other text. The English keeps the sense of class-validator's own.
 */
export const CONSTRAINT_MESSAGES: Readonly<Record<string, (args: Args) => Message>> = {
  arrayMaxSize: (args) =>
    msg('{property} must contain at most {max, plural, one {# item} other {# items}}.', { max: count(args) }),
  arrayMinSize: (args) =>
    msg('{property} must contain at least {min, plural, one {# item} other {# items}}.', {
      min: count(args),
    }),
  arrayUnique: () => msg('All values of {property} must be different.'),
  isArray: () => msg('{property} must be a list.'),
  isObject: () => msg('{property} must be an object.'),
  isBoolean: () => msg('{property} must be true or false.'),
  isCurrencyCode: () => msg('{property} must be an ISO 4217 currency code such as USD, KRW or IDR.'),
  isEmail: () => msg('{property} must be an email address.'),
  isIn: (args) => msg('{property} must be one of the following values: {values}.', { values: list(args[0]) }),
  isInt: () => msg('{property} must be a whole number.'),
  isIso8601: () => msg('{property} must be a date and time in ISO 8601 format.'),
  isMinorUnits: () => msg('{property} must be a non-negative whole number of minor currency units.'),
  isNotEmpty: () => msg('{property} must not be empty.'),
  isNumber: () => msg('{property} must be a number.'),
  isString: () => msg('{property} must be text.'),
  isSupportedLocale: () =>
    msg('{property} must be one of the following values: {values}.', {
      values: SUPPORTED_LOCALES.join(', '),
    }),
  isTimeZone: () => msg('{property} must be an IANA time zone such as Asia/Seoul.'),
  isUrl: () => msg('{property} must be a URL.'),
  isUuid: () => msg('{property} must be a UUID.'),
  matches: () => msg('{property} has the wrong format.'),
  max: (args) => msg('{property} must not be greater than {max, number}.', { max: count(args) }),
  maxLength: (args) =>
    msg('{property} must be at most {max, plural, one {# character} other {# characters}} long.', {
      max: count(args),
    }),
  min: (args) => msg('{property} must not be less than {min, number}.', { min: count(args) }),
  minLength: (args) =>
    msg('{property} must be at least {min, plural, one {# character} other {# characters}} long.', {
      min: count(args),
    }),
  nestedValidation: () => msg('{property} must be an object or a list of objects.'),
  whitelistValidation: () => msg('{property} is not a field of this request.'),
};

/** A DTO's own message (`{ message: '$property must be …' }`) as a catalog key. */
export function customMessageKey(message: string): string {
  return message.replace(/\$property/g, '{property}').replace(/\$constraint(\d)/g, '{constraint$1}');
}

function metadataOf(error: ValidationError, constraint: string): ValidationMetadata | undefined {
  const target = error.target?.constructor;
  if (!target) return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find(
      (metadata) =>
        metadata.propertyName === error.property && (metadata.name ?? metadata.type) === constraint,
    );
}

/**
 * The translatable text of one failed constraint: the DTO's own message when it gives one,
 * otherwise the constraint's message with its arguments; class-validator's English as the last
 * resort for a constraint nobody named here (the catalog test keeps that from happening).
 */
export function constraintMessage(error: ValidationError, constraint: string): Message | string {
  const metadata = metadataOf(error, constraint);
  const args: Args = metadata?.constraints ?? [];
  const params: Record<string, MessageParams[string]> = { property: error.property };
  args.forEach((arg, index) => {
    if (typeof arg === 'string' || typeof arg === 'number') params[`constraint${index + 1}`] = arg;
  });
  // class-validator words ValidateNested's failure as a message of its own; ours translates.
  if (metadata && metadata.type !== 'nestedValidation' && typeof metadata.message === 'string') {
    return msg(customMessageKey(metadata.message), params);
  }
  const known = CONSTRAINT_MESSAGES[constraint]?.(args);
  if (known) return msg(known.key, { ...params, ...known.params });
  return error.constraints?.[constraint] ?? msg('The request is not valid.');
}
