/**
 * The goal dashboard's rules, written once for the API and the web app: buckets of the KPI chart,
 * pace and projection, cost per result, ROI and the roll-up of cut-downs to their master asset.
 * Dates are calendar days (`YYYY-MM-DD`, UTC); amounts are integer minor units of one currency.
 */

import { addDays } from '../outcomes/values';

const DAY_MS = 86_400_000;

export type ReportBucket = 'day' | 'week';
/** Periods up to this many days chart by day, longer ones by week (a chart of ≤ 92 points either way up to ~21 months). */
export const DAILY_BUCKET_MAX_DAYS = 92;

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

export function bucketFor(periodStart: string, periodEnd: string): ReportBucket {
  return daysInclusive(periodStart, periodEnd) <= DAILY_BUCKET_MAX_DAYS ? 'day' : 'week';
}

/** The first day of the bucket holding `date`: the day itself, or the start of its 7-day block from the period's start. */
export function bucketStart(date: string, periodStart: string, bucket: ReportBucket): string {
  if (bucket === 'day') return date;
  const offset = dayNumber(date) - dayNumber(periodStart);
  return addDays(periodStart, Math.floor(offset / 7) * 7);
}

/**
 * The last day whose figures count as complete: yesterday (platforms report a day once it is
 * over), never after the period's end.
 */
export function lastCompleteDay(periodEnd: string, today: string): string {
  const yesterday = addDays(today, -1);
  return yesterday < periodEnd ? yesterday : periodEnd;
}

export interface KpiPoint {
  /** First day of the bucket. */
  date: string;
  /** The KPI achieved in this bucket. */
  value: number;
  /** Achieved from the period's start to the bucket's end; null for buckets after the last complete day. */
  cumulative: number | null;
  /** Where a straight line from 0 to the target stands at the bucket's end. */
  plannedCumulative: number;
}

/**
 * The KPI chart: one point per bucket of the period, missing buckets as 0, with the actual and
 * planned running totals. `sums` are the KPI per bucket start (any order; unknown dates ignored).
 */
export function kpiSeries(input: {
  periodStart: string;
  periodEnd: string;
  today: string;
  target: number;
  sums: readonly { date: string; value: number }[];
}): { bucket: ReportBucket; points: KpiPoint[] } {
  const { periodStart, periodEnd, target } = input;
  const bucket = bucketFor(periodStart, periodEnd);
  const step = bucket === 'day' ? 1 : 7;
  const total = daysInclusive(periodStart, periodEnd);
  const complete = lastCompleteDay(periodEnd, input.today);
  const byDate = new Map<string, number>();
  for (const sum of input.sums) byDate.set(sum.date, (byDate.get(sum.date) ?? 0) + sum.value);
  const points: KpiPoint[] = [];
  let running = 0;
  for (let start = periodStart; start <= periodEnd; start = addDays(start, step)) {
    const end = addDays(start, step - 1) < periodEnd ? addDays(start, step - 1) : periodEnd;
    const value = byDate.get(start) ?? 0;
    running += value;
    points.push({
      date: start,
      value,
      cumulative: start <= complete ? running : null,
      plannedCumulative: Math.round((target * daysInclusive(periodStart, end)) / total),
    });
  }
  return { bucket, points };
}

export type PaceStatus = 'not_started' | 'on_track' | 'behind' | 'achieved' | 'missed';

export interface Pace {
  status: PaceStatus;
  /** Complete days of the period so far, and all its days. */
  elapsedDays: number;
  totalDays: number;
  /** What a straight line from 0 to the target expects by the last complete day. */
  expectedToDate: number;
  /** Actual as a percent of the target (one decimal); null for a target of 0. */
  percentOfTarget: number | null;
  /**
   * The end value at the run rate so far: actual ÷ elapsed days × all days (linear). Null before
   * the first complete day.
   */
  projectedEnd: number | null;
}

/**
 * Pace of a goal on `today`: achieved once the actual reaches the target; else, after the period,
 * missed; else on track when the linear projection reaches the target, behind when it does not.
 */
