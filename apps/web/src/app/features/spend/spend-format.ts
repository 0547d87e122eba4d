import { numberMarks } from '@agency-portal/shared';

/** A positive decimal with up to 12 digits before and 12 after the point (the API's rule). */
export const RATE_PATTERN = /^(?!0+(\.0+)?$)\d{1,12}(\.\d{1,12})?$/;

/** A rate's decimal text ("0.000731") in the locale's marks ("0,000731" in id), never through a float. */
export function formatRate(rate: string, locale: string, useGrouping = true): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 12, useGrouping }).format(
    rate as Intl.StringNumericLiteral,
  );
}

/**
 * What a person typed as a rate, as the API's decimal text: the locale's decimal mark becomes a
 * point; group marks are refused (a rate is never that long). Null when it is not a positive rate.
 */
export function parseRate(text: string, locale: string): string | null {
  const { decimal, group } = numberMarks(locale);
  const trimmed = text.trim();
  if (trimmed.includes(group) && group !== decimal) return null;
  const normalised = decimal === '.' ? trimmed : trimmed.replace(decimal, '.');
  return RATE_PATTERN.test(normalised) ? normalised : null;
}
