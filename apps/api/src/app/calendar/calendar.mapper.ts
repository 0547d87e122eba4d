import type { CalendarItemDto, Channel, DeliverableStatus } from '@agency-portal/shared';

/** One row of the calendar query, as PostgreSQL returns it. */
export interface CalendarRow {
  id: string;
  title: string;
  channel: Channel | null;
  status: DeliverableStatus;
  due_date: string;
  published_at: Date | null;
  post_url: string | null;
  brief_id: string;
  brief_title: string;
  contract_id: string;
  agency_id: string;
  agency_name: string;
  day: string;
  placed_by: 'published' | 'due';
  day_rank: string;
  day_total: string;
}

export function toCalendarItem(row: CalendarRow): CalendarItemDto {
  return {
    id: row.id,
    title: row.title,
    channel: row.channel,
    status: row.status,
    dueDate: row.due_date,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    postUrl: row.post_url,
    day: row.day,
    placedBy: row.placed_by,
    briefId: row.brief_id,
    briefTitle: row.brief_title,
    contractId: row.contract_id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
  };
}
