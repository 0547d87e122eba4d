import { ChangeDetectionStrategy, Component, LOCALE_ID, inject, input, output } from '@angular/core';
import type { CalendarDayDto } from '@agency-portal/shared';
import { CalendarItem } from './calendar-item';
import { dayTitle } from './calendar-dates';

/**
 * The calendar as a list of days (what a phone shows): each day with items under its heading,
 * the items as links, and "and N more" opening the day with all of them.
 */
@Component({
  selector: 'ap-agenda-list',
  imports: [CalendarItem],
  template: `
    <ol class="ap-agenda" [attr.aria-label]="label()">
      @for (day of days(); track day.date) {
        <li class="ap-agenda__day" [class.ap-agenda__day--today]="day.date === today()">
          <h3 class="ap-agenda__date" [attr.id]="'agenda-' + day.date">
            {{ title(day.date) }}
            @if (day.date === today()) {
              <span i18n="The calendar day that is today@@calendar.today" class="ap-agenda__today"
                >Today</span
              >
            }
          </h3>
          <ul class="ap-agenda__items ap-cal-detailed" [attr.aria-labelledby]="'agenda-' + day.date">
            @for (item of day.items; track item.id) {
              <li><ap-calendar-item [item]="item" [detailed]="true" [showAgency]="showAgency()" /></li>
            }
          </ul>
          @if (day.more > 0) {
            <button
              i18n="A day of the calendar lists only a few items; this opens the rest@@calendar.more"
              type="button"
              class="ap-agenda__more"
              data-testid="calendar-more"
              (click)="openDay.emit(day.date)"
            >
              and {{ day.more }} more
            </button>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .ap-agenda {
      display: grid;
      gap: 16px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ap-agenda__date {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 6px;
      font-size: 1rem;
      font-weight: 600;
    }
    .ap-agenda__today {
      padding: 0 8px;
      border-radius: 10px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-size: 0.75rem;
    }
    .ap-agenda__items {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ap-agenda__more {
      margin-top: 6px;
      padding: 4px 0;
      border: 0;
      background: none;
      color: var(--mat-sys-primary);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgendaList {
  readonly days = input.required<readonly CalendarDayDto[]>();
  readonly today = input.required<string>();
  readonly showAgency = input(false);
  readonly label = input.required<string>();
  readonly openDay = output<string>();

  private readonly locale = inject(LOCALE_ID);

  protected title(date: string): string {
    return dayTitle(date, this.locale);
  }
}
