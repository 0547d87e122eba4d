import { ChangeDetectionStrategy, Component, LOCALE_ID, signal } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { validationMessage } from '../forms/validation-message';
import { MoneyInput } from './money-input';

@Component({
  imports: [MoneyInput, ReactiveFormsModule],
  template: `<input
    aria-label="Amount"
    i18n-aria-label
    [formControl]="amount"
    [apMoneyInput]="currency()"
  />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class MoneyHost {
  readonly currency = signal('KRW');
  readonly amount = new FormControl<number | null>(null, Validators.required);
}

describe('MoneyInput', () => {
  let fixture: ComponentFixture<MoneyHost>;
  let host: MoneyHost;
  let field: HTMLInputElement;

  beforeEach(async () => {
    fixture = TestBed.createComponent(MoneyHost);
    host = fixture.componentInstance;
    field = (fixture.nativeElement as HTMLElement).querySelector('input') as HTMLInputElement;
    await fixture.whenStable();
  });

  async function type(text: string): Promise<void> {
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function useCurrency(currency: string): Promise<void> {
    host.currency.set(currency);
    await fixture.whenStable();
  }

  it('should yield whole won when the currency is KRW', async () => {
    await type('1,500,000');

    expect(host.amount.value).toBe(1500000);
    expect(host.amount.valid).toBe(true);
  });

  it('should reject decimals when the currency is KRW', async () => {
    await type('1500.5');

    expect(host.amount.value).toBeNull();
    expect(validationMessage(host.amount.errors)).toBe('Enter an amount in KRW with no decimals.');
  });

  it('should yield cents when the currency is USD', async () => {
    await useCurrency('USD');

    await type('1,250.5');

    expect(host.amount.value).toBe(125050);
    expect(host.amount.valid).toBe(true);
  });

  it('should keep exact cents when the decimal has no exact float form', async () => {
    await useCurrency('USD');

    await type('0.29');

    expect(host.amount.value).toBe(29);
  });

  it('should reject the text when it has more than two decimals in USD', async () => {
    await useCurrency('USD');

    await type('12.345');

    expect(host.amount.value).toBeNull();
    expect(validationMessage(host.amount.errors)).toBe('Enter an amount in USD with at most 2 decimals.');
  });

  it('should reject the text when it is not an amount', async () => {
    await type('12 apples');

    expect(validationMessage(host.amount.errors)).toBe('Enter an amount in KRW with no decimals.');
  });

  it('should show the decimal text of the minor units when the value is set from code', async () => {
    await useCurrency('USD');

    host.amount.setValue(150000050);
    await fixture.whenStable();

    expect(field.value).toBe('1,500,000.50');
  });

  it('should show an amount set before its currency is known once the currency arrives', async () => {
    await useCurrency('');
    host.amount.setValue(50000000);
    await fixture.whenStable();

    await useCurrency('KRW');

    expect(field.value).toBe('50,000,000');
    expect(host.amount.value).toBe(50000000);
    expect(host.amount.valid).toBe(true);
  });

  it('should read the shown text again when the currency of an amount set from code changes', async () => {
    host.amount.setValue(1500);
    await fixture.whenStable();

    await useCurrency('USD');

    expect(field.value).toBe('1,500');
    expect(host.amount.value).toBe(150000);
  });

  it('should read the same text again when the currency changes', async () => {
    await type('1500');
    expect(host.amount.value).toBe(1500);

    await useCurrency('USD');

    expect(host.amount.value).toBe(150000);
  });

  it('should ask for the currency when none is chosen yet', async () => {
    await useCurrency('');

    await type('100');

    expect(validationMessage(host.amount.errors)).toBe('Choose the currency first.');
  });

  it('should say the field is required when it is empty', async () => {
    await type('');

    expect(validationMessage(host.amount.errors)).toBe('This field is required.');
  });

  it('should tidy the text when the field loses focus', async () => {
    await type('1500000');

    field.dispatchEvent(new Event('blur'));
    await fixture.whenStable();

    expect(field.value).toBe('1,500,000');
    expect(host.amount.touched).toBe(true);
  });
});

describe.each([
  { locale: 'id', typed: '1.234.567,89', shown: '1.234.567,89', otherMarks: '1,234,567.89' },
  { locale: 'ko', typed: '1,234,567.89', shown: '1,234,567.89', otherMarks: '1.234.567,89' },
  { locale: 'en', typed: '1234567.89', shown: '1,234,567.89', otherMarks: '1.234.567,89' },
])('MoneyInput in the $locale build', ({ locale, typed, shown, otherMarks }) => {
  let fixture: ComponentFixture<MoneyHost>;
  let host: MoneyHost;
  let field: HTMLInputElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [{ provide: LOCALE_ID, useValue: locale }] });
    fixture = TestBed.createComponent(MoneyHost);
    host = fixture.componentInstance;
    host.currency.set('IDR');
    field = (fixture.nativeElement as HTMLElement).querySelector('input') as HTMLInputElement;
    await fixture.whenStable();
  });

  async function type(text: string): Promise<void> {
    field.value = text;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it("should read the locale's marks into exact minor units", async () => {
    await type(typed);

    expect(host.amount.value).toBe(123456789);
    field.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
    expect(field.value).toBe(shown);
  });

  it("should refuse the other convention's marks", async () => {
    await type(otherMarks);

    expect(host.amount.value).toBeNull();
    expect(validationMessage(host.amount.errors)).toBe('Enter an amount in IDR with at most 2 decimals.');
  });

  it("should show an amount set from code in the locale's marks", async () => {
    host.amount.setValue(250000000000);
    await fixture.whenStable();

    expect(field.value).toBe(locale === 'id' ? '2.500.000.000,00' : '2,500,000,000.00');
  });
});
