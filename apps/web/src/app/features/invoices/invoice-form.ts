import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormArray,
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { PercentPipe } from '@angular/common';
import type { ApiErrorBody, InvoiceDraftDto, RateCardItemDto, RateUnit } from '@agency-portal/shared';
import {
  INVOICE_NUMBER_MAX_LENGTH,
  MAX_INVOICE_LINES,
  isValidQuantity,
  taxRatePercentText,
} from '@agency-portal/shared';
import { map, startWith } from 'rxjs';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { serverErrorsOn } from '../../shared/forms/server-errors';
import { ValidationMessagePipe } from '../../shared/forms/validation-message';
import { dateOrder, notBlank } from '../../shared/forms/validators';
import { RATE_UNIT_LABELS } from '../../shared/i18n/labels';
import { MoneyInput } from '../../shared/money/money-input';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { type InvoiceLineValue, formTotals, lineFromDraft, lineFromRateCard } from './invoice-lines';

/** What the agency submits: the header, the lines as edited, and its PDF. */
export interface InvoiceFormValue {
  number: string;
  issueDate: string;
  dueDate: string;
  notes: string;
  lines: InvoiceLineValue[];
  file: File;
}

/** A goal a line may serve: the contract's allocations (and the briefs' goals the draft names). */
export interface GoalChoice {
  goalId: string;
  goalName: string;
}

type LineGroup = FormGroup<{ [K in keyof InvoiceLineValue]: FormControl<InvoiceLineValue[K]> }>;

/** The quantity a line's unit allows: whole deliverables, hours and months to two decimals. */
function quantityFor(unit: RateUnit): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (value === null || value === undefined || value === '') return null;
    return typeof value === 'number' && isValidQuantity(value, unit) ? null : { quantity: { unit } };
  };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const DUE_AFTER_DAYS = 30;
let nextId = 0;

/**
 * The invoice as the agency edits it before submitting: its number, dates and notes, the lines
 * proposed from approved work (quantity, price, goal, description; a line can be removed, and
 * hours or months of the rate card added), the PDF, and the totals by the shared rule as the
 * API will compute them. A price away from the rate card is allowed and said to be flagged.
 */
@Component({
  selector: 'ap-invoice-form',
  imports: [
    FormErrorAlert,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MoneyInput,
    MoneyPipe,
    PercentPipe,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  templateUrl: './invoice-form.html',
  styleUrl: './invoice-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceForm {
  readonly draft = input.required<InvoiceDraftDto>();
  readonly rateCard = input.required<readonly RateCardItemDto[]>();
  readonly goals = input.required<readonly GoalChoice[]>();
  readonly busy = input(false);
  /** Percent of the PDF sent while it uploads (0–100), null otherwise. */
  readonly uploadProgress = input<number | null>(null);
  readonly serverError = input<ApiErrorBody | null>(null);
  readonly submitInvoice = output<InvoiceFormValue>();

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly unitLabels = RATE_UNIT_LABELS;
  protected readonly fileInputId = `ap-invoice-pdf-${nextId++}`;
  protected readonly maxLines = MAX_INVOICE_LINES;

  protected readonly form = this.fb.group(
    {
      number: ['', [Validators.required, Validators.maxLength(INVOICE_NUMBER_MAX_LENGTH), notBlank]],
      issueDate: [isoDay(new Date()), Validators.required],
      dueDate: [isoDay(new Date(Date.now() + DUE_AFTER_DAYS * 86_400_000)), Validators.required],
      notes: ['', Validators.maxLength(5000)],
      lines: new FormArray<LineGroup>([]),
    },
    { validators: dateOrder('issueDate', 'dueDate') },
  );
  protected readonly lines = this.form.controls.lines;
  protected readonly file = signal<File | null>(null);
  protected readonly fileMissing = signal(false);
  protected readonly addItemId = this.fb.control('');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  private readonly lineValues = toSignal(
    this.lines.valueChanges.pipe(
      startWith(null),
      map(() => this.lines.getRawValue()),
    ),
    { requireSync: true },
  );
  /** Each line's amount and the totals, from the shared rule (`invoiceTotals`). */
  protected readonly totals = computed(() => formTotals(this.lineValues(), this.draft().taxRateBp));
  protected readonly taxPercent = computed(() => taxRatePercentText(this.draft().taxRateBp));
  /** Hours and months can be added; deliverable items come from approved work only. */
  protected readonly addableItems = computed(() =>
    this.rateCard().filter((item) => item.unit !== 'deliverable'),
  );
  protected readonly unmatchedErrors = serverErrorsOn(this.form, this.serverError);

  constructor() {
    // A new draft (another contract, or "start again") replaces the lines.
    effect(() => {
      const draft = this.draft();
      untracked(() => {
        this.lines.clear();
        for (const line of draft.lines) this.lines.push(this.lineGroup(lineFromDraft(line)));
      });
    });
  }

  protected lineAt(index: number): LineGroup {
    return this.lines.at(index);
  }

  protected priceDiffers(line: LineGroup): boolean {
    const price = line.controls.unitPriceMinor.value;
    return price !== null && price !== line.controls.rateCardPriceMinor.value;
  }

  protected removeLabel(index: number): string {
    return $localize`:Accessible name of the button removing one line of an invoice:Remove line ${index + 1}:position:`;
  }

  protected removeLine(index: number): void {
    this.lines.removeAt(index);
  }

  protected addRateCardLine(): void {
    const item = this.rateCard().find((candidate) => candidate.id === this.addItemId.value);
    if (!item || this.lines.length >= MAX_INVOICE_LINES) return;
    this.lines.push(this.lineGroup(lineFromRateCard(item, this.goals()[0]?.goalId ?? '')));
    this.addItemId.setValue('');
  }

  protected chooseFile(files: FileList | null): void {
    this.file.set(files?.item(0) ?? null);
    this.fileMissing.set(false);
  }

  protected submitForm(): void {
    const file = this.file();
    this.fileMissing.set(!file);
    if (this.form.invalid || !file || this.lines.length === 0) {
      this.form.markAllAsTouched();
      if (!file) this.fileInput()?.nativeElement.focus();
      return;
    }
    const value = this.form.getRawValue();
    this.submitInvoice.emit({
      number: value.number.trim(),
      issueDate: value.issueDate,
      dueDate: value.dueDate,
      notes: value.notes.trim(),
      lines: value.lines,
      file,
    });
  }

  private lineGroup(line: InvoiceLineValue): LineGroup {
    return this.fb.group({
      rateCardItemId: [line.rateCardItemId],
      itemCode: [line.itemCode],
      unit: this.fb.control<RateUnit>(line.unit),
      rateCardPriceMinor: [line.rateCardPriceMinor],
      deliverableId: this.fb.control<string | null>(line.deliverableId),
      deliverableTitle: this.fb.control<string | null>(line.deliverableTitle),
      description: [line.description, Validators.maxLength(500)],
      quantity: this.fb.control<number | null>(line.quantity, [Validators.required, quantityFor(line.unit)]),
      unitPriceMinor: this.fb.control<number | null>(line.unitPriceMinor, Validators.required),
      goalId: [line.goalId, Validators.required],
    });
  }
}
