import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { describeError } from '../../core/http/api-error';
import { APP_NAME } from '../../core/routing/page-title.strategy';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';

const NOTICES: Readonly<Record<string, string>> = {
  'password-set': $localize`Your password is set. Sign in with your email and new password.`,
  'session-expired': $localize`Your session has ended. Please sign in again.`,
  'signed-out': $localize`You have signed out.`,
};

/** Only same-app paths, so a crafted link cannot send a signed-in user elsewhere. */
export function safeReturnUrl(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

@Component({
  selector: 'ap-login-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './login-page.html',
  styleUrl: './auth-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage implements OnInit {
  /** Query parameters: where to go after signing in, a notice to show, an email to prefill. */
  readonly returnUrl = input<string>();
  readonly notice = input<string>();
  readonly email = input<string>();

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly appName = APP_NAME;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly signingIn = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly noticeMessage = computed(() => NOTICES[this.notice() ?? ''] ?? null);

  ngOnInit(): void {
    const email = this.email();
    if (email) {
      this.form.controls.email.setValue(email);
    }
  }

  protected signIn(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.signingIn.set(true);
    this.errorMessage.set(null);
    this.auth.login({ email: email.trim(), password }).subscribe({
      next: () => void this.router.navigateByUrl(safeReturnUrl(this.returnUrl())),
      error: (error: unknown) => {
        this.signingIn.set(false);
        this.errorMessage.set(describeError(error));
        this.form.controls.password.reset();
      },
    });
  }
}
