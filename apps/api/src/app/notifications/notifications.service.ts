import { Injectable } from '@nestjs/common';
import type { NotificationDto, NotificationKind, NotificationListDto } from '@agency-portal/shared';
import { DataSource, In, IsNull } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { Notification } from './notification.entity';

const LIST_LIMIT = 50;

@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor): Promise<NotificationListDto> {
    const repository = this.dataSource.getRepository(Notification);
    const [items, unread] = await Promise.all([
      repository.find({ where: { userId: actor.id }, order: { createdAt: 'DESC' }, take: LIST_LIMIT }),
      repository.count({ where: { userId: actor.id, readAt: IsNull() } }),
    ]);
    return { items: items.map(toNotificationDto), unread };
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
