import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { toSignal } from '@angular/core/rxjs-interop';
import type {
  ApiErrorBody,
  Channel,
  ColumnTarget,
  ImportField,
  ImportTarget,
  MappingDefaults,
  MappingPreset,
  MetricImportDetailDto,
  StartImportRequest,
} from '@agency-portal/shared';
import {
  CHANNELS,
  IGNORE,
  IMPORT_TARGETS,
  SINGLE_COLUMN_FIELDS,
  TARGET_FIELDS,
  VALUE_FIELDS,
  presetById,
  presetMapping,
  suggestPreset,
  validateMapping,
} from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { FormErrorAlert } from '../../shared/forms/form-error-alert';
import { LookupField } from '../../shared/forms/lookup-field';
import { CHANNEL_LABELS } from '../../shared/i18n/labels';
import { CURRENCY_OPTIONS } from '../../shared/money/currency-options';
import { IMPORT_FIELD_LABELS, IMPORT_TARGET_LABELS, columnProblemText, presetLabel } from './import-labels';

/** "Map the columns myself": no preset. */
const NO_PRESET = '';

/**
 * Step 2 of 3: what the file's columns hold. The file's header and first rows, the preset that
 * fits (suggested by the server, or chosen), each of our fields → the file's column(s) with the
 * required ones marked, what to do with the other columns, the target (deliverables or a goal)
 * and the values for the whole file. The same problems the server would refuse the mapping for
 * (`validateMapping` from the shared lib) are listed before anything is sent.
 */
