import { isKnownCurrency, minorDigits, minorToDecimalString, parseMoneyInput } from '@agency-portal/shared';

/** What a money field says is wrong with its text. */
export interface MoneyError {
  currency: string;
  digits: number;
}

/** "1500000050" minor units of USD → "15,000,000.50": decimal text with thousands separators, no float. */
export function moneyToInputText(amountMinor: number, currency: string): string {
  if (!isKnownCurrency(currency) || !Number.isSafeInteger(amountMinor)) {
    return String(amountMinor);
  }
  const [whole, fraction] = minorToDecimalString(amountMinor, currency).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Minor units of what a person typed, or null when it is not an amount in the currency. */
export function moneyFromInputText(text: string, currency: string): number | null {
  return isKnownCurrency(currency) ? parseMoneyInput(text, currency) : null;
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
