import { formatMoney, type Locale } from '@agency-portal/shared';

/** Who reads a notice: their language, and their time zone (null: none on their profile). */
export interface Reader {
  locale: Locale;
  timeZone: string | null;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Values inside a notice, formatted for its reader before they go into the ICU message: instants
 * in the reader's time zone (UTC, named, when they have none), calendar dates never shifted,
 * money in the reader's locale (KRW without decimals, IDR with Indonesian marks).
 */
export class NoticeFormat {
  private readonly timeZone: string;
  private readonly nameZone: boolean;

  constructor(private readonly reader: Reader) {
    this.timeZone = reader.timeZone ?? 'UTC';
    // Without a zone of their own the reader cannot know which one a bare time is in.
    this.nameZone = reader.timeZone === null;
  }

  get locale(): Locale {
    return this.reader.locale;
  }

  /** An instant (ISO timestamp): "Mar 14, 2026, 3:00 PM" in the reader's zone. */
  dateTime(iso: string): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(this.reader.locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: this.timeZone,
      ...(this.nameZone ? { timeZoneName: 'short' } : {}),
    }).format(date);
  }

  /** A calendar date ("2026-03-14", a due date): the same day everywhere, so never shifted. */
  date(calendarDate: string): string {
    if (!CALENDAR_DATE.test(calendarDate)) return calendarDate;
    const [year, month, day] = calendarDate.split('-').map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(this.reader.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(Date.UTC(year, month - 1, day)),
    );
  }

  money(amountMinor: number, currency: string): string {
    return formatMoney(amountMinor, currency, this.reader.locale);
  }
}
