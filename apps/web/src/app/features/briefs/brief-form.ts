import { PercentPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  untracked,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
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
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type {
  BriefDetailDto,
  Channel,
  ContractDetailDto,
  CreateBriefRequest,
  DeliverableSpecDto,
  FunnelStage,
} from '@agency-portal/shared';
import { CHANNELS, FUNNEL_STAGES, NUMBER_LIMITS, TEXT_LIMITS } from '@agency-portal/shared';
import { CHANNEL_LABELS, FUNNEL_STAGE_LABELS } from '../../shared/i18n/labels';
import { distinctUntilChanged, map, startWith } from 'rxjs';
import { Lookups } from '../../core/lookups/lookups';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { LookupField } from '../../shared/forms/lookup-field';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { nonEmptyArray, notBlank, positiveAmount, wholeNumber } from '../../shared/forms/validators';
import { MoneyInput } from '../../shared/money/money-input';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { briefEstimateMinor, specEstimateMinor } from './brief-estimate';
import { FormErrorSummary } from '../../shared/forms/form-error-summary';
import { FormActions, RecordForm } from '../../shared/forms/record-form';

type SpecRow = FormGroup<{
  rateCardItemId: FormControl<string>;
  quantity: FormControl<number | null>;
  dueDate: FormControl<string>;
  channel: FormControl<Channel | ''>;
}>;

/** At least one deliverable spec: a brief asks for something. */
function atLeastOneSpec(control: AbstractControl): ValidationErrors | null {
  return Array.isArray(control.value) && control.value.length > 0 ? null : { noSpecs: true };
}

/** "One per line" text → the list of key messages. */
export function keyMessagesFrom(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * A brief: the contract (fixed once drafted), the goals it serves (among the contract's allocated
 * goals), what to make and for whom, and the deliverable specs priced from the contract's rate card,
 * with the live estimate. Emits a complete CreateBriefRequest; the page sends an update without the
 * contract when editing.
 */
@Component({
  selector: 'ap-brief-form',
  imports: [
    FormActions,
    FormErrorSummary,
    PercentPipe,
    FormErrorAlert,
    LookupField,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MoneyInput,
    MoneyPipe,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './brief-form.html',
  styleUrl: './brief-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BriefForm extends RecordForm<CreateBriefRequest> {
  protected readonly specLabel = (number: number): string => $localize`Deliverable spec ${number}:number:`;
  /** The brief being edited; null to draft a new one. */
  readonly brief = input<BriefDetailDto | null>(null);
  /** The chosen contract with its allocations and rate card; null while it loads or none is chosen. */
  readonly contract = input<ContractDetailDto | null>(null);
  /** Contract to choose at first when drafting (from ?contractId=). */
  readonly initialContractId = input<string | null>(null);
  /** The chosen contract, so the page can load its allocations and rate card. */
  readonly contractChange = output<string>();

  protected readonly lookups = inject(Lookups);
  /** Briefs are drafted under active contracts (the brief's own stays shown when it is not). */
  protected readonly activeContracts = { status: 'active' } as const;
  protected readonly contractKeptHint = $localize`A brief stays under its contract.`;
  protected readonly activeOnlyHint = $localize`Active contracts only.`;
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly injector = inject(Injector);

  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly funnelStages = FUNNEL_STAGES;
  protected readonly funnelStageLabels = FUNNEL_STAGE_LABELS;
  protected readonly form = this.fb.group({
    contractId: ['', Validators.required],
    goalIds: [[] as string[], nonEmptyArray],
    title: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.title), notBlank]],
    objective: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.longText), notBlank]],
    audience: ['', Validators.maxLength(TEXT_LIMITS.longText)],
    keyMessages: ['', Validators.maxLength(5000)],
    channels: [[] as Channel[], nonEmptyArray],
    funnelStage: ['' as FunnelStage | '', Validators.required],
    dueDate: ['', Validators.required],
    budgetEstimateMinor: [null as number | null, positiveAmount],
    specs: this.fb.array<SpecRow>([], atLeastOneSpec),
  });
  protected readonly specs = this.form.controls.specs;

  protected readonly currency = computed(() => this.contract()?.currency ?? '');
  protected readonly rateCard = computed(() => this.contract()?.rateCard ?? []);
  protected readonly goalOptions = computed(() => this.contract()?.allocations ?? []);
  private readonly specLines = toSignal(
    this.specs.valueChanges.pipe(
      startWith(null),
      map(() => this.specs.getRawValue()),
    ),
    { initialValue: [] },
  );
  /** Σ unit price × quantity, exact in minor units. */
  protected readonly estimateMinor = computed(() => briefEstimateMinor(this.specLines(), this.rateCard()));
  protected readonly rowEstimates = computed(() =>
    this.specLines().map((line) => specEstimateMinor(line, this.rateCard())),
  );
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  private readonly rateCardSelects = viewChildren<unknown, ElementRef<HTMLElement>>('rateCardSelect', {
    read: ElementRef,
  });

  constructor() {
    super();
    this.form.controls.contractId.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((contractId) => this.contractChange.emit(contractId));
    effect(() => {
      const brief = this.brief();
      untracked(() => this.fillFrom(brief));
    });
    effect(() => {
      const initial = this.initialContractId();
      untracked(() => {
        if (!this.brief() && initial && !this.form.controls.contractId.value) {
          this.form.controls.contractId.setValue(initial);
        }
      });
    });
    effect(() => {
      const contract = this.contract();
      if (contract) {
        untracked(() => this.dropChoicesOutside(contract));
      }
    });
  }

  protected addSpec(): void {
    this.specs.push(this.specRow({ dueDate: this.form.controls.dueDate.value }));
    afterNextRender(() => this.rateCardSelects().at(-1)?.nativeElement.focus(), { injector: this.injector });
  }

  protected removeSpec(index: number): void {
    this.specs.removeAt(index);
  }

  protected submitBrief(): void {
    const value = this.form.getRawValue();
    if (this.form.invalid || value.funnelStage === '') {
      this.form.markAllAsTouched();
      return;
    }
    const request: CreateBriefRequest = {
      contractId: value.contractId,
      goalIds: value.goalIds,
      title: value.title.trim(),
      objective: value.objective.trim(),
      audience: value.audience.trim(),
      keyMessages: keyMessagesFrom(value.keyMessages),
      channels: value.channels,
      funnelStage: value.funnelStage,
      dueDate: value.dueDate,
      specs: value.specs.map((row) => ({
        rateCardItemId: row.rateCardItemId,
        quantity: row.quantity as number,
        dueDate: row.dueDate,
        channel: row.channel === '' ? null : row.channel,
      })),
    };
    if (value.budgetEstimateMinor !== null) {
      request.budgetEstimateMinor = value.budgetEstimateMinor;
    }
    this.save.emit(request);
  }

  private fillFrom(brief: BriefDetailDto | null): void {
    this.specs.clear({ emitEvent: false });
    for (const spec of brief?.specs ?? []) {
      this.specs.push(this.specRow(spec), { emitEvent: false });
    }
    const pricedTotal = (brief?.specs ?? []).reduce((sum, spec) => sum + spec.estimateMinor, 0);
    this.form.reset({
      contractId: brief?.contractId ?? this.form.controls.contractId.value,
      goalIds: brief ? brief.goals.map((goal) => goal.id) : [],
      title: brief?.title ?? '',
      objective: brief?.objective ?? '',
      audience: brief?.audience ?? '',
      keyMessages: brief?.keyMessages.join('\n') ?? '',
      channels: brief ? [...brief.channels] : [],
      funnelStage: brief?.funnelStage ?? '',
      dueDate: brief?.dueDate ?? '',
      // Only an estimate set by hand is shown; otherwise the rate card total applies.
      budgetEstimateMinor:
        brief && brief.budgetEstimateMinor !== pricedTotal ? brief.budgetEstimateMinor : null,
    });
    // A brief stays under the contract it was drafted for.
    if (brief) {
      this.form.controls.contractId.disable({ emitEvent: false });
    } else {
      this.form.controls.contractId.enable({ emitEvent: false });
    }
  }

  /** Goals and rate card items belong to one contract: another contract clears the others. */
  private dropChoicesOutside(contract: ContractDetailDto): void {
    const goals = new Set(contract.allocations.map((allocation) => allocation.goalId));
    const goalIds = this.form.controls.goalIds.value;
    const kept = goalIds.filter((id) => goals.has(id));
    if (kept.length !== goalIds.length) {
      this.form.controls.goalIds.setValue(kept);
    }
    const items = new Set(contract.rateCard.map((item) => item.id));
    for (const row of this.specs.controls) {
      const itemId = row.controls.rateCardItemId.value;
      if (itemId && !items.has(itemId)) {
        row.controls.rateCardItemId.setValue('');
      }
    }
  }

  private specRow(spec?: Partial<DeliverableSpecDto>): SpecRow {
    return this.fb.group({
      rateCardItemId: [spec?.rateCardItemId ?? '', Validators.required],
      quantity: [
        spec?.quantity ?? (1 as number | null),
        [
          Validators.required,
          Validators.min(NUMBER_LIMITS.specQuantity.min),
          Validators.max(NUMBER_LIMITS.specQuantity.max),
          wholeNumber,
        ],
      ],
      dueDate: [spec?.dueDate ?? '', Validators.required],
      channel: this.fb.control<Channel | ''>(spec?.channel ?? ''),
    });
  }
}
