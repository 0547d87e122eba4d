import { PercentPipe } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  untracked,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  ContractDetailDto,
  CreateContractRequest,
  GoalAllocationDto,
  RateCardItemDto,
  RateUnit,
} from '@agency-portal/shared';
import {
  RATE_UNITS,
  allocationTotal,
  isContractFieldEditable,
  NUMBER_LIMITS,
  TEXT_LIMITS,
} from '@agency-portal/shared';
import { RATE_UNIT_LABELS } from '../../shared/i18n/labels';
import { distinctUntilChanged, map } from 'rxjs';
import { Lookups } from '../../core/lookups/lookups';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { LookupField } from '../../shared/forms/lookup-field';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { dateOrder, notBlank, wholeNumber } from '../../shared/forms/validators';
import { CURRENCY_OPTIONS } from '../../shared/money/currency-options';
import { MoneyInput } from '../../shared/money/money-input';
import { allocationTotalValidator, distinctGoalsValidator } from './allocation-validators';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';
import { FormActions, RecordForm } from '../../shared/forms/record-form';

type RateCardRow = FormGroup<{
  code: FormControl<string>;
  description: FormControl<string>;
  unit: FormControl<RateUnit | ''>;
  unitPriceMinor: FormControl<number | null>;
}>;

type AllocationRow = FormGroup<{
  goalId: FormControl<string>;
  percent: FormControl<number | null>;
}>;

const DEFAULT_RENEWAL_NOTICE_DAYS = 30;

/**
 * A statement of work: parties, reference, scope, period, currency and budget cap, renewal
 * notice, internal notes, the rate card (rows) and the split of the budget across goals (rows).
 * Emits a complete CreateContractRequest; the page decides what of it an update may send.
 */
