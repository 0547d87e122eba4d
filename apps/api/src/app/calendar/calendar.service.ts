import { Injectable } from '@nestjs/common';
import type { CalendarDayDto, CalendarDto } from '@agency-portal/shared';
import { CALENDAR_LIMITS } from '@agency-portal/shared';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { fieldError } from '../common/errors/domain-error';
import { UnitOfWork } from '../database/unit-of-work';
import { Deliverable } from '../deliverables/deliverable.entity';
import { msg } from '../i18n/message';
import { toCalendarItem, type CalendarRow } from './calendar.mapper';
import type { CalendarQueryDto } from './dto/calendar.dto';

/** The publish instant's day in the caller's zone. */
const PUBLISH_DAY = `CAST(deliverable.published_at AT TIME ZONE :timeZone AS date)`;
const IS_PUBLISHED = `(deliverable.status = 'published' AND deliverable.published_at IS NOT NULL)`;
/** Published in the window: [from 00:00, to + 1 day 00:00) in the caller's zone, a range on the partial index. */
const PUBLISHED_IN_WINDOW = `(${IS_PUBLISHED}
  AND deliverable.published_at >= (CAST(:from AS date) + time '00:00') AT TIME ZONE :timeZone
  AND deliverable.published_at < (CAST(:to AS date) + 1 + time '00:00') AT TIME ZONE :timeZone)`;
const DUE_IN_WINDOW = `(deliverable.due_date BETWEEN CAST(:from AS date) AND CAST(:to AS date))`;

/**
 * The content calendar: the deliverables the actor may see placed on the days of a bounded window,
 * each day capped at `perDay` items with a count of the rest. One statement whatever the window:
 * the scoped rows are ranked per day by a window function and only the listed ones come back.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  async read(actor: Actor, query: CalendarQueryDto): Promise<CalendarDto> {
    const days = windowDays(query.from, query.to);
    if (days < 1) {
      throw fieldError('to', msg('The window ends before it starts: "to" must be on or after "from".'));
    }
    if (days > CALENDAR_LIMITS.maxWindowDays) {
      throw fieldError(
        'to',
        msg('A calendar window is at most {max} days long; ask for a shorter one.', {
          max: CALENDAR_LIMITS.maxWindowDays,
        }),
      );
    }
    const on = query.on ?? 'schedule';
    const perDay = query.perDay ?? CALENDAR_LIMITS.defaultPerDay;
    const timeZone = query.timeZone ?? 'UTC';

    const day =
      on === 'due'
        ? 'deliverable.due_date'
        : on === 'published'
          ? PUBLISH_DAY
          : `(CASE WHEN ${IS_PUBLISHED} THEN ${PUBLISH_DAY} ELSE deliverable.due_date END)`;
    const placedBy =
      on === 'due'
        ? `'due'`
        : on === 'published'
          ? `'published'`
          : `(CASE WHEN ${IS_PUBLISHED} THEN 'published' ELSE 'due' END)`;
    const inWindow =
      on === 'due'
        ? DUE_IN_WINDOW
        : on === 'published'
          ? PUBLISHED_IN_WINDOW
          : `((NOT ${IS_PUBLISHED} AND ${DUE_IN_WINDOW}) OR ${PUBLISHED_IN_WINDOW})`;
    const order = `deliverable.published_at ASC NULLS LAST, deliverable.channel ASC NULLS LAST, deliverable.title ASC, deliverable.id ASC`;

    const placed = this.uow.manager
      .getRepository(Deliverable)
      .createQueryBuilder('deliverable')
      .innerJoin('deliverable.brief', 'brief')
      .innerJoin('brief.contract', 'contract')
      .innerJoin('contract.agency', 'agency')
      .select('deliverable.id', 'id')
      .addSelect('deliverable.title', 'title')
      .addSelect('deliverable.channel', 'channel')
      .addSelect('deliverable.status', 'status')
      .addSelect(`to_char(deliverable.due_date, 'YYYY-MM-DD')`, 'due_date')
      .addSelect('deliverable.published_at', 'published_at')
      .addSelect('deliverable.post_url', 'post_url')
      .addSelect('brief.id', 'brief_id')
      .addSelect('brief.title', 'brief_title')
      .addSelect('contract.id', 'contract_id')
      .addSelect('agency.id', 'agency_id')
      .addSelect('agency.name', 'agency_name')
      .addSelect(`to_char(${day}, 'YYYY-MM-DD')`, 'day')
      .addSelect(placedBy, 'placed_by')
      .addSelect(`row_number() OVER (PARTITION BY ${day} ORDER BY ${order})`, 'day_rank')
      .addSelect(`count(*) OVER (PARTITION BY ${day})`, 'day_total')
      .where(inWindow, { from: query.from, to: query.to, timeZone });
    this.access.scope(placed, actor, 'deliverable', 'deliverable');
    if (query.agencyId) placed.andWhere('contract.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.contractId)
      placed.andWhere('brief.contract_id = :contractId', { contractId: query.contractId });
    if (query.goalId) {
      placed.andWhere(
        'EXISTS (SELECT 1 FROM brief_goals goal_link WHERE goal_link.brief_id = brief.id AND goal_link.goal_id = :goalId)',
        { goalId: query.goalId },
      );
    }
    if (query.channel) placed.andWhere('deliverable.channel = :channel', { channel: query.channel });
    if (query.status) placed.andWhere('deliverable.status = :status', { status: query.status });

    const rows = await this.uow.manager
      .createQueryBuilder()
      .select('*')
      .from(`(${placed.getQuery()})`, 'placed')
      .setParameters(placed.getParameters())
      .where('placed.day_rank <= :perDay', { perDay })
      .orderBy('placed.day', 'ASC')
      .addOrderBy('placed.day_rank', 'ASC')
      .getRawMany<CalendarRow>();

    const byDay = new Map<string, CalendarDayDto>();
    for (const row of rows) {
      const entry = byDay.get(row.day) ?? { date: row.day, items: [], total: Number(row.day_total), more: 0 };
      entry.items.push(toCalendarItem(row));
      entry.more = entry.total - entry.items.length;
      byDay.set(row.day, entry);
    }
    const list = [...byDay.values()];
    return {
      from: query.from,
      to: query.to,
      on,
      perDay,
      timeZone,
      days: list,
      total: list.reduce((sum, entry) => sum + entry.total, 0),
    };
  }
}

/** Days from `from` to `to`, both included (0 or less when `to` comes first). */
export function windowDays(from: string, to: string): number {
  const utc = (iso: string) => {
    const [year, month, date] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, date);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000) + 1;
}
