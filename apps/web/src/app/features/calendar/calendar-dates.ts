/**
 * Calendar arithmetic on calendar dates (YYYY-MM-DD) and months (YYYY-MM), in UTC so no time zone
 * or daylight-saving change shifts a day. Which day is "today" is decided by the caller, in the
 * person's zone.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DAY_MS = 86_400_000;

export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

function utcOf(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day ?? 1);
}

function isoOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(utcOf(iso) + days * DAY_MS);
}

export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, index - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

export function firstOfMonth(month: string): string {
  return `${month}-01`;
}

export function lastOfMonth(month: string): string {
  return addDays(firstOfMonth(addMonths(month, 1)), -1);
}

/** 1 = Monday … 7 = Sunday (ISO), as `Intl.Locale#getWeekInfo` says. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function weekdayOf(iso: string): Weekday {
  const day = new Date(utcOf(iso)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/**
 * The weeks a month grid shows: whole weeks from the one holding the 1st to the one holding the
 * last day, starting on `firstDay` (at most 6 weeks, 42 days: within the API's window).
 */
export function monthWeeks(month: string, firstDay: Weekday): string[][] {
  const first = firstOfMonth(month);
  const lead = (weekdayOf(first) - firstDay + 7) % 7;
  let day = addDays(first, -lead);
  const last = lastOfMonth(month);
  const weeks: string[][] = [];
  while (day <= last) {
    const week: string[] = [];
    for (let index = 0; index < 7; index++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
}

/** The first day of the week in a locale (Sunday for en-US and ko, Monday for id); Monday if unknown. */
export function firstDayOfWeek(locale: string): Weekday {
  try {
    const info = new Intl.Locale(locale) as unknown as WeekInfoLocale;
    const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
    return firstDay && firstDay >= 1 && firstDay <= 7 ? (firstDay as Weekday) : 1;
  } catch {
    return 1;
  }
}

/** Short weekday names in the locale, in the order the grid shows them. */
export function weekdayNames(locale: string, firstDay: Weekday, style: 'short' | 'long' = 'short'): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, index) =>
    format.format(new Date(utcOf(addDays('2024-01-01', (firstDay - 1 + index) % 7)))),
  );
}

/** "December 2026", "2026년 12월", "Desember 2026". */
export function monthTitle(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(utcOf(firstOfMonth(month))),
  );
}

/** "Tuesday, 1 December 2026" in the locale: a day's full name, for headings and labels. */
export function dayTitle(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(utcOf(iso)));
}

/** The day of the month as the locale writes it ("1", "1일"). */
export function dayNumber(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', timeZone: 'UTC' }).format(new Date(utcOf(iso)));
}
