import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Channel, CreateDerivedDeliverableRequest } from '@agency-portal/shared';
import { CHANNELS, TEXT_LIMITS } from '@agency-portal/shared';
import { CHANNEL_LABELS } from '../../shared/i18n/labels';
import type { Observable } from 'rxjs';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';

export interface DerivativeDialogData {
  masterTitle: string;
  dueDate: string;
}

/** "Create cut-down": a derivative of a master asset for another channel (Title, Channel, Due date). */
@Component({
  selector: 'ap-derivative-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <h2 i18n mat-dialog-title>Create a cut-down</h2>
    <form [formGroup]="form" (ngSubmit)="createCutDown()" novalidate>
      <mat-dialog-content class="ap-form">
        <p i18n>
          A version of “{{ data.masterTitle }}” cut down for another channel. It is reviewed on its own.
        </p>
        <mat-form-field>
          <mat-label i18n>Title</mat-label>
          <input matInput formControlName="title" required cdkFocusInitial />
          <mat-error>{{ form.controls.title.errors | validationMessage }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Channel</mat-label>
          <mat-select formControlName="channel">
            <mat-option i18n value="">Any channel</mat-option>
            @for (channel of channels; track channel) {
              <mat-option [value]="channel">{{ channelLabels[channel] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n>Due date</mat-label>
          <input matInput type="date" formControlName="dueDate" required />
          <mat-error>{{ form.controls.dueDate.errors | validationMessage }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n matButton type="button" mat-dialog-close>Cancel</button>
        <button i18n matButton="filled" type="submit">Create cut-down</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DerivativeDialog {
  protected readonly data = inject<DerivativeDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef =
    inject<MatDialogRef<DerivativeDialog, CreateDerivedDeliverableRequest>>(MatDialogRef);

  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.title), notBlank]],
    channel: new FormControl<Channel | ''>('', { nonNullable: true }),
    dueDate: [this.data.dueDate, Validators.required],
  });

  protected createCutDown(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.dialogRef.close({
      title: value.title.trim(),
      channel: value.channel === '' ? null : value.channel,
      dueDate: value.dueDate,
    });
  }
}

export function openDerivativeDialog(
  dialog: MatDialog,
  data: DerivativeDialogData,
): Observable<CreateDerivedDeliverableRequest | undefined> {
  return dialog
    .open<DerivativeDialog, DerivativeDialogData, CreateDerivedDeliverableRequest>(DerivativeDialog, {
      data,
      width: '480px',
    })
    .afterClosed();
}