export function goalPace(input: {
  periodStart: string;
  periodEnd: string;
  today: string;
  target: number;
  actual: number;
}): Pace {
  const { periodStart, periodEnd, target, actual } = input;
  const totalDays = daysInclusive(periodStart, periodEnd);
  const complete = lastCompleteDay(periodEnd, input.today);
  const elapsedDays = Math.min(totalDays, daysInclusive(periodStart, complete));
  const percentOfTarget = target > 0 ? Math.round((actual * 1000) / target) / 10 : null;
  const expectedToDate = Math.round((target * elapsedDays) / totalDays);
  const projectedEnd = elapsedDays > 0 ? Math.round((actual * totalDays) / elapsedDays) : null;
  const ended = complete >= periodEnd;
  let status: PaceStatus;
  if (actual >= target && elapsedDays > 0) status = 'achieved';
  else if (elapsedDays === 0) status = 'not_started';
  else if (ended) status = 'missed';
  else status = (projectedEnd ?? 0) >= target ? 'on_track' : 'behind';
  return { status, elapsedDays, totalDays, expectedToDate, percentOfTarget, projectedEnd };
}

/** The results cost is divided by; null = not reported. */
export interface ResultCounts {
  impressions: number | null;
  engagements: number | null;
  clicks: number | null;
  conversions: number | null;
}

/**
 * Minor units of the spend's currency per result, rounded half up to a whole minor unit; null when
 * there is no result to divide by, or nothing invoiced yet (a cost of 0 would read as free work).
 */
export interface CostPerResult {
  perThousandImpressionsMinor: number | null;
  perEngagementMinor: number | null;
  perClickMinor: number | null;
  perConversionMinor: number | null;
}

function per(spendMinor: number, count: number | null, scale = 1): number | null {
  return spendMinor > 0 && count && count > 0 ? Math.round((spendMinor * scale) / count) : null;
}

export function costPerResult(spendMinor: number, counts: ResultCounts): CostPerResult {
  return {
    perThousandImpressionsMinor: per(spendMinor, counts.impressions, 1000),
    perEngagementMinor: per(spendMinor, counts.engagements),
    perClickMinor: per(spendMinor, counts.clicks),
    perConversionMinor: per(spendMinor, counts.conversions),
  };
}

/**
 * Return on spend: (revenue − spend) ÷ spend, as a ratio (0.25 = 25 %), rounded to four decimals.
 * Null when no revenue is known or nothing was spent; revenue and spend must be in one currency.
 */
export function returnOnSpend(revenueMinor: number | null, spendMinor: number): number | null {
  if (revenueMinor === null || spendMinor <= 0) return null;
  return Math.round(((revenueMinor - spendMinor) / spendMinor) * 10_000) / 10_000;
}

/** What one deliverable cost and returned for a goal (its contract's currency). */
export interface DeliverableFigures extends ResultCounts {
  id: string;
  derivedFromId: string | null;
  reach: number | null;
  videoViews: number | null;
  spendMinor: number;
  /** Revenue in the spend's currency; null when none is known. */
  revenueMinor: number | null;
}

export interface MasterRollUp<T extends DeliverableFigures> {
  master: T;
  /** The cut-downs of the master, at any depth, in the order given. */
  cuts: T[];
  /** The master and all its cuts together. */
  total: Omit<DeliverableFigures, 'id' | 'derivedFromId'>;
}

function addNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

/**
 * Content atomisation: every cut-down is added to the master asset it was cut from, following the
 * lineage to its root (a cut of a cut counts for the first master). A deliverable whose parent is
 * not among `rows` stands as a master of its own. Masters keep the order of `rows`.
 */
export function rollUpToMasters<T extends DeliverableFigures>(rows: readonly T[]): MasterRollUp<T>[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const rootOf = (row: T): T => {
    let current = row;
    const seen = new Set<string>();
    while (current.derivedFromId && byId.has(current.derivedFromId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.derivedFromId) as T;
    }
    return current;
  };
  const groups = new Map<string, MasterRollUp<T>>();
  for (const row of rows) {
    const root = rootOf(row);
    let group = groups.get(root.id);
    if (!group) {
      group = {
        master: root,
        cuts: [],
        total: {
          impressions: null,
          reach: null,
          engagements: null,
          clicks: null,
          videoViews: null,
          conversions: null,
          spendMinor: 0,
          revenueMinor: null,
        },
      };
      groups.set(root.id, group);
    }
    if (row !== root) group.cuts.push(row);
    const total = group.total;
    total.impressions = addNullable(total.impressions, row.impressions);
    total.reach = addNullable(total.reach, row.reach);
    total.engagements = addNullable(total.engagements, row.engagements);
    total.clicks = addNullable(total.clicks, row.clicks);
    total.videoViews = addNullable(total.videoViews, row.videoViews);
    total.conversions = addNullable(total.conversions, row.conversions);
    total.spendMinor += row.spendMinor;
    total.revenueMinor = addNullable(total.revenueMinor, row.revenueMinor);
  }
  return [...groups.values()];
}
