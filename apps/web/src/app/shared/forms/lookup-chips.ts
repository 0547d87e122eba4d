import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  type DoCheck,
  DestroyRef,
  booleanAttribute,
  computed,
  inject,
  input,
  signal,
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
import { MatChipsModule } from '@angular/material/chips';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
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
import { type LookupItem, type LookupResult, lookupNames } from '../../core/lookups/lookups';
import { LOOKUP_DEBOUNCE, type LookupSource } from './lookup-field';
import { ValidationMessagePipe } from './validation-message';

/**
 * A form field that picks several records by typing part of their names (the people who decide an
 * approval step): chosen ones are chips with a remove button, the choices come from the list route
 * with `q`. Its value is the records' ids.
 */
@Component({
  selector: 'ap-lookup-chips',
  imports: [
    MatAutocompleteModule,
    MatChipsModule,
    MatFormFieldModule,
    ReactiveFormsModule,
    ValidationMessagePipe,
  ],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #grid [required]="required()" [errorStateMatcher]="errorState" [disabled]="disabled()">
        @for (id of value(); track id) {
          <mat-chip-row (removed)="remove(id)">
            {{ names().get(id) ?? '…' }}
            <button matChipRemove type="button" [attr.aria-label]="removeLabel(names().get(id) ?? '')">
              <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
                <path
                  fill="currentColor"
                  d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
                />
              </svg>
            </button>
          </mat-chip-row>
        }
        <input
          autocomplete="off"
          [formControl]="text"
          [matChipInputFor]="grid"
          [matAutocomplete]="auto"
          [placeholder]="placeholder()"
          (focus)="searchOnFocus()"
          (blur)="touched()"
        />
      </mat-chip-grid>
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="add($event.option.value)">
        @for (item of visibleChoices(); track item.id) {
          <mat-option [value]="item">
            {{ item.label }}
            @if (item.detail) {
              <span class="ap-lookup__detail">{{ item.detail }}</span>
            }
          </mat-option>
        }
        @if (failed()) {
          <mat-option i18n="@@lookup.failed" disabled
            >The choices could not be loaded. Type again to retry.</mat-option
          >
        } @else if (choices().more) {
          <mat-option i18n="@@lookup.more" disabled>More match: type to narrow them.</mat-option>
        } @else if (searched() && visibleChoices().length === 0) {
          <mat-option i18n="@@lookup.none" disabled>Nothing matches.</mat-option>
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
export class LookupChips implements ControlValueAccessor, DoCheck {
  readonly label = input.required<string>();
  readonly source = input.required<LookupSource>();
  readonly filter = input<object>({});
  readonly hint = input<string>();
  readonly placeholder = input('');
  readonly required = input(false, { transform: booleanAttribute });

  private readonly ngControl = inject(NgControl, { self: true, optional: true });
  private readonly changeDetector = inject(ChangeDetectorRef);
  /** The outer control's state when last drawn (OnPush does not see it marked touched on submit). */
  private drawnState = '';
  protected readonly text = new FormControl<string | LookupItem>('', { nonNullable: true });
  protected readonly value = signal<string[]>([]);
  protected readonly disabled = signal(false);
  protected readonly names = lookupNames(
    () => this.source(),
    () => this.value(),
  );
  protected readonly choices = signal<LookupResult>({ items: [], more: false });
  protected readonly failed = signal(false);
  protected readonly searched = signal(false);
  protected readonly visibleChoices = computed(() => {
    const chosen = new Set(this.value());
    return this.choices().items.filter((item) => !chosen.has(item.id));
  });
  protected readonly removeLabel = (name: string): string =>
    $localize`:Removes one chosen record from a picker@@lookup.remove:Remove ${name}:name:`;
  protected readonly errorState: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.control();
      return !!control && control.invalid && (control.touched || control.dirty);
    },
  };
  private readonly terms = new Subject<string>();
  private onChange: (value: string[]) => void = () => undefined;
  private onTouched: () => void = () => undefined;

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
              map((result) => ({ result, failed: false })),
              catchError(() => of({ result: { items: [], more: false }, failed: true })),
            ),
        ),
      )
      .subscribe(({ result, failed }) => {
        this.choices.set(result);
        this.failed.set(failed);
        this.searched.set(true);
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  ngDoCheck(): void {
    const control = this.control();
    const state = control ? `${control.touched} ${control.dirty} ${control.status}` : '';
    if (state !== this.drawnState) {
      this.drawnState = state;
      this.changeDetector.markForCheck();
    }
  }

  protected control(): AbstractControl | null {
    return this.ngControl?.control ?? null;
  }

  writeValue(ids: string[] | null): void {
    this.value.set([...(ids ?? [])]);
  }

  registerOnChange(fn: (value: string[]) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.disabled.set(disabled);
    if (disabled) this.text.disable({ emitEvent: false });
    else this.text.enable({ emitEvent: false });
  }

  /** Focus lists the first choices (the panel opens once there are some to show). */
  protected searchOnFocus(): void {
    const value = this.text.value;
    this.terms.next(typeof value === 'string' ? value : '');
  }

  protected add(item: LookupItem): void {
    this.text.setValue('', { emitEvent: false });
    if (this.value().includes(item.id)) return;
    this.value.update((ids) => [...ids, item.id]);
    this.changed();
  }

  protected remove(id: string): void {
    this.value.update((ids) => ids.filter((candidate) => candidate !== id));
    this.changed();
  }

  protected touched(): void {
    this.onTouched();
  }

  private changed(): void {
    this.onChange(this.value());
    this.onTouched();
  }
}
