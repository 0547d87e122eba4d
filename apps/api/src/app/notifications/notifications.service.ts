import { Injectable } from '@nestjs/common';
import type {
  NotificationDto,
  NotificationKind,
  NotificationListDto,
  NotificationListQuery,
} from '@agency-portal/shared';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';

export interface NoticeInput {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  entity: string | null;
  entityId: string | null;
}

const NOTIFICATION_LIST: ListSpec<'createdAt'> = {
  alias: 'notification',
  sorts: { createdAt: { expression: 'notification.created_at', type: 'timestamptz' } },
  defaultSort: '-createdAt',
};

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailService,
  ) {}

  /**
   * In-app notices plus e-mails in the outbox, inside the caller's transaction; call
   * MailService.dispatch() after it commits.
   */
  async notifyAndMail(
    manager: EntityManager,
    recipients: readonly Pick<User, 'id' | 'email'>[],
    notice: NoticeInput,
  ): Promise<void> {
    await this.notifyUsers(
      manager,
      recipients.map((user) => user.id),
      notice,
    );
    await this.mail.enqueue(
      manager,
      recipients.map((user) => ({
        to: user.email,
        subject: notice.title,
        text: `${notice.body}\n\nOpen: ${notice.link ?? ''}`,
      })),
    );
  }

  /** Adds in-app notices inside the caller's transaction. */
  async notifyUsers(manager: EntityManager, userIds: readonly string[], notice: NoticeInput): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    await manager.insert(
      Notification,
      unique.map((userId) => ({ userId, ...notice, readAt: null })),
    );
  }

  /** Notifies every active user of an agency. */
  async notifyAgency(manager: EntityManager, agencyId: string, notice: NoticeInput): Promise<void> {
    const users = await manager.find(User, { select: { id: true }, where: { agencyId, active: true } });
    await this.notifyUsers(
      manager,
      users.map((user) => user.id),
      notice,
    );
  }

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
