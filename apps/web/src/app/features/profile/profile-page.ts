import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AuthService } from '../../core/auth/auth.service';
import { describeError } from '../../core/http/api-error';
import { LocaleService } from '../../core/i18n/locale.service';
import { Notifier } from '../../core/notify/notifier';
import { LanguageFields } from '../../shared/forms/language-fields';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { MyDigests } from '../digests/my-digests';
import { ProfileService } from './profile.service';
import { TEXT_LIMITS } from '@agency-portal/shared';

/** /profile: the person's own name, language and time zone. */
@Component({
  selector: 'ap-profile-page',
  imports: [
    LanguageFields,
    MyDigests,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <section class="ap-page ap-page--form">
      <header class="ap-page-header">
        <div>
          <h1 i18n>Your profile</h1>
          @if (user(); as me) {
            <p class="ap-subtitle">{{ me.email }} · {{ roleLabel() }}</p>
          }
        </div>
      </header>
      <mat-card appearance="outlined">
        <mat-card-content>
          @if (error(); as message) {
            <p class="ap-form-error" role="alert">{{ message }}</p>
          }
          <form class="ap-form" [formGroup]="form" (ngSubmit)="save()" novalidate>
            <mat-form-field>
              <mat-label i18n>Name</mat-label>
              <input matInput formControlName="name" autocomplete="name" required />
              <mat-error>{{ form.controls.name.errors | validationMessage }}</mat-error>
            </mat-form-field>

            <ap-language-fields [self]="true" />

            <div class="ap-form-actions">
              <button i18n matButton="filled" type="submit" [disabled]="saving()">Save</button>
            </div>
          </form>
        </mat-card-content>
      </mat-card>
      @if (canSubscribe()) {
        <ap-my-digests />
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  private readonly auth = inject(AuthService);
  private readonly profile = inject(ProfileService);
  private readonly localeService = inject(LocaleService);
  private readonly notifier = inject(Notifier);

  protected readonly user = this.auth.user;
  protected readonly canSubscribe = computed(() => this.auth.hasPermission('digest:subscribe'));
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_LABELS[user.role] : '';
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.user()?.name ?? '', [Validators.required, notBlank, Validators.maxLength(TEXT_LIMITS.name)]],
    locale: [this.user()?.locale ?? this.localeService.current],
    timeZone: [this.user()?.timeZone ?? ''],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, locale, timeZone } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.profile.update({ name: name.trim(), locale, timeZone: timeZone || null }).subscribe({
      next: (user) => {
        this.saving.set(false);
        this.auth.updateUser(user);
        if (user.locale !== this.localeService.current) {
          this.localeService.switchTo(user.locale);
          return;
        }
        this.notifier.success($localize`Your profile is saved.`);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.error.set(describeError(error));
      },
    });
  }
}
