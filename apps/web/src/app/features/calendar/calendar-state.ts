import { BreakpointObserver } from '@angular/cdk/layout';
import { type Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { CalendarQuery } from '@agency-portal/shared';
import { CALENDAR_DATE_BASES, CHANNELS, DELIVERABLE_STATUSES } from '@agency-portal/shared';
import { map } from 'rxjs';
import { calendarDay } from '../../shared/format/date-format';
import { DISPLAY_TIME_ZONE } from '../../shared/format/time-zone';
import { type ListQueryState, listQueryState, oneOf, uuid } from '../../shared/list/list-query-state';
import { isMonth, monthOf } from './calendar-dates';

export type CalendarView = 'month' | 'agenda';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CALENDAR_FILTERS = ['agencyId', 'contractId', 'goalId', 'channel', 'status', 'on'] as const;
export type CalendarFilter = (typeof CALENDAR_FILTERS)[number];

/** What the calendar shows, read from the URL (`month`, `view`, `day` and the list's filters). */
export interface CalendarState {
  list: ListQueryState<CalendarFilter>;
  /** The zone days are counted in: the person's display zone, else the browser's. */
  timeZone: Signal<string>;
  today: Signal<string>;
  /** `YYYY-MM`: the URL's month, else this month. */
  month: Signal<string>;
  /** The URL's choice, else the agenda on a phone and the month grid elsewhere. */
  view: Signal<CalendarView>;
  /** The day whose panel is open (`YYYY-MM-DD`), or null. */
  openedDay: Signal<string | null>;
  /** The server query the filters and the time zone make, without its days. */
  filterQuery: Signal<Omit<CalendarQuery, 'from' | 'to'>>;
  /** Changes the given query parameters (null removes one), keeping the rest. */
  navigate(queryParams: Record<string, string | null>): void;
}

/**
 * The calendar page's URL state, like every list's: filters through `listQueryState`, and the
 * month, the view and the opened day as their own parameters, each checked before it is used.
 * Call in an injection context (a component's field initialiser).
 */
export function calendarState(): CalendarState {
  const router = inject(Router);
  const route = inject(ActivatedRoute);
  const displayZone = inject(DISPLAY_TIME_ZONE);
  const list = listQueryState({ filters: CALENDAR_FILTERS, sortKeys: ['day'], defaultSort: 'day' });
  const params = toSignal(route.queryParamMap, { requireSync: true });
  const timeZone = computed(() => displayZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  const today = computed(() => calendarDay(new Date(), timeZone()));
  const phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  return {
    list,
    timeZone,
    today,
    month: computed(() => {
      const month = params().get('month');
      return isMonth(month) ? month : monthOf(today());
    }),
    view: computed(() => {
      const view = params().get('view');
      return view === 'month' || view === 'agenda' ? view : phone() ? 'agenda' : 'month';
    }),
    openedDay: computed(() => {
      const day = params().get('day');
      return day && ISO_DAY.test(day) && !Number.isNaN(Date.parse(day)) ? day : null;
    }),
    filterQuery: computed(() => {
      const filters = list.filters();
      return {
        timeZone: timeZone(),
        agencyId: uuid(filters.agencyId),
        contractId: uuid(filters.contractId),
        goalId: uuid(filters.goalId),
        channel: oneOf(CHANNELS, filters.channel),
        status: oneOf(DELIVERABLE_STATUSES, filters.status),
        on: oneOf(CALENDAR_DATE_BASES, filters.on),
      };
    }),
    navigate: (queryParams) =>
      void router.navigate([], { relativeTo: route, queryParams, queryParamsHandling: 'merge' }),
  };
}
