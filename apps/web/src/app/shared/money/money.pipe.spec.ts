import { TestBed } from '@angular/core/testing';
import { LOCALE_ID } from '@angular/core';
import { MoneyPipe } from './money.pipe';

/** Intl puts a no-break space between the code and the amount. */
function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

describe('MoneyPipe', () => {
  function pipeFor(locale: string): MoneyPipe {
    TestBed.configureTestingModule({ providers: [{ provide: LOCALE_ID, useValue: locale }] });
    return TestBed.runInInjectionContext(() => new MoneyPipe());
  }

  it('should show no decimals when the currency is KRW', () => {
    const pipe = pipeFor('en-US');

    expect(plain(pipe.transform(1500000, 'KRW'))).toBe('KRW 1,500,000');
  });

  it('should show two decimals when the currency is USD', () => {
    const pipe = pipeFor('en-US');

    expect(plain(pipe.transform(150000050, 'USD'))).toBe('USD 1,500,000.50');
    expect(plain(pipe.transform(5, 'USD'))).toBe('USD 0.05');
  });

  it('should keep every digit when the amount is beyond float precision of its decimal value', () => {
    const pipe = pipeFor('en-US');

    expect(plain(pipe.transform(9007199254740991, 'USD'))).toBe('USD 90,071,992,547,409.91');
  });

  it("should use the locale's separators when the locale is German", () => {
    const pipe = pipeFor('de-DE');

    expect(plain(pipe.transform(123456789, 'EUR'))).toBe('1.234.567,89 EUR');
  });

  it('should show a dash when there is no amount', () => {
    const pipe = pipeFor('en-US');

    expect(pipe.transform(null, 'USD')).toBe('—');
    expect(pipe.transform(100, null)).toBe('—');
  });

  it.each([
    ['en', 'KRW', 180000000, 'KRW 180,000,000'],
    ['ko', 'KRW', 180000000, 'KRW 180,000,000'],
    ['id', 'KRW', 180000000, 'KRW 180.000.000'],
    ['en', 'IDR', 250000000000, 'IDR 2,500,000,000.00'],
    ['ko', 'IDR', 250000000000, 'IDR 2,500,000,000.00'],
    ['id', 'IDR', 250000000000, 'IDR 2.500.000.000,00'],
    ['en', 'USD', 12000050, 'USD 120,000.50'],
    ['ko', 'USD', 12000050, 'USD 120,000.50'],
    ['id', 'USD', 12000050, 'USD 120.000,50'],
  ])('should follow the %s build when the currency is %s', (locale, currency, amount, shown) => {
    expect(plain(pipeFor(locale).transform(amount, currency))).toBe(shown);
  });
});
