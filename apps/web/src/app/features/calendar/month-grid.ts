import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  LOCALE_ID,
  afterNextRender,
  computed,
  inject,
  Injector,
  input,
  model,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { CalendarDayDto } from '@agency-portal/shared';
import { byPlural } from '../../shared/i18n/plural';
import { CalendarItem } from './calendar-item';
import {
  addDays,
  addMonths,
  dayNumber,
  dayTitle,
  firstDayOfWeek,
  lastOfMonth,
  monthOf,
  monthWeeks,
  weekdayNames,
  weekdayOf,
} from './calendar-dates';

/** Keys that move the focused day, and by how much (Home/End: to the week's ends). */
const MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * A month as a grid of weeks (ARIA grid pattern): each day names itself and how many items it
 * holds, lists the first few (the API caps them) and says "and N more". One day is in the tab
 * order; the arrow keys move between days, Home/End to the week's ends, Page Up/Down a month, and
 * Enter opens the day with all its items. Moving past the month asks for the next one.
 */
@Component({
  selector: 'ap-month-grid',
  imports: [CalendarItem, MatButtonModule],
  template: `
    <table class="ap-month" role="grid" [attr.aria-label]="label()">
      <thead>
        <tr>
          @for (name of weekdays(); track $index) {
            <th scope="col" [attr.abbr]="longWeekdays()[$index]">{{ name }}</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (week of weeks(); track week[0]) {
          <tr>
            @for (date of week; track date) {
              @let entry = dayOf(date);
              <td
                class="ap-month__day"
                [class.ap-month__day--outside]="monthOf(date) !== month()"
                [class.ap-month__day--today]="date === today()"
                [attr.aria-selected]="date === focusedDay()"
              >
                <button
                  type="button"
                  class="ap-month__number"
                  [attr.data-day]="date"
                  [attr.tabindex]="date === focusedDay() ? 0 : -1"
                  [attr.aria-current]="date === today() ? 'date' : null"
                  [attr.aria-label]="dayLabel(date, entry?.total ?? 0)"
                  (click)="openDay.emit(date)"
                  (focus)="focusedDay.set(date)"
                  (keydown)="moveFocus($event, date)"
                >
                  {{ number(date) }}
                </button>
                @if (entry) {
                  <ul class="ap-month__items">
                    @for (item of entry.items; track item.id) {
                      <li><ap-calendar-item [item]="item" [showAgency]="showAgency()" /></li>
                    }
                  </ul>
                  @if (entry.more > 0) {
                    <button
                      i18n="A day of the calendar lists only a few items; this opens the rest@@calendar.more"
                      type="button"
                      class="ap-month__more"
                      data-testid="calendar-more"
                      (click)="openDay.emit(date)"
                    >
                      and {{ entry.more }} more
                    </button>
                  }
                }
              </td>
            }
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    .ap-month {
      width: 100%;
      min-width: 560px;
      table-layout: fixed;
      border-collapse: collapse;
    }
    th {
      padding: 4px;
      font-weight: 500;
      font-size: 0.8125rem;
      color: var(--mat-sys-on-surface-variant);
      text-align: start;
    }
    .ap-month__day {
      vertical-align: top;
      height: 112px;
      padding: 4px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .ap-month__day--outside {
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface-variant);
    }
    .ap-month__number {
      min-width: 28px;
      min-height: 28px;
      border: 0;
      border-radius: 14px;
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .ap-month__number:hover {
      background: var(--mat-sys-surface-container-high);
    }
    .ap-month__number:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    .ap-month__day--today .ap-month__number {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      font-weight: 600;
    }
    .ap-month__items {
      display: grid;
      gap: 2px;
      margin: 2px 0 0;
      padding: 0;
      list-style: none;
    }
    .ap-month__more {
      margin-top: 2px;
      padding: 2px 6px;
      border: 0;
      background: none;
      color: var(--mat-sys-primary);
      font: inherit;
      font-size: 0.8125rem;
      text-decoration: underline;
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MonthGrid {
  /** YYYY-MM. */
  readonly month = input.required<string>();
  readonly days = input.required<readonly CalendarDayDto[]>();
  readonly today = input.required<string>();
  readonly showAgency = input(false);
  readonly label = input.required<string>();
  /** The day in the tab order (YYYY-MM-DD). */
  readonly focusedDay = model.required<string>();
  readonly openDay = output<string>();
  /** Focus moved to a day of another month (YYYY-MM-DD). */
  readonly dayOutside = output<string>();

  private readonly locale = inject(LOCALE_ID);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly monthOf = monthOf;
  private readonly firstDay = computed(() => firstDayOfWeek(this.locale));
  protected readonly weeks = computed(() => monthWeeks(this.month(), this.firstDay()));
  protected readonly weekdays = computed(() => weekdayNames(this.locale, this.firstDay()));
  protected readonly longWeekdays = computed(() => weekdayNames(this.locale, this.firstDay(), 'long'));
  private readonly byDate = computed(() => new Map(this.days().map((day) => [day.date, day])));

  protected dayOf(date: string): CalendarDayDto | undefined {
    return this.byDate().get(date);
  }

  protected number(date: string): string {
    return dayNumber(date, this.locale);
  }

  protected dayLabel(date: string, count: number): string {
    const day = dayTitle(date, this.locale);
    if (count === 0)
      return $localize`:A day of the calendar with nothing on it@@calendar.dayLabel.none:${day}:day:, nothing planned`;
    return byPlural(count, this.locale, {
      one: $localize`:A day of the calendar with one deliverable@@calendar.dayLabel.one:${day}:day:, 1 deliverable`,
      other: $localize`:A day of the calendar and how many deliverables it holds@@calendar.dayLabel.other:${day}:day:, ${count}:count: deliverables`,
    });
  }

  protected moveFocus(event: KeyboardEvent, date: string): void {
    let target: string | null = null;
    const offset = MOVES[event.key];
    if (offset !== undefined) target = addDays(date, offset);
    else if (event.key === 'Home') target = addDays(date, -((weekdayOf(date) - this.firstDay() + 7) % 7));
    else if (event.key === 'End') target = addDays(date, 6 - ((weekdayOf(date) - this.firstDay() + 7) % 7));
    else if (event.key === 'PageUp' || event.key === 'PageDown') {
      const month = addMonths(monthOf(date), event.key === 'PageUp' ? -1 : 1);
      // The same day of the month, or the month's last day when it is shorter (31 January → 28 February).
      const same = `${month}-${date.slice(8)}`;
      target = same > lastOfMonth(month) ? lastOfMonth(month) : same;
    }
    if (target === null) return;
    event.preventDefault();
    this.focusDay(target);
  }

  /** Puts focus on a day: in this grid when shown, else the page moves to its month first. */
  focusDay(date: string): void {
    this.focusedDay.set(date);
    if (!this.weeks().some((week) => week.includes(date))) {
      this.dayOutside.emit(date);
    }
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>(`[data-day="${date}"]`)?.focus(),
      { injector: this.injector },
    );
  }
}
