import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Observable } from 'rxjs';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';

export interface TerminateDialogData {
  reference: string;
  title: string;
}

/** Asks for the (required) reason before an active contract is terminated; closes with the reason. */
@Component({
  selector: 'ap-terminate-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <h2 mat-dialog-title>Terminate {{ data.reference }}?</h2>
    <form [formGroup]="form" (ngSubmit)="confirmTermination()" novalidate>
      <mat-dialog-content>
        <p>
          “{{ data.title }}” ends now and can no longer be changed or reactivated. The agency sees the reason.
        </p>
        <mat-form-field class="ap-reason">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" required cdkFocusInitial></textarea>
          <mat-hint>Shown on the contract and recorded in the audit log.</mat-hint>
          <mat-error>{{ form.controls.reason.errors | validationMessage }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" class="ap-danger">Terminate</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .ap-reason {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TerminateDialog {
  protected readonly data = inject<TerminateDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<TerminateDialog, string>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(1000), notBlank]],
  });

  protected confirmTermination(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(this.form.controls.reason.value.trim());
  }
}

/** Emits the reason when the user confirms, undefined when they cancel. */
export function openTerminateDialog(
  dialog: MatDialog,
  data: TerminateDialogData,
): Observable<string | undefined> {
  return dialog
    .open<TerminateDialog, TerminateDialogData, string>(TerminateDialog, { data, width: '480px' })
    .afterClosed();
}
