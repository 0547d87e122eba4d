import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  Channel,
  CreateGoalRequest,
  FunnelStage,
  GoalDto,
  GoalStatus,
  KpiMetric,
} from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField } from '../../shared/forms/lookup-field';
import { CHANNELS, FUNNEL_STAGES, GOAL_STATUSES, KPI_METRICS, TEXT_LIMITS } from '@agency-portal/shared';
import {
  CHANNEL_LABELS,
  FUNNEL_STAGE_LABELS,
  GOAL_STATUS_LABELS,
  KPI_METRIC_LABELS,
} from '../../shared/i18n/labels';
import { map } from 'rxjs';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import {
  dateOrder,
  nonEmptyArray,
  notBlank,
  positiveAmount,
  wholeNumber,
} from '../../shared/forms/validators';
import { CURRENCY_OPTIONS } from '../../shared/money/currency-options';
import { MoneyInput } from '../../shared/money/money-input';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';
import { FormActions, RecordForm } from '../../shared/forms/record-form';

/** Business unit, owner, KPI and target, period, channels, funnel stage and status of a goal. */
@Component({
  selector: 'ap-goal-form',
  imports: [
    FormActions,
    FormErrorSummary,
    FormErrorAlert,
    LookupField,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MoneyInput,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './goal-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalForm extends RecordForm<CreateGoalRequest> {
  /** The goal being edited; null to create one. */
  readonly goal = input<GoalDto | null>(null);
  protected readonly lookups = inject(Lookups);
  /** Active in-house people may own a goal (a current owner who left still shows). */
  protected readonly ownerFilter = { kind: 'in_house', active: true } as const;

  protected readonly kpiMetrics = KPI_METRICS;
  protected readonly kpiLabels = KPI_METRIC_LABELS;
  protected readonly funnelStages = FUNNEL_STAGES;
  protected readonly funnelStageLabels = FUNNEL_STAGE_LABELS;
  protected readonly statuses = GOAL_STATUSES;
  protected readonly statusLabels = GOAL_STATUS_LABELS;
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly currencies = CURRENCY_OPTIONS;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      businessUnitId: ['', Validators.required],
      ownerId: ['', Validators.required],
      name: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.title), notBlank]],
      description: ['', Validators.maxLength(TEXT_LIMITS.longText)],
      kpiMetric: ['' as KpiMetric | '', Validators.required],
      /** Whole count, for every KPI but revenue. */
      targetCount: [null as number | null, [Validators.required, Validators.min(1), wholeNumber]],
      /** Minor units of targetCurrency, for revenue. */
      targetAmount: [null as number | null, [Validators.required, positiveAmount]],
      targetCurrency: ['', Validators.required],
      periodStart: ['', Validators.required],
      periodEnd: ['', Validators.required],
      channels: [[] as Channel[], nonEmptyArray],
      funnelStage: ['' as FunnelStage | '', Validators.required],
      status: ['active' as GoalStatus, Validators.required],
    },
    { validators: dateOrder('periodStart', 'periodEnd') },
  );
  protected readonly isRevenue = toSignal(
    this.form.controls.kpiMetric.valueChanges.pipe(map((metric) => metric === 'revenue')),
    { initialValue: false },
  );
  protected readonly currency = toSignal(this.form.controls.targetCurrency.valueChanges, {
    initialValue: '',
  });
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError, (field) =>
    this.controlNameFor(field),
  );

  constructor() {
    super();
    // Only the target field of the chosen KPI is validated and sent.
    this.form.controls.kpiMetric.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((metric) => this.useTargetFieldsOf(metric));
    effect(() => {
      const goal = this.goal();
      untracked(() => this.fillFrom(goal));
    });
  }

  /** Shows the goal being edited, or a blank form for a new one. */
  private fillFrom(goal: GoalDto | null): void {
    const revenue = goal?.kpiMetric === 'revenue';
    this.form.reset({
      businessUnitId: goal?.businessUnitId ?? '',
      ownerId: goal?.owner.id ?? '',
      name: goal?.name ?? '',
      description: goal?.description ?? '',
      kpiMetric: goal?.kpiMetric ?? '',
      targetCount: goal && !revenue ? goal.targetValue : null,
      targetAmount: goal && revenue ? goal.targetValue : null,
      targetCurrency: goal?.targetCurrency ?? '',
      periodStart: goal?.periodStart ?? '',
      periodEnd: goal?.periodEnd ?? '',
      channels: goal ? [...goal.channels] : [],
      funnelStage: goal?.funnelStage ?? '',
      status: goal?.status ?? 'active',
    });
    this.useTargetFieldsOf(this.form.controls.kpiMetric.value);
  }

  protected submitGoal(): void {
    const value = this.form.getRawValue();
    const target = value.kpiMetric === 'revenue' ? value.targetAmount : value.targetCount;
    if (this.form.invalid || value.kpiMetric === '' || value.funnelStage === '' || target === null) {
      this.form.markAllAsTouched();
      return;
    }
    const revenue = value.kpiMetric === 'revenue';
    this.save.emit({
      businessUnitId: value.businessUnitId,
      ownerId: value.ownerId,
      name: value.name.trim(),
      description: value.description.trim(),
      kpiMetric: value.kpiMetric,
      targetValue: target,
      targetCurrency: revenue ? value.targetCurrency : null,
      periodStart: value.periodStart,
      periodEnd: value.periodEnd,
      channels: value.channels,
      funnelStage: value.funnelStage,
      status: value.status,
    });
  }

  private useTargetFieldsOf(metric: KpiMetric | ''): void {
    const { targetCount, targetAmount, targetCurrency } = this.form.controls;
    if (metric === 'revenue') {
      targetCount.disable({ emitEvent: false });
      targetAmount.enable({ emitEvent: false });
      targetCurrency.enable({ emitEvent: false });
    } else {
      targetCount.enable({ emitEvent: false });
      targetAmount.disable({ emitEvent: false });
      targetCurrency.disable({ emitEvent: false });
    }
    this.form.updateValueAndValidity({ emitEvent: false });
  }

  /** The API names the target `targetValue`; here it is one of two fields, by KPI. */
  private controlNameFor(field: string): string {
    if (field === 'targetValue') {
      return this.form.controls.kpiMetric.value === 'revenue' ? 'targetAmount' : 'targetCount';
    }
    return field;
  }
}
