import type { Channel } from '../goals/goal.types';
import type { DeliverableStatus } from '../briefs/brief.types';

/**
 * The content calendar (`GET /api/calendar`): deliverables placed on days, a bounded window at a
 * time. `schedule` puts a published deliverable on the day it went out and every other one on its
 * due date (what a content calendar shows); `due` puts every deliverable on its due date;
 * `published` shows only what went out, on its publish day.
 */
export const CALENDAR_DATE_BASES = ['schedule', 'due', 'published'] as const;
export type CalendarDateBasis = (typeof CALENDAR_DATE_BASES)[number];

export const CALENDAR_LIMITS = {
  /** The longest window one request may ask for, in days (first and last included): a month grid is 42. */
  maxWindowDays: 62,
  /** Items listed per day unless `perDay` says otherwise: the rest is counted (`more`). */
  defaultPerDay: 4,
  /** The most items one day may list (a day opened on its own). */
  maxPerDay: 50,
} as const;

export interface CalendarQuery {
  /** First day of the window, YYYY-MM-DD, in the caller's time zone. */
  from: string;
  /** Last day of the window (included), YYYY-MM-DD; at most `maxWindowDays` after `from`. */
  to: string;
  /** IANA zone a publish instant is placed in ("Asia/Seoul"); UTC when absent. */
  timeZone?: string;
  on?: CalendarDateBasis;
  perDay?: number;
  agencyId?: string;
  contractId?: string;
  goalId?: string;
  channel?: Channel;
  status?: DeliverableStatus;
}

export interface CalendarItemDto {
  id: string;
  title: string;
  channel: Channel | null;
  status: DeliverableStatus;
  dueDate: string;
  /** When it went out (ISO instant), once published. */
  publishedAt: string | null;
  postUrl: string | null;
  /** The day it sits on in this answer (YYYY-MM-DD). */
  day: string;
  /** Whether it sits there by its publish time or by its due date. */
  placedBy: 'published' | 'due';
  briefId: string;
  briefTitle: string;
  contractId: string;
  agencyId: string;
  agencyName: string;
}

export interface CalendarDayDto {
  date: string;
  /** At most `perDay` items, by channel then title. */
  items: CalendarItemDto[];
  /** Every item of the day, listed or not. */
  total: number;
  /** How many were left out ("and 3 more"): `total - items.length`. */
  more: number;
}

export interface CalendarDto {
  from: string;
  to: string;
  on: CalendarDateBasis;
  perDay: number;
  timeZone: string;
  /** Only the days that have items, in date order. */
  days: CalendarDayDto[];
  /** Items in the whole window. */
  total: number;
}
