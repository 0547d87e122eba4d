import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  LOCALE_ID,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { CalendarQuery } from '@agency-portal/shared';
import { CALENDAR_LIMITS, isAgencyRole } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { LoadError } from '../../shared/ui/load-error';
import { AgendaList } from './agenda-list';
import { CalendarFilters } from './calendar-filters';
import { CalendarItem } from './calendar-item';
import {
  addMonths,
  dayTitle,
  firstDayOfWeek,
  firstOfMonth,
  lastOfMonth,
  monthOf,
  monthTitle,
  monthWeeks,
} from './calendar-dates';
import { type CalendarView, calendarState } from './calendar-state';
import { CalendarService } from './calendar.service';
import { MonthGrid } from './month-grid';

/** Items a day of the agenda lists before "and N more". */
const AGENDA_PER_DAY = 10;

/**
 * /calendar: the deliverables the person may see on the days of a month, as a month grid or an
 * agenda (the phone's default), placed by publish date once published and by due date before.
 * Filters, the month, the view and an opened day all live in the URL, like every list
 * (`calendar-state.ts`); the filter bar is `calendar-filters.ts`.
 */
@Component({
  selector: 'ap-calendar-page',
  imports: [
    AgendaList,
    CalendarFilters,
    CalendarItem,
    LoadError,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    MonthGrid,
    RouterLink,
  ],
  template: `
    <section class="ap-page">
      <header class="ap-page-header">
        <div>
          <h1 i18n="Title of the content calendar@@calendar.title">Content calendar</h1>
          <p i18n="Subtitle of the content calendar@@calendar.subtitle" class="ap-subtitle">
            Deliverables on the day they were published, or on their due date until then, per channel and
            agency.
          </p>
        </div>
      </header>

      <ap-calendar-filters [list]="list" [inHouse]="showAgency()" />

      <div class="ap-cal-toolbar">
        <div class="ap-cal-toolbar__nav">
          <button
            matButton="outlined"
            type="button"
            [attr.aria-label]="previousLabel()"
            (click)="goToMonth(previousMonth())"
          >
            ‹
          </button>
          <button
            i18n="Moves the calendar to the current month@@calendar.thisMonth"
            matButton="outlined"
            type="button"
            (click)="goToToday()"
          >
            Today
          </button>
          <button
            matButton="outlined"
            type="button"
            [attr.aria-label]="nextLabel()"
            (click)="goToMonth(nextMonth())"
          >
            ›
          </button>
          <h2 class="ap-cal-toolbar__title" aria-live="polite" data-testid="calendar-month">{{ title() }}</h2>
        </div>
        <mat-button-toggle-group
          [value]="view()"
          (change)="setView($event.value)"
          aria-label="Calendar view"
          i18n-aria-label="@@calendar.view"
        >
          <mat-button-toggle i18n="The calendar as a grid of weeks@@calendar.view.month" value="month"
            >Month</mat-button-toggle
          >
          <mat-button-toggle i18n="The calendar as a list of days@@calendar.view.agenda" value="agenda"
            >Agenda</mat-button-toggle
          >
        </mat-button-toggle-group>
      </div>

      <div class="ap-progress-slot">
        @if (calendar.loading()) {
          <mat-progress-bar
            mode="indeterminate"
            aria-label="Loading the calendar"
            i18n-aria-label="@@calendar.loading"
          />
        }
      </div>

      @if (calendar.error(); as error) {
        <ap-load-error [error]="error" (retry)="calendar.reload()" />
      } @else if (calendar.value(); as answer) {
        @if (answer.total === 0) {
          <div class="ap-empty" role="status" data-testid="calendar-empty">
            @if (list.hasFilters()) {
              <p i18n="The calendar month is empty under the filters@@calendar.emptyFiltered">
                Nothing in {{ title() }} matches these filters.
              </p>
            } @else {
              <p i18n="The calendar month is empty@@calendar.empty">
                Nothing is due or published in {{ title() }}.
              </p>
            }
          </div>
        }
        @if (view() === 'month') {
          <ap-month-grid
            [month]="month()"
            [days]="answer.days"
            [today]="today()"
            [showAgency]="showAgency()"
            [label]="title()"
            [focusedDay]="focusedDay()"
            (focusedDayChange)="focusedDay.set($event)"
            (dayOutside)="goToMonth(monthOf($event), $event)"
            (openDay)="openDay($event)"
          />
        } @else if (answer.total > 0) {
          <ap-agenda-list
            [days]="answer.days"
            [today]="today()"
            [showAgency]="showAgency()"
            [label]="title()"
            (openDay)="openDay($event)"
          />
        }
      }

      @if (openedDay(); as day) {
        <section
          #dayPanel
          class="ap-cal-day"
          tabindex="-1"
          aria-labelledby="calendar-day-title"
          data-testid="calendar-day"
        >
          <div class="ap-section-header">
            <h2 id="calendar-day-title">{{ dayHeading(day) }}</h2>
            <button
              i18n="Closes the panel of one calendar day@@calendar.closeDay"
              matButton
              type="button"
              (click)="closeDay()"
            >
              Close
            </button>
          </div>
          @if (dayItems.error(); as error) {
            <ap-load-error [error]="error" (retry)="dayItems.reload()" />
          } @else if (dayItems.value(); as answer) {
            @if (answer.days[0]; as entry) {
              <ul class="ap-cal-day__items ap-cal-detailed">
                @for (item of entry.items; track item.id) {
                  <li><ap-calendar-item [item]="item" [detailed]="true" [showAgency]="showAgency()" /></li>
                }
              </ul>
              @if (entry.more > 0) {
                <p i18n="A calendar day holds more than the panel lists@@calendar.dayMore">
                  And {{ entry.more }} more:
                  <a routerLink="/deliverables" [queryParams]="{ dueFrom: day, dueTo: day }"
                    >see them in the deliverables list</a
                  >.
                </p>
              }
            } @else {
              <p i18n="A calendar day with nothing on it@@calendar.dayEmpty" class="ap-empty">
                Nothing on this day.
              </p>
            }
          } @else {
            <mat-progress-bar
              mode="indeterminate"
              aria-label="Loading the day"
              i18n-aria-label="@@calendar.dayLoading"
            />
          }
        </section>
      }
    </section>
  `,
  styles: `
    .ap-cal-toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      margin: 8px 0;
    }
    .ap-cal-toolbar__nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .ap-cal-toolbar__title {
      margin: 0 8px;
      font-size: 1.25rem;
    }
    .ap-cal-day {
      margin-top: 16px;
      padding: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .ap-cal-day:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
    }
    .ap-cal-day__items {
      display: grid;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPage {
  private readonly auth = inject(AuthService);
  private readonly service = inject(CalendarService);
  private readonly locale = inject(LOCALE_ID);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  protected readonly monthOf = monthOf;

  private readonly agencyUser = computed(() => {
    const role = this.auth.user()?.role;
    return role !== undefined && isAgencyRole(role);
  });
  /** In-house readers see several agencies' work; an agency sees only its own. */
  protected readonly showAgency = computed(() => !this.agencyUser());

  private readonly state = calendarState();
  protected readonly list = this.state.list;
  protected readonly today = this.state.today;
  protected readonly month = this.state.month;
  protected readonly view = this.state.view;
  protected readonly openedDay = this.state.openedDay;
  private readonly filterQuery = this.state.filterQuery;
  protected readonly focusedDay = signal('');

  protected readonly title = computed(() => monthTitle(this.month(), this.locale));
  protected readonly previousMonth = computed(() => addMonths(this.month(), -1));
  protected readonly nextMonth = computed(() => addMonths(this.month(), 1));
  protected readonly previousLabel = computed(() => {
    const month = monthTitle(this.previousMonth(), this.locale);
    return $localize`:Moves the calendar one month back@@calendar.previous:Previous month, ${month}:month:`;
  });
  protected readonly nextLabel = computed(() => {
    const month = monthTitle(this.nextMonth(), this.locale);
    return $localize`:Moves the calendar one month on@@calendar.next:Next month, ${month}:month:`;
  });

  /** The month grid asks for its whole weeks (at most 42 days); the agenda for the month's days. */
  protected readonly calendar = createLoader(
    () => {
      const month = this.month();
      if (this.view() === 'month') {
        const weeks = monthWeeks(month, firstDayOfWeek(this.locale));
        return {
          ...this.filterQuery(),
          from: weeks[0]?.[0] ?? firstOfMonth(month),
          to: weeks.at(-1)?.at(-1) ?? lastOfMonth(month),
          perDay: CALENDAR_LIMITS.defaultPerDay,
        };
      }
      return {
        ...this.filterQuery(),
        from: firstOfMonth(month),
        to: lastOfMonth(month),
        perDay: AGENDA_PER_DAY,
      };
    },
    (query: CalendarQuery) => this.service.read(query),
  );
  protected readonly dayItems = createLoader(
    () => {
      const day = this.openedDay();
      return day
        ? { ...this.filterQuery(), from: day, to: day, perDay: CALENDAR_LIMITS.maxPerDay }
        : undefined;
    },
    (query: CalendarQuery) => this.service.read(query),
  );

  private readonly dayPanel = viewChild<ElementRef<HTMLElement>>('dayPanel');

  constructor() {
    this.focusedDay.set(this.defaultFocus(this.month()));
  }

  protected dayHeading(day: string): string {
    return dayTitle(day, this.locale);
  }

  protected goToMonth(month: string, focus?: string): void {
    this.focusedDay.set(focus ?? this.defaultFocus(month));
    this.navigate({ month: month === monthOf(this.today()) ? null : month, day: null });
  }

  protected goToToday(): void {
    this.goToMonth(monthOf(this.today()), this.today());
  }

  protected setView(view: CalendarView): void {
    this.navigate({ view });
  }

  protected openDay(day: string): void {
    this.focusedDay.set(day);
    this.navigate({ day });
    afterNextRender(() => this.dayPanel()?.nativeElement.focus(), { injector: this.injector });
  }

  protected closeDay(): void {
    const day = this.openedDay();
    this.navigate({ day: null });
    if (day && this.view() === 'month') {
      afterNextRender(() => this.document.querySelector<HTMLElement>(`[data-day="${day}"]`)?.focus(), {
        injector: this.injector,
      });
    }
  }

  private defaultFocus(month: string): string {
    return monthOf(this.today()) === month ? this.today() : firstOfMonth(month);
  }

  private navigate(queryParams: Record<string, string | null>): void {
    this.state.navigate(queryParams);
  }
}
