import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { Locale, Role, UpdateUserRequest, UserDto } from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { LanguageFields } from '../../shared/forms/language-fields';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';
import { TEXT_LIMITS } from '@agency-portal/shared';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';
import { RecordForm } from '../../shared/forms/record-form';

/** Name, role, business unit, language and time zone of an existing user. */
@Component({
  selector: 'ap-user-edit-form',
  imports: [
    FormErrorSummary,
    FormErrorAlert,
    LanguageFields,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <ap-form-error-alert [error]="serverError()" [unmatched]="unmatchedErrors()" />
    <form class="ap-form" [formGroup]="form" (ngSubmit)="submitChanges()" novalidate>
      <ap-form-error-summary />
      <mat-form-field>
        <mat-label i18n>Name</mat-label>
        <input matInput formControlName="name" required />
        <mat-error>{{ form.controls.name.errors | validationMessage }}</mat-error>
      </mat-form-field>

      <mat-form-field>
        <mat-label i18n>Role</mat-label>
        <mat-select formControlName="role" required>
          @for (role of roleOptions(); track role) {
            <mat-option [value]="role">{{ roleLabels[role] }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.role.errors | validationMessage }}</mat-error>
      </mat-form-field>

      @if (showBusinessUnit()) {
        <ap-lookup-field
          label="Business unit"
          i18n-label
          clearable
          formControlName="businessUnitId"
          [source]="lookups.units"
        />
      }

      <ap-language-fields />

      <div class="ap-form-actions">
        <button i18n matButton="filled" type="submit" [disabled]="saving() || form.pristine">Save</button>
      </div>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserEditForm extends RecordForm<UpdateUserRequest> {
  readonly user = input.required<UserDto>();
  readonly roleOptions = input.required<readonly Role[]>();
  /** Off hides the field (the editing user cannot read business units). */
  readonly showBusinessUnit = input(false);

  protected readonly lookups = inject(Lookups);
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.name), notBlank]],
    role: ['' as Role | '', Validators.required],
    businessUnitId: [''],
    locale: new FormControl<Locale>('en', { nonNullable: true }),
    timeZone: [''],
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  constructor() {
    super();
    effect(() => {
      const user = this.user();
      untracked(() =>
        this.form.reset({
          name: user.name,
          role: user.role,
          businessUnitId: user.businessUnitId ?? '',
          locale: user.locale,
          timeZone: user.timeZone ?? '',
        }),
      );
    });
  }

  protected submitChanges(): void {
    const { name, role, businessUnitId, locale, timeZone } = this.form.getRawValue();
    if (this.form.invalid || role === '') {
      this.form.markAllAsTouched();
      return;
    }
    const request: UpdateUserRequest = { name: name.trim(), role, locale, timeZone: timeZone || null };
    if (this.showBusinessUnit()) {
      request.businessUnitId = businessUnitId || null;
    }
    this.save.emit(request);
  }
}