@Component({
  selector: 'ap-import-mapping',
  imports: [
    FormErrorAlert,
    LookupField,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  templateUrl: './import-mapping.html',
  styleUrl: './import-mapping.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportMapping {
  readonly item = input.required<MetricImportDetailDto>();
  readonly presets = input.required<readonly MappingPreset[]>();
  readonly busy = input(false);
  /** The server's refusal of the last start, if any. */
  readonly serverError = input<ApiErrorBody | null>(null);
  readonly startRequested = output<StartImportRequest>();

  protected readonly lookups = inject(Lookups);
  protected readonly targets = IMPORT_TARGETS;
  protected readonly targetLabels = IMPORT_TARGET_LABELS;
  protected readonly fieldLabels = IMPORT_FIELD_LABELS;
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly currencies = CURRENCY_OPTIONS;
  protected readonly presetLabel = presetLabel;
  protected readonly problemText = columnProblemText;
  protected readonly ignore = IGNORE;

  private readonly problemsBox = viewChild<ElementRef<HTMLElement>>('problemsBox');

  protected readonly headers = computed(() => this.item().headers);
  protected readonly target = signal<ImportTarget>('deliverables');
  protected readonly presetsForTarget = computed(() =>
    this.presets().filter((preset) => preset.targets.includes(this.target())),
  );
  /** The suggested preset for the target: the server's for deliverables, the shared rule's for a goal. */
  private readonly suggested = computed(() => {
    const target = this.target();
    const item = this.item();
    if (target === 'deliverables' && item.suggestedPresetId) return item.suggestedPresetId;
    return suggestPreset(item.headers, target)?.id ?? NO_PRESET;
  });
  protected readonly presetId = linkedSignal(() => this.suggested());
  protected readonly preset = computed(() => presetById(this.presetId()) ?? null);
  /** Column → field or ignore; a column left out is one nobody has said anything about yet. */
  protected readonly columns = linkedSignal<Record<string, ColumnTarget>>(() => {
    const preset = this.preset();
    return preset ? presetMapping(preset, this.headers()) : {};
  });

  protected readonly goalControl = new FormControl('', { nonNullable: true });
  private readonly goalId = toSignal(this.goalControl.valueChanges, { initialValue: '' });
  protected readonly dateControl = new FormControl('', { nonNullable: true });
  private readonly date = toSignal(this.dateControl.valueChanges, { initialValue: '' });
  protected readonly channel = signal<Channel | ''>('');
  protected readonly currency = signal('');
  protected readonly submitted = signal(false);

  protected readonly fields = computed(() => TARGET_FIELDS[this.target()]);
  protected readonly defaults = computed<MappingDefaults>(() => {
    const defaults: MappingDefaults = {};
    if (this.date()) defaults.date = this.date();
    if (this.channel()) defaults.channel = this.channel() as Channel;
    if (this.currency()) defaults.currency = this.currency();
    return defaults;
  });
  /** Everything that keeps this mapping from importing the file, as the server would say it. */
  protected readonly problems = computed(() => {
    const problems = validateMapping(
      this.headers(),
      { presetId: this.presetId() || null, columns: this.columns(), defaults: this.defaults() },
      this.target(),
    ).map((problem) => columnProblemText(problem));
    if (this.target() === 'goal' && !this.goalId()) {
      problems.push($localize`:@@importMapping.goalMissing:Choose the goal these outcomes belong to.`);
    }
    return problems;
  });
  /** Columns no field takes: ignored (by the preset or by you) or not yet decided. */
  protected readonly otherColumns = computed(() => {
    const columns = this.columns();
    return this.headers()
      .filter((header) => columns[header] === undefined || columns[header] === IGNORE)
      .map((header) => ({ header, ignored: columns[header] === IGNORE }));
  });
  protected readonly undecided = computed(
    () => this.otherColumns().filter((column) => !column.ignored).length,
  );
  protected readonly needsDate = computed(() => !Object.values(this.columns()).includes('date'));
  protected readonly needsCurrency = computed(() => {
    const used = Object.values(this.columns());
    return used.includes('revenue') && !used.includes('currency');
  });
  /** The lines of a refused mapping (422 invalid_mapping: `details.columns[].message`). */
  protected readonly serverProblems = computed(() => {
    const columns = this.serverError()?.details?.['columns'];
    return Array.isArray(columns)
      ? columns
          .map((problem: unknown) =>
            typeof problem === 'object' && problem !== null && 'message' in problem
              ? String(problem.message)
              : '',
          )
          .filter((message) => message !== '')
      : [];
  });
  protected readonly oneDayFile = computed(() => this.preset()?.dates === 'file');

  constructor() {
    // Another target takes other fields and other presets: its values for the whole file start over.
    effect(() => {
      this.target();
      untracked(() => this.goalControl.setValue(''));
    });
  }

  protected isRequired(field: ImportField): boolean {
    if (field === 'deliverable') return this.target() === 'deliverables';
    if (field === 'date') return !this.date();
    return false;
  }

  /** Fields one column fills; the others add up several (likes + comments + shares). */
  protected isSingle(field: ImportField): boolean {
    return SINGLE_COLUMN_FIELDS.includes(field);
  }

  protected isValueField(field: ImportField): boolean {
    return VALUE_FIELDS.includes(field);
  }

  protected columnsOf(field: ImportField): string[] {
    const columns = this.columns();
    return this.headers().filter((header) => columns[header] === field);
  }

  protected firstColumnOf(field: ImportField): string | null {
    return this.columnsOf(field)[0] ?? null;
  }

  protected fieldOf(header: string): ColumnTarget | undefined {
    return this.columns()[header];
  }

  protected chooseTarget(target: ImportTarget): void {
    this.target.set(target);
  }

  protected choosePreset(id: string): void {
    this.presetId.set(id);
  }

  /** The field now comes from exactly these columns; columns it no longer takes are undecided again. */
  protected chooseColumns(field: ImportField, chosen: string | string[] | null): void {
    const picked = new Set(Array.isArray(chosen) ? chosen : chosen ? [chosen] : []);
    this.columns.update((columns) => {
      const next: Record<string, ColumnTarget> = {};
      for (const [header, target] of Object.entries(columns)) {
        if (target !== field || picked.has(header)) next[header] = target;
      }
      for (const header of picked) next[header] = field;
      return next;
    });
  }

  protected setIgnored(header: string, ignored: boolean): void {
    this.columns.update((columns) => {
      const next = { ...columns };
      if (ignored) next[header] = IGNORE;
      else delete next[header];
      return next;
    });
  }

  protected ignoreTheRest(): void {
    this.columns.update((columns) => {
      const next = { ...columns };
      for (const header of this.headers()) next[header] ??= IGNORE;
      return next;
    });
  }

  protected fieldLabelOf(header: string): string {
    const target = this.fieldOf(header);
    if (target === undefined)
      return $localize`:A file's column nobody has said anything about@@importMapping.undecided:Not mapped`;
    if (target === IGNORE)
      return $localize`:A file's column left out of the import@@importMapping.ignored:Ignored`;
    return IMPORT_FIELD_LABELS[target];
  }

  protected startImport(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    if (this.problems().length > 0) {
      this.problemsBox()?.nativeElement.focus();
      return;
    }
    const target = this.target();
    const defaults = this.defaults();
    this.startRequested.emit({
      target,
      ...(target === 'goal' ? { goalId: this.goalId() } : {}),
      presetId: this.presetId() || null,
      columns: this.columns(),
      ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
    });
  }
}
