import { LOCALE_ID, Pipe, type PipeTransform, inject } from '@angular/core';
import { DISPLAY_TIME_ZONE } from './time-zone';
import {
  type DateStyle,
  formatDate,
  formatDueRelative,
  formatMonth,
  formatRelativeTime,
} from './date-format';

/**
 * Dates in the build's language and the person's time zone (Angular's DatePipe takes only UTC
 * offsets, not IANA zones). Impure so a changed time zone shows at once; formatting is cheap.
 */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);
  private readonly timeZone = inject(DISPLAY_TIME_ZONE);

  transform(value: string | Date | null | undefined, style: DateStyle = 'date'): string {
    return formatDate(value, style, this.locale, this.timeZone());
  }
}

/** A deadline against now: "due tomorrow", "2 days overdue" (due date), "3 hours overdue" (instant). */
@Pipe({ name: 'dueRelative', pure: false })
export class DueRelativePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);
  private readonly timeZone = inject(DISPLAY_TIME_ZONE);

  transform(due: string | Date | null | undefined): string {
    return due ? formatDueRelative(due, new Date(), this.locale, this.timeZone()) : '';
  }
}

/** An instant against now, in the build's language: "5 minutes ago", "yesterday", "in 2 hours". */
@Pipe({ name: 'relativeTime', pure: false })
export class RelativeTimePipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(value: string | Date | null | undefined): string {
    return value ? formatRelativeTime(value, new Date(), this.locale) : '';
  }
}

/** A calendar month ("2026-03", "2026-03-01") in the build's language: "Mar 2026". */
@Pipe({ name: 'localMonth' })
export class LocalMonthPipe implements PipeTransform {
  private readonly locale = inject(LOCALE_ID);

  transform(value: string | null | undefined, month: 'short' | 'long' = 'short'): string {
    return value ? formatMonth(value, this.locale, month) : '';
  }
}
