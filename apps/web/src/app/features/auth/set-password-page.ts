import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { ApiErrorBody } from '@agency-portal/shared';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { toApiError } from '../../core/http/api-error';
import { APP_NAME } from '../../core/routing/page-title.strategy';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { applyServerErrors } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { InvitationService } from './invitation.service';

function matchesPassword(control: AbstractControl): ValidationErrors | null {
  const password = control.parent?.get('password')?.value as string | undefined;
  return control.value && password !== undefined && control.value !== password ? { mismatch: true } : null;
}

/** Reached from the one-time link of an invitation: /set-password?token=… */
@Component({
  selector: 'ap-set-password-page',
  imports: [
    FormErrorAlert,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
    ValidationMessagePipe,
  ],
  templateUrl: './set-password-page.html',
  styleUrl: './auth-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SetPasswordPage {
  /** Query parameter from the invitation link. */
  readonly token = input<string>();

  private readonly invitations = inject(InvitationService);
  private readonly router = inject(Router);

  protected readonly appName = APP_NAME;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly invitation = createLoader(
    () => this.token() || undefined,
    (token) => this.invitations.getInvitation(token),
  );
  /** Set when the token turned out invalid on submit (e.g. used in another tab meanwhile). */
  private readonly tokenRejected = signal(false);
  protected readonly invalidLink = computed(
    () => !this.token() || this.invitation.error() !== null || this.tokenRejected(),
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    confirmPassword: ['', [Validators.required, matchesPassword]],
  });
  protected readonly saving = signal(false);
  protected readonly submitError = signal<ApiErrorBody | null>(null);
  protected readonly unmatchedErrors = signal<string[]>([]);

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity());
  }

  protected setPassword(): void {
    const token = this.token();
    if (!token || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.submitError.set(null);
    this.invitations.setPassword({ token, password: this.form.controls.password.value }).subscribe({
      next: () =>
        void this.router.navigate(['/login'], {
          queryParams: { notice: 'password-set', email: this.invitation.value()?.email ?? null },
        }),
      error: (failure: unknown) => {
        this.saving.set(false);
        const error = toApiError(failure);
        if (error.code === 'invalid_invitation') {
          this.tokenRejected.set(true);
          return;
        }
        this.submitError.set(error);
        this.unmatchedErrors.set(applyServerErrors(this.form, error));
      },
    });
  }
}
