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
import { Notification } from './notification.entity';

const NOTIFICATION_LIST: ListSpec<'createdAt'> = {
  alias: 'notification',
  sorts: { createdAt: { expression: 'notification.created_at', type: 'timestamptz' } },
  defaultSort: '-createdAt',
};

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The actor's own notices (nobody reads another's), a page at a time, with the unread count. */
  async list(actor: Actor, query: NotificationListQuery): Promise<NotificationListDto> {
    const repository = this.dataSource.getRepository(Notification);
    const qb = repository
      .createQueryBuilder('notification')
      .where('notification.user_id = :userId', { userId: actor.id });
    if (query.unread) qb.andWhere('notification.read_at IS NULL');
    whereSearch(qb, query.q, ['notification.title']);
    const [page, unread] = await Promise.all([
      paginate(qb, NOTIFICATION_LIST, query),
      repository.count({ where: { userId: actor.id, readAt: IsNull() } }),
    ]);
    return { ...toPage(page, toNotificationDto), unread };
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

export function toNotificationDto(notification: Notification): NotificationDto {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
  };
}
