import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  type DoCheck,
  DestroyRef,
  type ElementRef,
  InjectionToken,
  booleanAttribute,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  type ControlValueAccessor,
  FormControl,
  NgControl,
  ReactiveFormsModule,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  Subject,
  catchError,
  combineLatest,
  debounceTime,
  distinctUntilChanged,
  filter,
  map,
  merge,
  of,
  startWith,
  switchMap,
} from 'rxjs';
import type { LookupItem, LookupResult, LookupSet } from '../../core/lookups/lookups';
import { ValidationMessagePipe } from './validation-message';

/** How long typing rests before the choices are searched (milliseconds; tests make it 0). */
export const LOOKUP_DEBOUNCE = new InjectionToken<number>('LOOKUP_DEBOUNCE', { factory: () => 200 });

/** The part of a lookup set a field needs: search by text, and one record by id. */
export type LookupSource = Pick<LookupSet<{ id: string }, object>, 'search' | 'get'>;

type Loaded = LookupResult & { failed: boolean };

/**
 * A form field that picks one record by typing part of its name: the list route is searched with
 * `q` (the first choices show on focus, the rest are a few letters away), so it works the same for
 * five business units and for five thousand people. Its value is the record's id ('' for none).
 * Use it like an input: `<ap-lookup-field label="Agency" [source]="lookups.agencies" formControlName="agencyId" />`.
 */
