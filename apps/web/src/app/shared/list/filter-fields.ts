import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CHANNELS } from '@agency-portal/shared';
import { Lookups } from '../../core/lookups/lookups';
import { LookupField, type LookupSource } from '../forms/lookup-field';
import { CHANNEL_LABELS } from '../i18n/labels';

/**
 * The filter fields list pages share, each bound to one of the list state's controls
 * (`list.form.controls.<name>`) inside `<ap-list-filters>`. Their hosts are `display: contents`,
 * so the filter bar lays out their form fields as its own.
 */

/**
 * A choice of one value or "any" (''): `<ap-option-filter label="Status" i18n-label
 * anyLabel="Any status" i18n-anyLabel [options]="statuses" [labels]="statusLabels" [control]="…" />`;
 * without `labels` the values show as they are (currency codes).
 */
@Component({
  selector: 'ap-option-filter',
  imports: [MatFormFieldModule, MatSelectModule, ReactiveFormsModule],
  template: `
    <mat-form-field>
      <mat-label>{{ label() }}</mat-label>
      <mat-select [formControl]="control()">
        <mat-option value="">{{ anyLabel() }}</mat-option>
        @for (option of options(); track option) {
          <mat-option [value]="option">{{ labels()?.[option] ?? option }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OptionFilter<T extends string = string> {
  readonly label = input.required<string>();
  readonly anyLabel = input.required<string>();
  readonly options = input.required<readonly T[]>();
  readonly labels = input<Readonly<Record<T, string>>>();
  readonly control = input.required<FormControl<string>>();
}

/** The status of a list's records, or any: every list words it the same. */
@Component({
  selector: 'ap-status-filter',
  imports: [OptionFilter],
  template: `
    <ap-option-filter
      label="Status"
      i18n-label
      anyLabel="Any status"
      i18n-anyLabel
      [options]="statuses()"
      [labels]="labels()"
      [control]="control()"
    />
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusFilter<T extends string = string> {
  readonly statuses = input.required<readonly T[]>();
  readonly labels = input.required<Readonly<Record<T, string>>>();
  readonly control = input.required<FormControl<string>>();
}

/** The social channel of a list's records (goals, deliverables), or any. */
@Component({
  selector: 'ap-channel-filter',
  imports: [OptionFilter],
  template: `
    <ap-option-filter
      label="Channel"
      i18n-label
      anyLabel="Any channel"
      i18n-anyLabel
      [options]="channels"
      [labels]="channelLabels"
      [control]="control()"
    />
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChannelFilter {
  readonly control = input.required<FormControl<string>>();
  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
}

/** A range of calendar dates (ISO, from the date inputs): by default the due dates. */
@Component({
  selector: 'ap-date-range-filter',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field>
      <mat-label>{{ fromLabel() }}</mat-label>
      <input matInput type="date" [formControl]="from()" />
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ toLabel() }}</mat-label>
      <input matInput type="date" [formControl]="to()" />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DateRangeFilter {
  readonly from = input.required<FormControl<string>>();
  readonly to = input.required<FormControl<string>>();
  readonly fromLabel = input($localize`:Filter of a list, the earliest due date@@list.dueFrom:Due from`);
  readonly toLabel = input($localize`:Filter of a list, the latest due date@@list.dueTo:Due by`);
}

/** The records lists are most often narrowed to. */
export type LookupFilterKind = 'agency' | 'contract' | 'unit';

/** A lookup of an agency, a contract or a business unit, clearable back to "any". */
@Component({
  selector: 'ap-lookup-filter',
  imports: [LookupField, ReactiveFormsModule],
  template: `
    <ap-lookup-field
      clearable
      [label]="field().label"
      [emptyLabel]="field().emptyLabel"
      [source]="field().source"
      [formControl]="control()"
    />
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LookupFilter {
  readonly kind = input.required<LookupFilterKind>();
  readonly control = input.required<FormControl<string>>();

  private readonly lookups = inject(Lookups);
  private readonly fields: Record<
    LookupFilterKind,
    { label: string; emptyLabel: string; source: LookupSource }
  > = {
    agency: { label: $localize`Agency`, emptyLabel: $localize`Any agency`, source: this.lookups.agencies },
    contract: {
      label: $localize`Contract`,
      emptyLabel: $localize`Any contract`,
      source: this.lookups.contracts,
    },
    unit: { label: $localize`Business unit`, emptyLabel: $localize`Any unit`, source: this.lookups.units },
  };
  protected readonly field = computed(() => this.fields[this.kind()]);
}
