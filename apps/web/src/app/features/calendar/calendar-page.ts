import { BreakpointObserver } from '@angular/cdk/layout';
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
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { CalendarQuery } from '@agency-portal/shared';
import {
  CALENDAR_DATE_BASES,
  CALENDAR_LIMITS,
  CHANNELS,
  DELIVERABLE_STATUSES,
  isAgencyRole,
} from '@agency-portal/shared';
import { map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Lookups } from '../../core/lookups/lookups';
import { calendarDay } from '../../shared/format/date-format';
import { DISPLAY_TIME_ZONE } from '../../shared/format/time-zone';
import { LookupField } from '../../shared/forms/lookup-field';
import { CHANNEL_LABELS, DELIVERABLE_STATUS_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { LoadError } from '../../shared/ui/load-error';
import { AgendaList } from './agenda-list';
import { CalendarItem } from './calendar-item';
import {
  addMonths,
  dayTitle,
  firstDayOfWeek,
  firstOfMonth,
  isMonth,
  lastOfMonth,
  monthOf,
  monthTitle,
  monthWeeks,
} from './calendar-dates';
import { CalendarService } from './calendar.service';
import { MonthGrid } from './month-grid';

type CalendarView = 'month' | 'agenda';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Items a day of the agenda lists before "and N more". */
const AGENDA_PER_DAY = 10;

/**
 * /calendar: the deliverables the person may see on the days of a month, as a month grid or an
 * agenda (the phone's default), placed by publish date once published and by due date before.
 * Filters, the month, the view and an opened day all live in the URL, like every list.
 */
@Component({
  selector: 'ap-calendar-page',
  imports: [
    AgendaList,
    CalendarItem,
    ListFilters,
    LoadError,
    LookupField,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MonthGrid,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './calendar-page.html',
  styleUrl: './calendar-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPage {
  private readonly auth = inject(AuthService);
  private readonly service = inject(CalendarService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly locale = inject(LOCALE_ID);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);
  private readonly displayZone = inject(DISPLAY_TIME_ZONE);
  protected readonly lookups = inject(Lookups);

  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly statuses = DELIVERABLE_STATUSES;
  protected readonly statusLabels = DELIVERABLE_STATUS_LABELS;
  protected readonly monthOf = monthOf;

  protected readonly canReadAgencies = computed(
    () => this.auth.hasPermission('agency:read') && !this.agencyUser(),
  );
  protected readonly canReadContracts = computed(() => this.auth.hasPermission('contract:read'));
  protected readonly canReadGoals = computed(() => this.auth.hasPermission('goal:read'));
  private readonly agencyUser = computed(() => {
    const role = this.auth.user()?.role;
    return role !== undefined && isAgencyRole(role);
  });
  /** In-house readers see several agencies' work; an agency sees only its own. */
  protected readonly showAgency = computed(() => !this.agencyUser());

  protected readonly list = listQueryState({
    filters: ['agencyId', 'contractId', 'goalId', 'channel', 'status', 'on'] as const,
    sortKeys: ['day'],
    defaultSort: 'day',
  });

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  private readonly timeZone = computed(
    () => this.displayZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  );
  protected readonly today = computed(() => calendarDay(new Date(), this.timeZone()));
  protected readonly month = computed(() => {
    const month = this.params().get('month');
    return isMonth(month) ? month : monthOf(this.today());
  });
  private readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** The URL's choice, else the agenda on a phone and the month grid elsewhere. */
  protected readonly view = computed<CalendarView>(() => {
    const view = this.params().get('view');
    return view === 'month' || view === 'agenda' ? view : this.phone() ? 'agenda' : 'month';
  });
  protected readonly openedDay = computed(() => {
    const day = this.params().get('day');
    return day && ISO_DAY.test(day) && !Number.isNaN(Date.parse(day)) ? day : null;
  });
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

  private readonly filterQuery = computed<Omit<CalendarQuery, 'from' | 'to'>>(() => {
    const filters = this.list.filters();
    return {
      timeZone: this.timeZone(),
      agencyId: uuid(filters.agencyId),
      contractId: uuid(filters.contractId),
      goalId: uuid(filters.goalId),
      channel: oneOf(CHANNELS, filters.channel),
      status: oneOf(DELIVERABLE_STATUSES, filters.status),
      on: oneOf(CALENDAR_DATE_BASES, filters.on),
    };
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
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