@Component({
  selector: 'ap-contract-form',
  imports: [
    FormActions,
    FormErrorSummary,
    PercentPipe,
    FormErrorAlert,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MoneyInput,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './contract-form.html',
  styleUrl: './contract-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContractForm extends RecordForm<CreateContractRequest> {
  protected readonly rateCardItemLabel = (number: number): string =>
    $localize`Rate card item ${number}:number:`;
  protected readonly allocationLabel = (number: number): string => $localize`Allocation ${number}:number:`;
  /** The contract being edited; null to draft a new one. */
  readonly contract = input<ContractDetailDto | null>(null);

  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  protected readonly lookups = inject(Lookups);
  protected readonly activeAgencies = { status: 'active' } as const;
  /** Active in-house people may own a contract (a current owner who left still shows). */
  protected readonly ownerFilter = { kind: 'in_house', active: true } as const;
  protected readonly agencyKeptHint = $localize`A contract stays with its agency.`;
  protected readonly unitLockedHint = $localize`Locked while the contract is active.`;
  protected readonly rateUnits = RATE_UNITS;
  protected readonly rateUnitLabels = RATE_UNIT_LABELS;
  protected readonly currencies = CURRENCY_OPTIONS;
  protected readonly form = this.fb.group(
    {
      agencyId: ['', Validators.required],
      businessUnitId: ['', Validators.required],
      ownerId: ['', Validators.required],
      reference: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.contractReference), notBlank]],
      title: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.title), notBlank]],
      scope: ['', Validators.maxLength(TEXT_LIMITS.contractText)],
      startDate: ['', Validators.required],
      endDate: ['', Validators.required],
      currency: ['', Validators.required],
      budgetCapMinor: [null as number | null, Validators.required],
      renewalNoticeDays: [
        DEFAULT_RENEWAL_NOTICE_DAYS as number | null,
        [
          Validators.required,
          Validators.min(NUMBER_LIMITS.renewalNoticeDays.min),
          Validators.max(NUMBER_LIMITS.renewalNoticeDays.max),
          wholeNumber,
        ],
      ],
      internalNotes: ['', Validators.maxLength(TEXT_LIMITS.contractText)],
      rateCard: this.fb.array<RateCardRow>([]),
      allocations: this.fb.array<AllocationRow>([], [allocationTotalValidator, distinctGoalsValidator]),
    },
    { validators: dateOrder('startDate', 'endDate') },
  );
  protected readonly rateCard = this.form.controls.rateCard;
  protected readonly allocations = this.form.controls.allocations;

  /** The currency amounts are typed in ('' until one is chosen). */
  protected readonly currency = toSignal(this.form.controls.currency.valueChanges, { initialValue: '' });
  protected readonly businessUnitId = toSignal(this.form.controls.businessUnitId.valueChanges, {
    initialValue: '',
  });
  protected readonly totalPercent = toSignal(
    this.allocations.valueChanges.pipe(map(() => allocationTotal(this.allocations.getRawValue()))),
    { initialValue: 0 },
  );
  protected readonly overAllocated = computed(() => this.totalPercent() > 100);
  /** Allocations go to goals of the contract's own unit. */
  protected readonly goalFilter = computed(() => ({ businessUnitId: this.businessUnitId() }));
  /** Active contracts keep their parties, reference, period and currency. */
  protected readonly locked = computed(() => this.contract()?.status === 'active');
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  private readonly codeInputs = viewChildren('codeInput', { read: ElementRef<HTMLElement> });
  private readonly goalFields = viewChildren<LookupField>('goalField');
  /** The form is being filled from the contract, not changed by a person. */
  private filling = false;

  constructor() {
    super();
    // Goals belong to one unit: choosing another unit empties the goals chosen so far.
    this.form.controls.businessUnitId.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed())
      .subscribe(() => {
        if (!this.filling) this.clearAllocationGoals();
      });
    effect(() => {
      const contract = this.contract();
      untracked(() => this.fillFrom(contract));
    });
  }

  protected addRateCardItem(): void {
    this.rateCard.push(this.rateCardRow());
    this.focusLast(this.codeInputs);
  }

  protected removeRateCardItem(index: number): void {
    this.rateCard.removeAt(index);
  }

  protected addAllocation(): void {
    this.allocations.push(this.allocationRow());
    afterNextRender(() => this.goalFields().at(-1)?.focus(), { injector: this.injector });
  }

  protected removeAllocation(index: number): void {
    this.allocations.removeAt(index);
  }

  protected submitContract(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    if (value.budgetCapMinor === null || value.renewalNoticeDays === null) {
      return;
    }
    this.save.emit({
      agencyId: value.agencyId,
      businessUnitId: value.businessUnitId,
      ownerId: value.ownerId,
      reference: value.reference.trim(),
      title: value.title.trim(),
      scope: value.scope.trim(),
      startDate: value.startDate,
      endDate: value.endDate,
      currency: value.currency,
      budgetCapMinor: value.budgetCapMinor,
      renewalNoticeDays: value.renewalNoticeDays,
      internalNotes: value.internalNotes.trim(),
      rateCard: value.rateCard.map((row) => ({
        code: row.code.trim(),
        description: row.description.trim(),
        unit: row.unit as RateUnit,
        unitPriceMinor: row.unitPriceMinor as number,
      })),
      allocations: value.allocations.map((row) => ({
        goalId: row.goalId,
        percent: row.percent as number,
      })),
    });
  }

  private fillFrom(contract: ContractDetailDto | null): void {
    this.filling = true;
    this.rateCard.clear({ emitEvent: false });
    for (const item of contract?.rateCard ?? []) {
      this.rateCard.push(this.rateCardRow(item), { emitEvent: false });
    }
    this.allocations.clear({ emitEvent: false });
    for (const allocation of contract?.allocations ?? []) {
      this.allocations.push(this.allocationRow(allocation), { emitEvent: false });
    }
    this.form.reset({
      agencyId: contract?.agencyId ?? '',
      businessUnitId: contract?.businessUnitId ?? '',
      ownerId: contract?.owner.id ?? '',
      reference: contract?.reference ?? '',
      title: contract?.title ?? '',
      scope: contract?.scope ?? '',
      startDate: contract?.startDate ?? '',
      endDate: contract?.endDate ?? '',
      currency: contract?.currency ?? '',
      budgetCapMinor: contract?.budgetCapMinor ?? null,
      renewalNoticeDays: contract?.renewalNoticeDays ?? DEFAULT_RENEWAL_NOTICE_DAYS,
      internalNotes: contract?.internalNotes ?? '',
    });
    // The agency of a contract never changes; other fields follow the shared lifecycle rules
    // (an active contract keeps its unit, reference, period and currency).
    const controls = this.form.controls;
    for (const field of [
      'agencyId',
      'businessUnitId',
      'reference',
      'startDate',
      'endDate',
      'currency',
    ] as const) {
      const locked =
        contract !== null && (field === 'agencyId' || !isContractFieldEditable(contract.status, field));
      if (locked) {
        controls[field].disable({ emitEvent: false });
      } else {
        controls[field].enable({ emitEvent: false });
      }
    }
    this.filling = false;
  }

  private clearAllocationGoals(): void {
    for (const row of this.allocations.controls) {
      if (row.controls.goalId.value) row.controls.goalId.setValue('');
    }
  }

  private rateCardRow(item?: RateCardItemDto): RateCardRow {
    return this.fb.group({
      code: [
        item?.code ?? '',
        [Validators.required, Validators.maxLength(TEXT_LIMITS.rateCardCode), notBlank],
      ],
      description: [
        item?.description ?? '',
        [Validators.required, Validators.maxLength(TEXT_LIMITS.rateCardDescription), notBlank],
      ],
      unit: this.fb.control<RateUnit | ''>(item?.unit ?? '', Validators.required),
      unitPriceMinor: [item?.unitPriceMinor ?? (null as number | null), Validators.required],
    });
  }

  private allocationRow(allocation?: GoalAllocationDto): AllocationRow {
    return this.fb.group({
      goalId: [allocation?.goalId ?? '', Validators.required],
      percent: [
        allocation?.percent ?? (null as number | null),
        [
          Validators.required,
          Validators.min(NUMBER_LIMITS.allocationPercent.min),
          Validators.max(NUMBER_LIMITS.allocationPercent.max),
          wholeNumber,
        ],
      ],
    });
  }

  /** Moves focus into a row just added, once it is on screen. */
  private focusLast(elements: () => readonly ElementRef<HTMLElement>[]): void {
    afterNextRender(() => elements().at(-1)?.nativeElement.focus(), { injector: this.injector });
  }
}
