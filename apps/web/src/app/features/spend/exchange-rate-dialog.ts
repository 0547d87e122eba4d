import { ChangeDetectionStrategy, Component, LOCALE_ID, inject, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiErrorBody, ExchangeRateDto } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { toApiError } from '../../core/http/api-error';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { CURRENCY_OPTIONS } from '../../shared/money/currency-options';
import { formatRate, parseRate } from './spend-format';
import { SpendService } from './spend.service';

export interface ExchangeRateDialogData {
  /** The rate to change; without one the dialog adds a rate. */
  rate?: ExchangeRateDto;
  /** The reporting currency a new rate starts with. */
  reportingCurrency: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Adds finance's rate of a currency for a month (units of the reporting currency for one unit of
 * the currency), or changes one; saves itself so the server's refusals (a rate already kept for
 * that month) show beside the fields. Closes with the saved rate.
 */
@Component({
  selector: 'ap-exchange-rate-dialog',
  imports: [
    FormErrorAlert,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <h2 mat-dialog-title>
      @if (data.rate) {
        <ng-container i18n>Change the exchange rate</ng-container>
      } @else {
        <ng-container i18n>Add an exchange rate</ng-container>
      }
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <ap-form-error-alert [error]="error()" [unmatched]="unmatched()" />
        <mat-form-field class="ap-field">
          <mat-label i18n="The month an exchange rate applies to">Month</mat-label>
          <input matInput type="month" formControlName="month" required />
          <mat-hint i18n>Invoices issued in this month are converted at this rate.</mat-hint>
          <mat-error>{{ form.controls.month.errors | validationMessage }}</mat-error>
        </mat-form-field>
        <div class="ap-field-row">
          <mat-form-field>
            <mat-label i18n>Currency</mat-label>
            <mat-select formControlName="currency" required>
              @for (code of currencies.common; track code) {
                <mat-option [value]="code">{{ code }}</mat-option>
              }
              @for (code of currencies.others; track code) {
                <mat-option [value]="code">{{ code }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.currency.errors | validationMessage }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="The currency every amount is also converted to">Reporting currency</mat-label>
            <mat-select formControlName="reportingCurrency" required>
              @for (code of currencies.common; track code) {
                <mat-option [value]="code">{{ code }}</mat-option>
              }
              @for (code of currencies.others; track code) {
                <mat-option [value]="code">{{ code }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.reportingCurrency.errors | validationMessage }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field class="ap-field">
          <mat-label i18n="An exchange rate">Rate</mat-label>
          <input
            matInput
            formControlName="rate"
            required
            inputmode="decimal"
            autocomplete="off"
            cdkFocusInitial
          />
          @if (form.controls.currency.value) {
            <mat-hint i18n>
              How many {{ form.controls.reportingCurrency.value }} one {{ form.controls.currency.value }} is
              worth, e.g. {{ example }}.
            </mat-hint>
          } @else {
            <mat-hint i18n>
              How many {{ form.controls.reportingCurrency.value }} one unit of the currency is worth, e.g.
              {{ example }}.
            </mat-hint>
          }
          <mat-error>{{ rateMessage() }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n matButton type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button i18n="Saves an exchange rate" matButton="filled" type="submit" [disabled]="saving()">
          Save rate
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .ap-field {
      display: block;
      width: 100%;
    }
    .ap-field-row mat-form-field {
      flex: 1 1 160px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExchangeRateDialog {
  protected readonly data = inject<ExchangeRateDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ExchangeRateDialog, ExchangeRateDto>>(MatDialogRef);
  private readonly spend = inject(SpendService);
  private readonly locale = inject(LOCALE_ID);
  private readonly validationMessage = new ValidationMessagePipe();

  protected readonly currencies = CURRENCY_OPTIONS;
  protected readonly example = formatRate('0.000731', this.locale);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiErrorBody | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    month: [this.data.rate?.month.slice(0, 7) ?? '', [Validators.required, Validators.pattern(MONTH)]],
    currency: [this.data.rate?.currency ?? '', Validators.required],
    reportingCurrency: [
      this.data.rate?.reportingCurrency ?? this.data.reportingCurrency,
      Validators.required,
    ],
    rate: [
      this.data.rate ? formatRate(this.data.rate.rate, this.locale, false) : '',
      [Validators.required, (control: AbstractControl): ValidationErrors | null => this.rateError(control)],
    ],
  });
  protected readonly unmatched = serverErrorsOn(this.form, this.error);

  constructor() {
    // A kept rate changes only its value; month and currencies name it.
    if (this.data.rate) {
      this.form.controls.month.disable();
      this.form.controls.currency.disable();
      this.form.controls.reportingCurrency.disable();
    }
  }

  protected rateMessage(): string {
    const errors = this.form.controls.rate.errors;
    if (errors?.['rate']) return $localize`Enter a positive rate with at most 12 decimals.`;
    return this.validationMessage.transform(errors);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const rate = parseRate(value.rate, this.locale);
    if (rate === null) return;
    this.saving.set(true);
    this.error.set(null);
    const request = this.data.rate
      ? this.spend.updateExchangeRate(this.data.rate.id, { rate })
      : this.spend.createExchangeRate({
          month: value.month,
          currency: value.currency,
          reportingCurrency: value.reportingCurrency,
          rate,
        });
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (failure: unknown) => {
        this.error.set(toApiError(failure));
        this.saving.set(false);
      },
    });
  }

  private rateError(control: AbstractControl): ValidationErrors | null {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value.trim() === '') return null;
    return parseRate(value, this.locale) === null ? { rate: true } : null;
  }
}

/** Emits the saved rate, or undefined when the dialog was cancelled. */
export function openExchangeRateDialog(
  dialog: MatDialog,
  data: ExchangeRateDialogData,
): Observable<ExchangeRateDto | undefined> {
  return dialog
    .open<ExchangeRateDialog, ExchangeRateDialogData, ExchangeRateDto>(ExchangeRateDialog, {
      data,
      width: '520px',
    })
    .afterClosed();
}
