import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  untracked,
  viewChildren,
} from '@angular/core';
import {
  type AbstractControl,
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { ApprovalPolicyDto, ApprovalStepDto, UpsertApprovalPolicyRequest } from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupChips } from '../../shared/forms/lookup-chips';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ANY_OF_ROLE_LABELS, CONTRACT_OWNER_LABEL } from '../../shared/i18n/labels';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { nonEmptyArray, notBlank, wholeNumber } from '../../shared/forms/validators';
import { NUMBER_LIMITS, TEXT_LIMITS } from '@agency-portal/shared';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';
import { FormActions, RecordForm } from '../../shared/forms/record-form';

type ApproverRole = NonNullable<ApprovalStepDto['approverRole']>;
/** The contract's owner, a role whose members decide, or 'users': the named people. */
type ApproverKind = 'contract_owner' | ApproverRole | 'users';

const APPROVER_KINDS: { value: ApproverKind; label: string }[] = [
  { value: 'contract_owner', label: CONTRACT_OWNER_LABEL },
  { value: 'social_lead', label: ANY_OF_ROLE_LABELS.social_lead },
  { value: 'reviewer', label: ANY_OF_ROLE_LABELS.reviewer },
  { value: 'admin', label: ANY_OF_ROLE_LABELS.admin },
  {
    value: 'users',
    label: $localize`:Who decides an approval step — people named one by one@@approver.named:Named people`,
  },
];

type StepRow = FormGroup<{
  name: FormControl<string>;
  approverKind: FormControl<ApproverKind | ''>;
  approverUserIds: FormControl<string[]>;
  allowEarlierApprovers: FormControl<boolean>;
  slaHours: FormControl<number | null>;
}>;

function atLeastOneStep(control: AbstractControl): ValidationErrors | null {
  return Array.isArray(control.value) && control.value.length > 0 ? null : { noSteps: true };
}

/** The form's step row → the API's step. */
export function toStep(row: {
  name: string;
  approverKind: ApproverKind | '';
  approverUserIds: string[];
  allowEarlierApprovers: boolean;
  slaHours: number | null;
}): ApprovalStepDto {
  const kind = row.approverKind;
  return {
    name: row.name.trim(),
    approverRole: kind === 'users' || kind === 'contract_owner' || kind === '' ? null : kind,
    approverUserIds: kind === 'users' ? row.approverUserIds : [],
    contractOwner: kind === 'contract_owner',
    allowEarlierApprovers: row.allowEarlierApprovers,
    slaHours: row.slaHours ?? 0,
  };
}

/** The kind the form shows for a stored step (a step naming people and the owner shows the owner). */
function kindOf(step: ApprovalStepDto): ApproverKind {
  if (step.contractOwner) return 'contract_owner';
  return step.approverRole ?? 'users';
}

/**
 * An approval policy: its name and ordered steps, each decided by the contract's owner, a role or
 * named people within an SLA in hours; a step may let someone who decided an earlier step of the
 * version decide it too (otherwise it takes another person).
 */
@Component({
  selector: 'ap-approval-policy-form',
  imports: [
    FormActions,
    FormErrorSummary,
    LookupChips,
    FormErrorAlert,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './approval-policy-form.html',
  styleUrl: './approval-policy-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalPolicyForm extends RecordForm<UpsertApprovalPolicyRequest> {
  protected readonly stepLabel = (number: number): string => $localize`Step ${number}:number:`;
  /** The policy being edited; null to create one. */
  readonly policy = input<ApprovalPolicyDto | null>(null);

  protected readonly lookups = inject(Lookups);
  /** Active in-house people may be named as approvers. */
  protected readonly approverFilter = { kind: 'in_house', active: true } as const;
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  protected readonly approverKinds = APPROVER_KINDS;
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.name), notBlank]],
    steps: this.fb.array<StepRow>([], atLeastOneStep),
  });
  protected readonly steps = this.form.controls.steps;
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError, (field) =>
    field.replace(/\.approverRole$/, '.approverKind'),
  );

  private readonly stepNameInputs = viewChildren<unknown, ElementRef<HTMLElement>>('stepName', {
    read: ElementRef,
  });

  constructor() {
    super();
    effect(() => {
      const policy = this.policy();
      untracked(() => this.fillFrom(policy));
    });
  }

  protected addStep(): void {
    this.steps.push(this.stepRow());
    afterNextRender(() => this.stepNameInputs().at(-1)?.nativeElement.focus(), { injector: this.injector });
  }

  protected removeStep(index: number): void {
    this.steps.removeAt(index);
  }

  protected moveStep(index: number, by: -1 | 1): void {
    const target = index + by;
    if (target < 0 || target >= this.steps.length) {
      return;
    }
    const row = this.steps.at(index);
    this.steps.removeAt(index);
    this.steps.insert(target, row);
  }

  protected submitPolicy(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.save.emit({ name: value.name.trim(), steps: value.steps.map(toStep) });
  }

  private fillFrom(policy: ApprovalPolicyDto | null): void {
    this.steps.clear({ emitEvent: false });
    for (const step of policy?.steps ?? []) {
      this.steps.push(this.stepRow(step), { emitEvent: false });
    }
    if (!policy) {
      this.steps.push(this.stepRow(), { emitEvent: false });
    }
    this.form.reset({ name: policy?.name ?? '' });
  }

  private stepRow(step?: ApprovalStepDto): StepRow {
    const kind: ApproverKind | '' = step ? kindOf(step) : '';
    const row: StepRow = this.fb.group({
      name: [
        step?.name ?? '',
        [Validators.required, Validators.maxLength(TEXT_LIMITS.approvalStepName), notBlank],
      ],
      approverKind: [kind, Validators.required],
      approverUserIds: [step ? [...step.approverUserIds] : ([] as string[]), nonEmptyArray],
      allowEarlierApprovers: [step?.allowEarlierApprovers ?? false],
      slaHours: [
        step?.slaHours ?? (48 as number | null),
        [
          Validators.required,
          Validators.min(NUMBER_LIMITS.approvalStepSlaHours.min),
          Validators.max(NUMBER_LIMITS.approvalStepSlaHours.max),
          wholeNumber,
        ],
      ],
    });
    const syncApprovers = (value: ApproverKind | ''): void => {
      if (value === 'users') {
        row.controls.approverUserIds.enable({ emitEvent: false });
      } else {
        row.controls.approverUserIds.disable({ emitEvent: false });
      }
    };
    syncApprovers(kind);
    row.controls.approverKind.valueChanges.subscribe(syncApprovers);
    return row;
  }
}
