import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Observable } from 'rxjs';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';

export interface OffboardDialogData {
  agencyName: string;
}

/** Asks for the (required) reason before an agency is offboarded; closes with the reason. */
@Component({
  selector: 'ap-offboard-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <h2 mat-dialog-title>Offboard {{ data.agencyName }}?</h2>
    <form [formGroup]="form" (ngSubmit)="confirmOffboarding()" novalidate>
      <mat-dialog-content>
        <p>
          The agency’s users are signed out at once and can no longer sign in. Its history stays, and you can
          reactivate the agency later.
        </p>
        <mat-form-field class="ap-reason">
          <mat-label>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" required cdkFocusInitial></textarea>
          <mat-hint>Recorded in the audit log.</mat-hint>
          <mat-error>{{ form.controls.reason.errors | validationMessage }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" class="ap-danger">Offboard</button>
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
export class OffboardDialog {
  protected readonly data = inject<OffboardDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<OffboardDialog, string>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(1000), notBlank]],
  });

  protected confirmOffboarding(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(this.form.controls.reason.value.trim());
  }
}

/** Emits the reason when the user confirms, undefined when they cancel. */
export function openOffboardDialog(
  dialog: MatDialog,
  data: OffboardDialogData,
): Observable<string | undefined> {
  return dialog
    .open<OffboardDialog, OffboardDialogData, string>(OffboardDialog, { data, width: '480px' })
    .afterClosed();
}
