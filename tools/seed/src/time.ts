export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

/** Milliseconds since the epoch; the generator works in numbers and writes Dates. */
export type Instant = number;

export function isoDate(at: Instant): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Midnight UTC of an ISO date. */
export function dayStart(date: string): Instant {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return isoDate(dayStart(date) + days * DAY);
}

export function addMonths(date: string, months: number): string {
  const at = new Date(dayStart(date));
  at.setUTCMonth(at.getUTCMonth() + months);
  return isoDate(at.getTime());
}

/** A working-hours time on the day of `at` (09:00–18:00 UTC), so activity looks like office work. */
export function officeTime(at: Instant, fraction: number): Instant {
  return dayStart(isoDate(at)) + 9 * HOUR + Math.floor(fraction * 9 * HOUR);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
