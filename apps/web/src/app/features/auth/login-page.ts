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
import { LOCALE_NATIVE_NAMES, SUPPORTED_LOCALES, type Locale, type SessionUser } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { LocaleService } from '../../core/i18n/locale.service';
import { ProfileService } from '../profile/profile.service';
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
  private readonly localeService = inject(LocaleService);
  private readonly profile = inject(ProfileService);

  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly localeNames = LOCALE_NATIVE_NAMES;
  protected readonly currentLocale = this.localeService.current;

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

  /** Signed out: the choice is remembered (cookie) and kept once the person signs in. */
  protected chooseLanguage(locale: Locale): void {
    this.localeService.chooseBeforeSignIn(locale);
  }

  /**
   * A language picked on this page before signing in wins, and becomes the person's own (saved on
   * their profile), so it does not flip back. Otherwise the profile's language decides.
   */
  private continueAs(user: SessionUser): void {
    const returnUrl = safeReturnUrl(this.returnUrl());
    const current = this.localeService.current;
    const chosen = this.localeService.takeChoiceBeforeSignIn();
    if (chosen === current && user.locale !== current) {
      this.profile.update({ locale: current }).subscribe({
        next: (updated) => {
          this.auth.updateUser(updated);
          void this.router.navigateByUrl(returnUrl);
        },
        error: () => this.localeService.switchTo(user.locale, returnUrl),
      });
      return;
    }
    if (user.locale !== current) {
      this.localeService.switchTo(user.locale, returnUrl);
      return;
    }
    void this.router.navigateByUrl(returnUrl);
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
      next: (user) => this.continueAs(user),
      error: (error: unknown) => {
        this.signingIn.set(false);
        this.errorMessage.set(describeError(error));
        this.form.controls.password.reset();
      },
    });
  }
}
