import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import type { AgencyDto, AgencyService, CreateAgencyRequest } from '@agency-portal/shared';
import { AGENCY_SERVICES, TEXT_LIMITS } from '@agency-portal/shared';
import { AGENCY_SERVICE_LABELS } from '../../shared/i18n/labels';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { nonEmptyArray, notBlank } from '../../shared/forms/validators';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';
import { FormActions, RecordForm } from '../../shared/forms/record-form';

/** Name, legal name, services and the in-house relationship owner of an agency. */
@Component({
  selector: 'ap-agency-form',
  imports: [
    FormActions,
    FormErrorSummary,
    FormErrorAlert,
    MatChipsModule,
    MatFormFieldModule,
    LookupField,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './agency-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgencyForm extends RecordForm<CreateAgencyRequest> {
  /** The agency being edited; null to create one. */
  readonly agency = input<AgencyDto | null>(null);

  protected readonly lookups = inject(Lookups);
  /** Active in-house people may own a relationship (a current owner who left still shows). */
  protected readonly ownerFilter = { kind: 'in_house', active: true } as const;
  protected readonly services = AGENCY_SERVICES;
  protected readonly serviceLabels = AGENCY_SERVICE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.name), notBlank]],
    legalName: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.title), notBlank]],
    services: [[] as AgencyService[], nonEmptyArray],
    relationshipOwnerId: ['', Validators.required],
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  constructor() {
    super();
    effect(() => {
      const agency = this.agency();
      untracked(() =>
        this.form.reset({
          name: agency?.name ?? '',
          legalName: agency?.legalName ?? '',
          services: agency ? [...agency.services] : [],
          relationshipOwnerId: agency?.relationshipOwner.id ?? '',
        }),
      );
    });
  }

  protected submitAgency(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, legalName, services, relationshipOwnerId } = this.form.getRawValue();
    this.save.emit({
      name: name.trim(),
      legalName: legalName.trim(),
      services,
      relationshipOwnerId,
    });
  }
}
