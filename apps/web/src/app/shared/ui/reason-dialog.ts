import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Observable } from 'rxjs';
import { ValidationMessagePipe } from '../forms/validation-message';
import { notBlank } from '../forms/validators';

export interface ReasonDialogData {
  title: string;
  message: string;
  /** Under the field, e.g. who will see the reason. */
  hint?: string;
  confirmLabel: string;
  destructive?: boolean;
}

/** Asks for a required "Reason" before an action (decline a brief, override a budget); closes with it. */
@Component({
  selector: 'ap-reason-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirmWithReason()" novalidate>
      <mat-dialog-content>
        <p>{{ data.message }}</p>
        <mat-form-field class="ap-reason">
          <mat-label i18n>Reason</mat-label>
          <textarea matInput formControlName="reason" rows="3" required cdkFocusInitial></textarea>
          @if (data.hint) {
            <mat-hint>{{ data.hint }}</mat-hint>
          }
          <mat-error>{{ form.controls.reason.errors | validationMessage }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button i18n matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" [class.ap-danger]="data.destructive">
          {{ data.confirmLabel }}
        </button>
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
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, Validators.maxLength(1000), notBlank]],
  });

  protected confirmWithReason(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(this.form.controls.reason.value.trim());
  }
}

/** Emits the reason when the user confirms, undefined when they cancel. */
export function openReasonDialog(dialog: MatDialog, data: ReasonDialogData): Observable<string | undefined> {
  return dialog
    .open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, { data, width: '480px' })
    .afterClosed();
}
