import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { PayInvoiceRequest } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';
import { MoneyPipe } from '../../shared/money/money.pipe';

export interface PayInvoiceDialogData {
  number: string;
  grossMinor: number;
  currency: string;
  issueDate: string;
  /** Today as an ISO date: a payment cannot be recorded for a later day. */
  today: string;
}

/** A payment date from the issue date up to today (ISO dates compare as text). */
function paymentDateWithin(issueDate: string, today: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (typeof value !== 'string' || value === '') return null;
    if (value > today) return { paymentInFuture: true };
    if (value < issueDate) return { paymentBeforeIssue: true };
    return null;
  };
}

/**
 * Records a payment: the date the money left (issue date to today) and its reference, after
 * saying that it cannot be undone. Closes with the request, or undefined when cancelled.
 */
@Component({
  selector: 'ap-pay-invoice-dialog',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MoneyPipe,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <h2 i18n mat-dialog-title>Mark invoice {{ data.number }} paid?</h2>
    <form [formGroup]="form" (ngSubmit)="confirmPayment()" novalidate>
      <mat-dialog-content>
        <p i18n>
          Record that {{ data.grossMinor | money: data.currency }} was paid. The agency is told, and a paid
          invoice cannot be changed.
        </p>
        <mat-form-field class="ap-field">
          <mat-label i18n>Payment date</mat-label>
          <input
            matInput
            type="date"
            formControlName="paymentDate"
            required
            [min]="data.issueDate"
            [max]="data.today"
          />
          <mat-hint i18n>Issued {{ data.issueDate | localDate: 'date' }}; not later than today.</mat-hint>
          <mat-error>{{ dateMessage() }}</mat-error>
        </mat-form-field>
        <mat-form-field class="ap-field">
          <mat-label i18n="The bank transfer's reference of a payment">Payment reference</mat-label>
          <input matInput formControlName="reference" required autocomplete="off" cdkFocusInitial />
          <mat-hint i18n>The bank transfer’s reference.</mat-hint>
          <mat-error>{{ form.controls.reference.errors | validationMessage }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n matButton type="button" mat-dialog-close>Cancel</button>
        <button
          i18n="Button — finance records the payment of an invoice@@invoiceAction.pay"
          matButton="filled"
          type="submit"
        >
          Mark paid
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .ap-field {
      display: block;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PayInvoiceDialog {
  protected readonly data = inject<PayInvoiceDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<PayInvoiceDialog, PayInvoiceRequest>>(MatDialogRef);
  private readonly validationMessage = new ValidationMessagePipe();

  protected readonly form = inject(NonNullableFormBuilder).group({
    paymentDate: [
      this.data.today,
      [Validators.required, paymentDateWithin(this.data.issueDate, this.data.today)],
    ],
    reference: ['', [Validators.required, Validators.maxLength(200), notBlank]],
  });

  protected dateMessage(): string {
    const errors = this.form.controls.paymentDate.errors;
    if (errors?.['paymentInFuture']) return $localize`The payment date cannot be in the future.`;
    if (errors?.['paymentBeforeIssue'])
      return $localize`The payment date cannot be before the invoice was issued.`;
    return this.validationMessage.transform(errors);
  }

  protected confirmPayment(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.dialogRef.close({ paymentDate: value.paymentDate, reference: value.reference.trim() });
  }
}

/** Emits the payment when the user confirms it, undefined when they cancel. */
export function openPayInvoiceDialog(
  dialog: MatDialog,
  data: PayInvoiceDialogData,
): Observable<PayInvoiceRequest | undefined> {
  return dialog
    .open<PayInvoiceDialog, PayInvoiceDialogData, PayInvoiceRequest>(PayInvoiceDialog, {
      data,
      width: '480px',
    })
    .afterClosed();
}
