import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_LOCALE, isLocale } from '@agency-portal/shared';
import { Brackets, type EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import type { Audience, DomainEventType, EventSubscriber, StoredEvent } from '../events/domain-events';
import { DomainEvents } from '../events/domain-events.service';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { Notification } from './notification.entity';
import { NOTICES, type NoticeTemplate, type Recipient } from './notices';

/**
 * In-app notices and e-mails, after commit: for each event with wording in NOTICES, every active
 * user of its audience gets the notice in the app and, where the template says so, by e-mail
 * (queued in the same delivery transaction, so exactly once).
 */
@Injectable()
export class NoticesSubscriber implements EventSubscriber, OnModuleInit {
  readonly name = 'notices';

  constructor(
    private readonly events: DomainEvents,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  handles(type: DomainEventType): boolean {
    return NOTICES[type] !== undefined;
  }

  async handle(event: StoredEvent, manager: EntityManager): Promise<void> {
    const template = NOTICES[event.type] as NoticeTemplate<typeof event.type> | undefined;
    if (!template) return;
    const users = await this.audienceOf(manager, event.audience ?? {});
    const notices = users.map((user) => ({
      user,
      notice: template.render(event.payload as never, recipientOf(user)),
    }));
    if (template.kind && template.channels.includes('app') && notices.length > 0) {
      const kind = template.kind;
      await manager.insert(
        Notification,
        notices.map(({ user, notice }) => ({
          userId: user.id,
          kind,
          title: notice.title,
          body: notice.body,
          link: notice.link,
          entity: entityOf(event),
          entityId: entityIdOf(event),
          readAt: null,
        })),
      );
    }
    if (template.channels.includes('email')) {
      await this.mail.enqueue(
        manager,
        notices.map(({ user, notice }) => ({
          to: user.email,
          subject: notice.title,
          text: notice.emailText ?? `${notice.body}\n\nOpen: ${this.config.publicUrl}${notice.link}`,
        })),
        event.id,
      );
    }
  }

  /** The audience's active users, each once. */
  private async audienceOf(manager: EntityManager, audience: Audience): Promise<User[]> {
    const userIds = [...new Set(audience.userIds ?? [])];
    const agencyIds = [...new Set(audience.agencyIds ?? [])];
    if (userIds.length === 0 && agencyIds.length === 0) return [];
    return manager
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.active = true')
      .andWhere(
        new Brackets((where) => {
          where.where('1 = 0');
          if (userIds.length) where.orWhere('user.id IN (:...userIds)', { userIds });
          if (agencyIds.length) where.orWhere('user.agency_id IN (:...agencyIds)', { agencyIds });
        }),
      )
      .orderBy('user.email', 'ASC')
      .getMany();
  }
}

function recipientOf(user: User): Recipient {
  return { name: user.name, email: user.email, locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE };
}

/** The record a notice is about, for the bell's grouping: the event's first id field. */
function entityOf(event: StoredEvent): string | null {
  const payload = event.payload as Record<string, unknown>;
  if ('deliverableId' in payload) return 'deliverable';
  if ('briefId' in payload) return 'brief';
  if ('contractId' in payload) return 'contract';
  return null;
}

function entityIdOf(event: StoredEvent): string | null {
  const payload = event.payload as Record<string, unknown>;
  const id = payload['deliverableId'] ?? payload['briefId'] ?? payload['contractId'];
  return typeof id === 'string' ? id : null;
}
