import { COMMON_CURRENCIES, CURRENCY_CODES } from '@agency-portal/shared';

/** Currencies for a select: the common ones first, then every other ISO 4217 code. */
export const CURRENCY_OPTIONS = {
  common: COMMON_CURRENCIES,
  others: CURRENCY_CODES.filter((code) => !COMMON_CURRENCIES.includes(code)),
} as const;
