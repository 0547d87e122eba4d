import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ApiErrorBody } from '@agency-portal/shared';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { TEXT_LIMITS } from '@agency-portal/shared';

/** An http(s) address. */
const POST_URL = /^https?:\/\/\S+$/i;

/** Records where an approved deliverable went live: "Post URL", then "Publish". */
@Component({
  selector: 'ap-publish-form',
  imports: [
    FormErrorAlert,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <ap-form-error-alert [error]="serverError()" [unmatched]="unmatchedErrors()" />
    <form class="ap-publish" [formGroup]="form" (ngSubmit)="publishDeliverable()" novalidate>
      <mat-form-field>
        <mat-label i18n>Post URL</mat-label>
        <input
          matInput
          type="url"
          formControlName="postUrl"
          required
          placeholder="https://"
          i18n-placeholder
        />
        <mat-hint i18n>The address of the live post.</mat-hint>
        <mat-error i18n>
          @if (form.controls.postUrl.errors?.['pattern']) {
            Enter the full address, starting with https://
          } @else {
            {{ form.controls.postUrl.errors | validationMessage }}
          }
        </mat-error>
      </mat-form-field>
      <button i18n matButton="filled" type="submit" [disabled]="publishing()">Publish</button>
    </form>
  `,
  styles: `
    .ap-publish {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 12px;
    }
    mat-form-field {
      flex: 1;
      min-width: 260px;
    }
    button {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublishForm {
  readonly publishing = input(false);
  readonly serverError = input<ApiErrorBody | null>(null);
  readonly publish = output<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    postUrl: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.url), Validators.pattern(POST_URL)]],
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  protected publishDeliverable(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.publish.emit(this.form.controls.postUrl.value.trim());
  }
}
