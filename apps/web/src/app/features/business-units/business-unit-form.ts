import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  ApiErrorBody,
  BusinessUnitDto,
  CreateBusinessUnitRequest,
  OperatingModel,
} from '@agency-portal/shared';
import { OPERATING_MODELS, TEXT_LIMITS } from '@agency-portal/shared';
import { OPERATING_MODEL_LABELS } from '../../shared/i18n/labels';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { notBlank } from '../../shared/forms/validators';

/** Name, operating model and parent of a business unit. */
@Component({
  selector: 'ap-business-unit-form',
  imports: [
    FormErrorAlert,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './business-unit-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BusinessUnitForm {
  /** The unit being edited; null to create one. */
  readonly unit = input<BusinessUnitDto | null>(null);
  /** Units that may be chosen as parent. */
  readonly parentOptions = input<BusinessUnitDto[]>([]);
  readonly saving = input(false);
  readonly serverError = input<ApiErrorBody | null>(null);
  readonly save = output<CreateBusinessUnitRequest>();
  readonly cancelled = output();

  protected readonly operatingModels = OPERATING_MODELS;
  protected readonly operatingModelLabels = OPERATING_MODEL_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.name), notBlank]],
    operatingModel: ['' as OperatingModel | '', Validators.required],
    parentId: [null as string | null],
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  constructor() {
    effect(() => {
      const unit = this.unit();
      untracked(() =>
        this.form.reset({
          name: unit?.name ?? '',
          operatingModel: unit?.operatingModel ?? '',
          parentId: unit?.parentId ?? null,
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
    this.save.emit({ name: name.trim(), operatingModel, parentId });
  }
}
