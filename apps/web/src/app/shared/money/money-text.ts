import { formatMoneyInput, isKnownCurrency, minorDigits, parseMoneyInput } from '@agency-portal/shared';

/** What a money field says is wrong with its text. */
export interface MoneyError {
  currency: string;
  digits: number;
}

/**
 * Minor units as a money field's text in the locale's marks, no float: 1500000050 minor units of
 * USD → "15,000,000.50" in en and ko, "15.000.000,50" in id.
 */
export function moneyToInputText(amountMinor: number, currency: string, locale: string): string {
  if (!isKnownCurrency(currency) || !Number.isSafeInteger(amountMinor)) {
    return String(amountMinor);
  }
  return formatMoneyInput(amountMinor, currency, locale);
}

/** Minor units of what a person typed in the locale's marks, or null when it is not an amount. */
export function moneyFromInputText(text: string, currency: string, locale: string): number | null {
  return isKnownCurrency(currency) ? parseMoneyInput(text, currency, locale) : null;
}

export function moneyError(currency: string): MoneyError {
  return { currency, digits: minorDigits(currency) };
}

/** "Enter an amount in KRW with no decimals." / "…in USD with at most 2 decimals." */
export function moneyErrorMessage({ currency, digits }: MoneyError): string {
  if (digits === 0) {
    return $localize`:Validation of a money field@@money.noDecimals:Enter an amount in ${currency}:currency: with no decimals.`;
  }
  return $localize`:Validation of a money field@@money.maxDecimals:Enter an amount in ${currency}:currency: with at most ${digits}:digits: decimals.`;
}
