import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { LOCALE_NATIVE_NAMES, SUPPORTED_LOCALES, timeZones } from '@agency-portal/shared';
import { LocalDatePipe } from '../format/local-date.pipe';

/**
 * A person's language and time zone, inside the surrounding form group's `locale` and `timeZone`
 * controls ('' = the device's zone). Used by the profile (`self`), the invitation and the admin edit.
 */
@Component({
  selector: 'ap-language-fields',
  imports: [LocalDatePipe, MatFormFieldModule, MatSelectModule, ReactiveFormsModule],
  viewProviders: [
    { provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) },
  ],
  template: `
    <mat-form-field>
      <mat-label i18n>Language</mat-label>
      <mat-select formControlName="locale">
        @for (locale of locales; track locale) {
          <mat-option [value]="locale" [attr.lang]="locale">{{ localeNames[locale] }}</mat-option>
        }
      </mat-select>
      @if (self()) {
        <mat-hint i18n>The portal, your e-mails and its messages use this language.</mat-hint>
      } @else {
        <mat-hint i18n
          >Their portal, e-mails and notices use it; they can change it on their profile.</mat-hint
        >
      }
    </mat-form-field>

    <mat-form-field>
      <mat-label i18n>Time zone</mat-label>
      <mat-select formControlName="timeZone">
        @if (self()) {
          <mat-option value="" i18n>This device’s time zone ({{ deviceTimeZone }})</mat-option>
        } @else {
          <mat-option value="" i18n>The time zone of the device they use</mat-option>
        }
        @for (zone of zones; track zone) {
          <mat-option [value]="zone">{{ zone }}</mat-option>
        }
      </mat-select>
      @if (self()) {
        <mat-hint i18n>Dates and times are shown in it: now {{ now | localDate: 'dateTime' }}.</mat-hint>
      } @else {
        <mat-hint i18n>Their dates, times and deadlines are shown in it.</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageFields {
  /** The person edits their own: hints speak to them and name this device's zone. */
  readonly self = input(false);

  protected readonly locales = SUPPORTED_LOCALES;
  protected readonly localeNames = LOCALE_NATIVE_NAMES;
  protected readonly zones = timeZones();
  protected readonly deviceTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  protected readonly now = new Date();
}
