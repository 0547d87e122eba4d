/**
 * Calendar quarters as the scorecards name them: `2026-Q3` is 1 July to 30 September 2026.
 * Boundaries are calendar dates (UTC for timestamps); `end` is exclusive, so a range reads as
 * `start <= day < end` in SQL and in code.
 */

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** How many quarters a trend may span (the current one included). */
export const MAX_TREND_QUARTERS = 8;
export const DEFAULT_TREND_QUARTERS = 4;

export interface QuarterRange {
  quarter: string;
  /** First day, ISO date. */
  start: string;
  /** The day after the last day, ISO date (exclusive). */
  end: string;
}

export function isQuarter(value: string): boolean {
  const match = QUARTER_PATTERN.exec(value);
  return match !== null && Number(match[1]) >= 2000 && Number(match[1]) <= 2100;
}

function parts(quarter: string): { year: number; index: number } {
  const match = QUARTER_PATTERN.exec(quarter);
  if (!match) throw new Error(`not a quarter: ${quarter}`);
  return { year: Number(match[1]), index: Number(match[2]) - 1 };
}

function name(year: number, index: number): string {
  return `${year}-Q${index + 1}`;
}

/** The quarter a day (ISO date) or instant (UTC) falls in. */
export function quarterOf(day: string | Date): string {
  const iso = typeof day === 'string' ? day : day.toISOString().slice(0, 10);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return name(year, Math.floor((month - 1) / 3));
}

/** `quarter` moved by `delta` quarters (negative: back). */
export function shiftQuarter(quarter: string, delta: number): string {
  const { year, index } = parts(quarter);
  const absolute = year * 4 + index + delta;
  return name(Math.floor(absolute / 4), ((absolute % 4) + 4) % 4);
}

export function quarterRange(quarter: string): QuarterRange {
  const { year, index } = parts(quarter);
  const month = (m: number) => String(m).padStart(2, '0');
  const start = `${year}-${month(index * 3 + 1)}-01`;
  const end = index === 3 ? `${year + 1}-01-01` : `${year}-${month(index * 3 + 4)}-01`;
  return { quarter, start, end };
}

/** The `count` quarters ending with `last`, oldest first. */
export function quartersEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, position) => shiftQuarter(last, position - count + 1));
}

/** Whether `quarter` has not ended yet on `today` (its figures can still change). */
export function isQuarterOpen(quarter: string, today: string): boolean {
  return today < quarterRange(quarter).end;
}

/**
 * How old a quarter's stored facts may be before a reader recomputes them: the open quarter and
 * the one before it change with every delivery, decision, invoice and imported metric, so 15
 * minutes (the queue refreshes them every five); older quarters change rarely (a late approval,
 * a late metric), so a day.
 */
export const SCORECARD_FACTS_MAX_AGE_MINUTES = { recent: 15, older: 24 * 60 } as const;

/** Whether `quarter` is one of the two the queue keeps recent: the one `today` is in, or the one before. */
export function isRecentQuarter(quarter: string, today: string): boolean {
  return quarter >= shiftQuarter(quarterOf(today), -1);
}

/** Whether facts of `quarter` computed at `computedAt` are too old to show at `now`. */
export function scorecardFactsStale(quarter: string, computedAt: Date, now: Date): boolean {
  const limit = isRecentQuarter(quarter, now.toISOString().slice(0, 10))
    ? SCORECARD_FACTS_MAX_AGE_MINUTES.recent
    : SCORECARD_FACTS_MAX_AGE_MINUTES.older;
  return now.getTime() - computedAt.getTime() > limit * 60_000;
}