@Component({
  selector: 'ap-lookup-field',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <input
        #textInput
        matInput
        autocomplete="off"
        [formControl]="text"
        [matAutocomplete]="auto"
        [required]="required()"
        [placeholder]="placeholder()"
        [errorStateMatcher]="errorState"
        (focus)="searchOnFocus()"
        (blur)="touched()"
      />
      @if (clearable() && value() !== '' && !text.disabled) {
        <button matIconButton matSuffix type="button" [attr.aria-label]="clearLabel()" (click)="clear()">
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
            />
          </svg>
        </button>
      }
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="displayText"
        (closed)="panelClosed()"
        (optionSelected)="choose($event.option.value)"
      >
        @if (emptyLabel(); as emptyLabel) {
          <mat-option value="">{{ emptyLabel }}</mat-option>
        }
        @for (item of visibleChoices(); track item.id) {
          <mat-option [value]="item">
            {{ item.label }}
            @if (item.detail) {
              <span class="ap-lookup__detail">{{ item.detail }}</span>
            }
          </mat-option>
        }
        @if (choices().failed) {
          <mat-option i18n="A picker could not load its choices@@lookup.failed" disabled>
            The choices could not be loaded. Type again to retry.
          </mat-option>
        } @else if (choices().more) {
          <mat-option
            i18n="A picker lists only its first choices@@lookup.more"
            disabled
            class="ap-lookup__more"
          >
            More match: type to narrow them.
          </mat-option>
        } @else if (searched() && visibleChoices().length === 0) {
          <mat-option i18n="A picker found nothing for the typed text@@lookup.none" disabled
            >Nothing matches.</mat-option
          >
        }
      </mat-autocomplete>
      @if (hint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
      <mat-error>{{ control()?.errors | validationMessage }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
    .ap-lookup__detail {
      margin-left: 8px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LookupField implements ControlValueAccessor, DoCheck {
  readonly label = input.required<string>();
  readonly source = input.required<LookupSource>();
  /** Narrows the choices (e.g. active agencies, in-house people), sent with every search. */
  readonly filter = input<object>({});
  readonly hint = input<string>();
  readonly placeholder = input('');
  readonly required = input(false, { transform: booleanAttribute });
  /** Offers a way back to "none" (filters); a required field chooses again instead. */
  readonly clearable = input(false, { transform: booleanAttribute });
  /** A first choice meaning "none", e.g. "Any agency". */
  readonly emptyLabel = input<string>();
  /** Records that may not be chosen here (a unit cannot be its own parent). */
  readonly exclude = input<readonly string[]>([]);

  private readonly ngControl = inject(NgControl, { self: true, optional: true });
  private readonly changeDetector = inject(ChangeDetectorRef);
  /** The outer control's state when last drawn (OnPush does not see it marked touched on submit). */
  private drawnState = '';
  protected readonly text = new FormControl<string | LookupItem>('', { nonNullable: true });
  protected readonly value = signal('');
  protected readonly choices = signal<Loaded>({ items: [], more: false, failed: false });
  protected readonly searched = signal(false);
  protected readonly visibleChoices = computed(() => {
    const excluded = new Set(this.exclude());
    return this.choices().items.filter((item) => !excluded.has(item.id));
  });
  protected readonly clearLabel = (): string =>
    $localize`:Clears a picker's choice; the field's label follows@@lookup.clear:Clear ${this.label()}:label:`;
  protected readonly displayText = (item: LookupItem | string | null): string =>
    typeof item === 'string' ? item : (item?.label ?? '');
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.control();
      return !!control && control.invalid && (control.touched || control.dirty);
    },
  };
  private readonly textInput = viewChild.required<ElementRef<HTMLInputElement>>('textInput');
  private readonly terms = new Subject<string>();
  private onChange: (value: string) => void = () => undefined;
  private onTouched: () => void = () => undefined;
  /** Which record the text shows, so a late answer for an earlier value is dropped. */
  private shownId = '';

  constructor() {
    if (this.ngControl) this.ngControl.valueAccessor = this;
    const typed = this.text.valueChanges.pipe(filter((value): value is string => typeof value === 'string'));
    const subscription = combineLatest([
      merge(typed, this.terms).pipe(
        debounceTime(inject(LOOKUP_DEBOUNCE)),
        map((term) => term.trim()),
      ),
      toObservable(this.filter).pipe(
        map((value) => JSON.stringify(value)),
        distinctUntilChanged(),
        startWith(undefined),
      ),
    ])
      .pipe(
        switchMap(([term]) =>
          this.source()
            .search(term, this.filter())
            .pipe(
              map((result): Loaded => ({ ...result, failed: false })),
              catchError(() => of<Loaded>({ items: [], more: false, failed: true })),
            ),
        ),
      )
      .subscribe((loaded) => {
        this.choices.set(loaded);
        this.searched.set(true);
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** Moves the keyboard focus into the field (e.g. into a row just added). */
  focus(): void {
    this.textInput().nativeElement.focus();
  }

  ngDoCheck(): void {
    const control = this.control();
    const state = control ? `${control.touched} ${control.dirty} ${control.status}` : '';
    if (state !== this.drawnState) {
      this.drawnState = state;
      this.changeDetector.markForCheck();
    }
  }

  /** The outer form control, whose errors the field shows. */
  protected control(): AbstractControl | null {
    return this.ngControl?.control ?? null;
  }

  writeValue(id: string | null): void {
    const next = id ?? '';
    this.value.set(next);
    this.shownId = next;
    if (next === '') {
      this.text.setValue('', { emitEvent: false });
      return;
    }
    this.source()
      .get(next)
      .subscribe({
        next: (item) => {
          if (this.shownId === next) this.text.setValue(item, { emitEvent: false });
        },
        // The record cannot be named (gone, or out of reach): the id stays, the field says nothing.
        error: () => undefined,
      });
  }

  registerOnChange(fn: (value: string) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    if (disabled) this.text.disable({ emitEvent: false });
    else this.text.enable({ emitEvent: false });
  }

  /** Focus lists the first choices (the panel opens once there are some to show). */
  protected searchOnFocus(): void {
    const value = this.text.value;
    // A chosen record shows its name; focusing or opening lists the first choices, not only that one.
    // On focus too: a panel with no options yet (no "empty" choice) never opens by itself.
    this.terms.next(typeof value === 'string' ? value : '');
  }

  /** Closed without choosing: typed text that chose nothing goes back to the current choice. */
  protected panelClosed(): void {
    const value = this.text.value;
    if (typeof value !== 'string') return;
    if (value.trim() === '' && this.value() !== '') {
      this.choose('');
      return;
    }
    this.writeValue(this.value());
  }

  protected choose(choice: LookupItem | string): void {
    const id = typeof choice === 'string' ? '' : choice.id;
    this.shownId = id;
    this.value.set(id);
    if (id === '') this.text.setValue('', { emitEvent: false });
    this.onChange(id);
    this.onTouched();
  }

  protected clear(): void {
    this.choose('');
  }

  protected touched(): void {
    this.onTouched();
  }
}
