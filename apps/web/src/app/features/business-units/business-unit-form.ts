import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import type { BusinessUnitDto, CreateBusinessUnitRequest, OperatingModel } from '@agency-portal/shared';
import { OPERATING_MODELS, TEXT_LIMITS } from '@agency-portal/shared';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';
import { FormActions, RecordForm } from '../../shared/forms/record-form';

/** Name, operating model and parent of a business unit. */
@Component({
  selector: 'ap-business-unit-form',
  imports: [
    FormActions,
    FormErrorSummary,
    FormErrorAlert,
    LookupField,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './business-unit-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitForm extends RecordForm<CreateBusinessUnitRequest> {
  /** The unit being edited; null to create one. */
  readonly unit = input<BusinessUnitDto | null>(null);

  protected readonly lookups = inject(Lookups);
  /** A unit cannot be its own parent (the API refuses deeper cycles, with a message on the field). */
  protected readonly notAsParent = computed(() => {
    const id = this.unit()?.id;
    return id ? [id] : [];
  });
  protected readonly operatingModels = OPERATING_MODELS;
  protected readonly operatingModelLabels = OPERATING_MODEL_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.name), notBlank]],
    operatingModel: ['' as OperatingModel | '', Validators.required],
    parentId: [''],
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  constructor() {
    super();
    effect(() => {
      const unit = this.unit();
      untracked(() =>
        this.form.reset({
          name: unit?.name ?? '',
          operatingModel: unit?.operatingModel ?? '',
          parentId: unit?.parentId ?? '',
        }),
      );
    });
  }

  protected submitUnit(): void {
    const { name, operatingModel, parentId } = this.form.getRawValue();
    if (this.form.invalid || operatingModel === '') {
      this.form.markAllAsTouched();
      return;
    }
    this.save.emit({ name: name.trim(), operatingModel, parentId: parentId || null });
  }
}
