export type DateStyle = 'date' | 'dateTime' | 'time';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};

/**
 * A date or an instant for a person: in their locale and time zone. A calendar date ("2026-12-24",
 * a due date) is the same day everywhere, so it is never shifted by a time zone; an instant
 * (ISO timestamp) is shown in `timeZone`.
 */
export function formatDate(
  value: string | Date | null | undefined,
  style: DateStyle,
  locale: string,
  timeZone: string | undefined,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && CALENDAR_DATE.test(value)) {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(locale, { ...OPTIONS.date, timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone }).format(date);
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function calendarDay(instant: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** Whole days from `today` to a calendar date: negative when it lies in the past. */
export function daysUntil(calendarDate: string, today: string): number {
  const toUtc = (iso: string) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((toUtc(calendarDate) - toUtc(today)) / 86_400_000);
}

/**
 * How a deadline stands for a person: "due tomorrow", "due in 3 days", "due today", "2 days
 * overdue" for a due date (whole days from today in the person's zone; a calendar date is never
 * shifted); "due in 5 hours", "3 hours overdue" for an instant (an SLA), in the largest unit that fits.
 */
export function formatDueRelative(
  due: string | Date,
  now: Date,
  locale: string,
  timeZone: string | undefined,
): string {
  const [amount, unit] =
    typeof due === 'string' && CALENDAR_DATE.test(due)
      ? [daysUntil(due, calendarDay(now, timeZone)), 'day' as const]
      : largestUnit((toDate(due).getTime() - now.getTime()) / 1000);
  if (amount === 0) {
    return unit === 'day'
      ? $localize`:A due date that is today@@due.today:due today`
      : $localize`:A deadline less than a minute away@@due.now:due now`;
  }
  if (amount > 0) {
    const when = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(amount, unit);
    return $localize`:A deadline still ahead; when is "in 3 days", "tomorrow", "in 5 hours"@@due.ahead:due ${when}:when:`;
  }
  const late = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(-amount);
  return $localize`:A deadline already passed; late is "3 hours", "2 days"@@due.overdue:${late}:late: overdue`;
}

type TimeUnit = 'day' | 'hour' | 'minute';

/** Seconds as a whole count of the largest unit that fits (minutes at least). */
function largestUnit(seconds: number): [number, TimeUnit] {
  const units: [TimeUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return [Math.trunc(seconds / size), unit];
  }
  return [0, 'minute'];
}

function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/** "3 hours ago", "in 20 minutes": the largest unit that fits, for instants. */
export function formatRelativeTime(value: string | Date, now: Date, locale: string): string {
  const date = value instanceof Date ? value : new Date(value);
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

const CALENDAR_MONTH = /^(\d{4})-(\d{2})(-01)?$/;

/** A calendar month ("2026-03" or "2026-03-01") for a person: "Mar 2026", "2026년 3월", "Mar 2026". */
export function formatMonth(value: string, locale: string, month: 'short' | 'long' = 'short'): string {
  const match = CALENDAR_MONTH.exec(value);
  if (!match) return value;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month, timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}
