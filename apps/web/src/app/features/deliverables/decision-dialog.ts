import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, type MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Decision } from '@agency-portal/shared';
import { commentRequired, TEXT_LIMITS } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';

export interface DecisionDialogData {
  decision: Decision;
  versionNumber: number;
  stepName: string;
}

/** The button that asks for a decision (and confirms it in the dialog). */
export const DECISION_ACTION_LABELS: Record<Decision, string> = {
  approve: $localize`:Button — approve a version@@decide.approve:Approve`,
  request_changes: $localize`:Button — send a version back to the agency@@decide.request_changes:Request changes`,
  reject: $localize`:Button — reject a deliverable for good@@decide.reject:Reject`,
};

const EXPLANATIONS: Record<Decision, string> = {
  approve: $localize`The version moves on to the next step, or is approved after the last one.`,
  request_changes: $localize`The agency uploads a new version, which starts again at the first step.`,
  reject: $localize`The deliverable is rejected; no further versions are reviewed.`,
};

/**
 * Confirms a decision on a version with a "Comment": required to request changes or reject
 * (`commentRequired`), optional to approve. Closes with the trimmed comment ('' when none).
 */
@Component({
  selector: 'ap-decision-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <h2 i18n mat-dialog-title>{{ actionLabel }}: version {{ data.versionNumber }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirmDecision()" novalidate>
      <mat-dialog-content>
        <p i18n>Step “{{ data.stepName }}”. {{ explanation }}</p>
        <mat-form-field class="ap-comment">
          <mat-label i18n>Comment</mat-label>
          <textarea
            matInput
            formControlName="comment"
            rows="4"
            [required]="required"
            cdkFocusInitial
          ></textarea>
          @if (required) {
            <mat-hint i18n>Tell the agency what to change and why.</mat-hint>
          } @else {
            <mat-hint i18n>Optional.</mat-hint>
          }
          <mat-error>{{ form.controls.comment.errors | validationMessage }}</mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <!-- A bare mat-dialog-close would close with '' (a confirmed empty comment), not with undefined. -->
        <button i18n matButton type="button" [mat-dialog-close]="undefined">Cancel</button>
        <button matButton="filled" type="submit" [class.ap-danger]="data.decision === 'reject'">
          {{ actionLabel }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .ap-comment {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionDialog {
  protected readonly data = inject<DecisionDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<DecisionDialog, string>>(MatDialogRef);

  protected readonly required = commentRequired(this.data.decision);
  protected readonly actionLabel = DECISION_ACTION_LABELS[this.data.decision];
  protected readonly explanation = EXPLANATIONS[this.data.decision];
  protected readonly form = inject(NonNullableFormBuilder).group({
    comment: [
      '',
      this.required
        ? [Validators.required, Validators.maxLength(TEXT_LIMITS.longText), notBlank]
        : [Validators.maxLength(TEXT_LIMITS.longText)],
    ],
  });

  protected confirmDecision(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.dialogRef.close(this.form.controls.comment.value.trim());
  }
}

/** Emits the comment ('' when none) when the user confirms, undefined when they cancel. */
export function openDecisionDialog(
  dialog: MatDialog,
  data: DecisionDialogData,
): Observable<string | undefined> {
  return dialog
    .open<DecisionDialog, DecisionDialogData, string>(DecisionDialog, { data, width: '520px' })
    .afterClosed();
}
