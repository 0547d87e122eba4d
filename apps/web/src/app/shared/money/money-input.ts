import {
  Directive,
  ElementRef,
  LOCALE_ID,
  Renderer2,
  computed,
  effect,
  forwardRef,
  inject,
  input,
  untracked,
} from '@angular/core';
import {
  type AbstractControl,
  type ControlValueAccessor,
  NG_VALIDATORS,
  NG_VALUE_ACCESSOR,
  type ValidationErrors,
  type Validator,
} from '@angular/forms';
import { isKnownCurrency, minorDigits } from '@agency-portal/shared';
import { moneyError, moneyFromInputText, moneyToInputText } from './money-text';

/**
 * Turns a text input into a money field: people type decimal text in the currency and the
 * build's locale ("1,500,000" for KRW, "1,250.50" for USD in en and ko; "1.250,50" in id) and
 * the form control holds integer minor units
 * (or null while the text is empty or not an amount). Invalid text is a `money` error
 * ("Enter an amount in KRW with no decimals."); with no currency chosen yet, `moneyCurrency`.
 *
 * `<input matInput formControlName="budgetCapMinor" [apMoneyInput]="currency" />`
 *
 * When the currency changes the text stays as typed and is read again in the new currency.
 */
@Directive({
  selector: 'input[apMoneyInput]',
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => MoneyInput), multi: true },
    { provide: NG_VALIDATORS, useExisting: forwardRef(() => MoneyInput), multi: true },
  ],
  host: {
    autocomplete: 'off',
    '[attr.inputmode]': 'inputMode()',
    '(input)': 'readText()',
    '(blur)': 'tidyText()',
  },
})
export class MoneyInput implements ControlValueAccessor, Validator {
  /** ISO 4217 code the amount is in; '' while none is chosen. */
  readonly currency = input.required<string>({ alias: 'apMoneyInput' });

  private readonly element = inject<ElementRef<HTMLInputElement>>(ElementRef);
  private readonly renderer = inject(Renderer2);
  /** The build's language decides the marks: "1.234.567,89" in id, "1,234,567.89" in en and ko. */
  private readonly locale = inject(LOCALE_ID);
  private text = '';
  private value: number | null = null;
  /**
   * True while an amount the form set waits for a currency to be shown in: until then its minor
   * units are the truth. Once shown (or typed), the text is, and a new currency re-reads it.
   */
  private awaitingCurrency = false;
  private onChange: (value: number | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;
  private onValidatorChange: () => void = () => undefined;

  protected readonly inputMode = computed(() => {
    const currency = this.currency();
    return isKnownCurrency(currency) && minorDigits(currency) === 0 ? 'numeric' : 'decimal';
  });

  constructor() {
    effect(() => {
      const currency = this.currency();
      untracked(() => {
        if (this.awaitingCurrency) {
          this.awaitingCurrency = !isKnownCurrency(currency);
          this.showText(this.value === null ? '' : moneyToInputText(this.value, currency, this.locale));
        } else {
          // What the person sees keeps its meaning: "1,500" is re-read in the new currency.
          const value = this.text.trim() === '' ? null : moneyFromInputText(this.text, currency, this.locale);
          if (value !== this.value) {
            this.value = value;
            this.onChange(value);
          }
        }
        this.onValidatorChange();
      });
    });
  }

  writeValue(value: number | null | undefined): void {
    this.value = typeof value === 'number' ? value : null;
    const currency = this.currency();
    this.awaitingCurrency = this.value !== null && !isKnownCurrency(currency);
    this.showText(this.value === null ? '' : moneyToInputText(this.value, currency, this.locale));
  }

  registerOnChange(fn: (value: number | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  registerOnValidatorChange(fn: () => void): void {
    this.onValidatorChange = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.renderer.setProperty(this.element.nativeElement, 'disabled', disabled);
  }

  validate(_control: AbstractControl): ValidationErrors | null {
    if (this.text.trim() === '') {
      return null;
    }
    const currency = this.currency();
    if (!isKnownCurrency(currency)) {
      return { moneyCurrency: true };
    }
    return this.value === null ? { money: moneyError(currency) } : null;
  }

  protected readText(): void {
    this.awaitingCurrency = false;
    this.text = this.element.nativeElement.value;
    this.value = this.text.trim() === '' ? null : moneyFromInputText(this.text, this.currency(), this.locale);
    this.onChange(this.value);
  }

  /** On leaving the field a valid amount is shown the standard way ("1500000" → "1,500,000"). */
  protected tidyText(): void {
    this.onTouched();
    if (this.value !== null) {
      this.showText(moneyToInputText(this.value, this.currency(), this.locale));
    }
  }

  private showText(text: string): void {
    this.text = text;
    this.renderer.setProperty(this.element.nativeElement, 'value', text);
  }
}
