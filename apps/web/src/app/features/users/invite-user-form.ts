import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApiErrorBody, InviteUserRequest, Role } from '@agency-portal/shared';
import { isAgencyRole, TEXT_LIMITS } from '@agency-portal/shared';
import { LocaleService } from '../../core/i18n/locale.service';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { ROLE_LABELS } from '../../shared/i18n/labels';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { LanguageFields } from '../../shared/forms/language-fields';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';

/** An agency is required exactly when the chosen role is an agency role. */
function agencyRequiredForAgencyRoles(control: AbstractControl): ValidationErrors | null {
  const role = control.parent?.get('role')?.value as Role | '' | undefined;
  return role && isAgencyRole(role) && !control.value ? { required: true } : null;
}

/** Who to invite: email, name, role, (for agency roles) the agency, and their language and time zone. */
@Component({
  selector: 'ap-invite-user-form',
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
  templateUrl: './invite-user-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteUserForm {
  /** Roles the inviting user may assign (`assignableRoles`). */
  readonly roleOptions = input.required<readonly Role[]>();
  /** Set for agency admins: the invitee joins this agency and it cannot be changed. */
  readonly fixedAgencyId = input<string | null>(null);
  /** Agency to preselect (e.g. when coming from an agency's page). */
  readonly initialAgencyId = input<string | null>(null);
  /** Off hides the field (the inviting user cannot read business units). */
  readonly showBusinessUnit = input(false);
  readonly saving = input(false);
  readonly serverError = input<ApiErrorBody | null>(null);
  readonly invite = output<InviteUserRequest>();
  readonly cancelled = output();

  protected readonly lookups = inject(Lookups);
  protected readonly activeAgencies = { status: 'active' } as const;
  protected readonly fixedAgencyHint = $localize`People you invite join your agency.`;
  protected readonly agencyHint = $localize`Agency roles belong to exactly one agency.`;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(TEXT_LIMITS.email)]],
    name: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.name), notBlank]],
    role: ['' as Role | '', Validators.required],
    agencyId: ['', agencyRequiredForAgencyRoles],
    businessUnitId: [''],
    // Usually the language the inviting person works in; they can pick another.
    locale: [inject(LocaleService).current],
    timeZone: [''],
  });
  private readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly showAgency = computed(() => {
    const role = this.role();
    return this.fixedAgencyId() !== null || (role !== '' && isAgencyRole(role));
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  constructor() {
    this.form.controls.role.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.agencyId.updateValueAndValidity());
    effect(() => {
      const fixed = this.fixedAgencyId();
      const initial = this.initialAgencyId();
      const agency = this.form.controls.agencyId;
      untracked(() => {
        if (fixed) {
          agency.setValue(fixed);
          agency.disable();
        } else {
          agency.setValue(initial ?? '');
          agency.enable();
        }
      });
    });
    effect(() => {
      // An invitation into a given agency is almost always for an agency member.
      const options = this.roleOptions();
      if ((this.fixedAgencyId() || this.initialAgencyId()) && options.includes('agency_member')) {
        untracked(() => this.form.controls.role.setValue('agency_member'));
      }
    });
  }

  protected submitInvitation(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, name, role, agencyId, businessUnitId, locale, timeZone } = this.form.getRawValue();
    if (role === '') {
      return;
    }
    this.invite.emit({
      email: email.trim(),
      name: name.trim(),
      role,
      agencyId: isAgencyRole(role) ? agencyId : null,
      businessUnitId: businessUnitId || null,
      locale,
      timeZone: timeZone || null,
    });
  }
}
