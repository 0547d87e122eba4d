import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';
import { formatMoney, isKnownCurrency } from '@agency-portal/shared';

/**
 * Minor units plus a currency code, formatted for people: `{{ cap | money: 'KRW' }}` → "KRW 1,500,000",
 * `{{ 150000050 | money: 'USD' }}` → "USD 1,500,000.50". Never goes through a float.
 */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(amountMinor: number | null | undefined, currency: string | null | undefined): string {
    if (amountMinor === null || amountMinor === undefined || !currency) {
      return '—';
    }
    if (!isKnownCurrency(currency) || !Number.isSafeInteger(amountMinor)) {
      // Not expected from the API; show the raw figures rather than a wrong amount.
      return `${String(amountMinor)} ${currency} (minor units)`;
    }
    return formatMoney(amountMinor, currency, this.locale);
  }
}
