import { isKnownCurrency, minorDigits } from '@agency-portal/shared';

/**
 * `KRW=50000000,USD=25000.50` → minor units by currency, or the problems found: unknown
 * currencies, amounts that are not decimal numbers, more decimals than the currency has, a
 * currency named twice.
 */
export function parseThresholds(text: string): { thresholds: Record<string, number>; problems: string[] } {
  const thresholds: Record<string, number> = {};
  const problems: string[] = [];
  const name = 'INVOICE_DUAL_APPROVAL_THRESHOLDS';
  for (const pair of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Z]{3})=(\d+)(?:\.(\d+))?$/.exec(pair);
    if (!match) {
      problems.push(`${name}: "${pair}" must look like USD=25000 (currency code = amount in major units)`);
      continue;
    }
    const [, currency = '', whole = '', fraction = ''] = match;
    if (!isKnownCurrency(currency)) {
      problems.push(`${name}: ${pair.slice(0, 3)} is not an ISO 4217 currency code`);
      continue;
    }
    const digits = minorDigits(currency);
    if (fraction.length > digits) {
      problems.push(
        `${name}: ${currency} has ${digits} decimal${digits === 1 ? '' : 's'}, "${pair}" has more`,
      );
      continue;
    }
    const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
    if (!Number.isSafeInteger(minor)) {
      problems.push(`${name}: the amount of ${currency} is too large`);
      continue;
    }
    if (currency in thresholds) problems.push(`${name}: ${currency} is named twice`);
    thresholds[currency] = minor;
  }
  return { thresholds, problems };
}
