import { Injectable } from '@nestjs/common';
import type {
  NotificationDto,
  NotificationKind,
  NotificationListDto,
  NotificationListQuery,
} from '@agency-portal/shared';
import { DataSource, In, IsNull } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import type { StoredEvent } from '../events/domain-events';
import { User } from '../users/user.entity';
import type { Reader } from './notice-format';
import { readerOf } from './notice-recipients';
import { composeNotice, renderNotice } from './notice-rendering';
import { Notification } from './notification.entity';

const NOTIFICATION_LIST: ListSpec<'createdAt'> = {
  alias: 'notification',
  sorts: { createdAt: { expression: 'notification.created_at', type: 'timestamptz' } },
  defaultSort: '-createdAt',
};

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The actor's own notices (nobody reads another's), a page at a time, with the unread count,
   * worded now for the reader: their language and time zone (else the reading device's
   * `timeZone`), so a change of either applies to old notices too. The search looks at the text
   * stored when the notice was delivered.
   */
  async list(actor: Actor, query: NotificationListQuery): Promise<NotificationListDto> {
    const repository = this.dataSource.getRepository(Notification);
    const qb = repository
      .createQueryBuilder('notification')
      .leftJoinAndSelect('notification.event', 'event')
      .where('notification.user_id = :userId', { userId: actor.id });
    if (query.unread) qb.andWhere('notification.read_at IS NULL');
    whereSearch(qb, query.q, ['notification.title']);
    const [page, unread, user] = await Promise.all([
      paginate(qb, NOTIFICATION_LIST, query),
      repository.count({ where: { userId: actor.id, readAt: IsNull() } }),
      this.dataSource
        .getRepository(User)
        .findOne({ where: { id: actor.id }, select: { id: true, locale: true, timeZone: true } }),
    ]);
    const reader = readerOf(user ?? { locale: actor.locale, timeZone: null }, query.timeZone ?? null);
    return { ...toPage(page, (item) => toNotificationDto(item, reader)), unread };
  }

  /**
   * One of the actor's notices worded for them, with their unread count: what the notice stream
   * sends when it arrives. Null when it is not theirs (or gone).
   */
  async worded(
    actor: Actor,
    id: string,
    timeZone: string | null,
  ): Promise<{ notice: NotificationDto; unread: number } | null> {
    const repository = this.dataSource.getRepository(Notification);
    const notification = await repository.findOne({
      where: { id, userId: actor.id },
      relations: { event: true },
    });
    if (!notification) return null;
    const [unread, user] = await Promise.all([
      repository.count({ where: { userId: actor.id, readAt: IsNull() } }),
      this.dataSource
        .getRepository(User)
        .findOne({ where: { id: actor.id }, select: { id: true, locale: true, timeZone: true } }),
    ]);
    const reader = readerOf(user ?? { locale: actor.locale, timeZone: null }, timeZone);
    return { notice: toNotificationDto(notification, reader), unread };
  }

  async markRead(actor: Actor, id: string): Promise<void> {
    const result = await this.dataSource
      .getRepository(Notification)
      .update({ id, userId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    if (!result.affected) {
      const exists = await this.dataSource.getRepository(Notification).existsBy({ id, userId: actor.id });
      if (!exists) throw notFound('Notification');
    }
  }

  async markAllRead(actor: Actor): Promise<void> {
    await this.dataSource
      .getRepository(Notification)
      .update({ userId: actor.id, readAt: IsNull() }, { readAt: new Date() });
  }

  /** For tests and jobs: notices of a kind for some users. */
  async countFor(userIds: string[], kind: NotificationKind): Promise<number> {
    return this.dataSource.getRepository(Notification).count({ where: { userId: In(userIds), kind } });
  }
}

export function toNotificationDto(notification: Notification, reader: Reader): NotificationDto {
  const { title, body, link } = wordingOf(notification, reader);
  return {
    id: notification.id,
    kind: notification.kind,
    title,
    body,
    link,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}

/** The notice worded from its event for the reader; the stored English when there is no event to word. */
function wordingOf(
  notification: Notification,
  reader: Reader,
): { title: string; body: string; link: string | null } {
  const event = notification.event;
  if (event) {
    try {
      const text = composeNotice(event.type, event.payload as StoredEvent['payload'], reader);
      if (text) return renderNotice(text, reader);
    } catch {
      // An event stored long ago that today's template cannot word: its English as delivered.
    }
  }
  return { title: notification.title, body: notification.body, link: notification.link };
}
