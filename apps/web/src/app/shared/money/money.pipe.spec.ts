import { TestBed } from '@angular/core/testing';
import { DISPLAY_LOCALE } from '../format/display-locale';
import { MoneyPipe } from './money.pipe';

/** Intl puts a no-break space between the code and the amount. */
function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

describe('MoneyPipe', () => {
  function pipeFor(locale: string): MoneyPipe {
    TestBed.configureTestingModule({ providers: [{ provide: DISPLAY_LOCALE, useValue: locale }] });
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
});
