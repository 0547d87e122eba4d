import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import type { DomainEventType, EventSubscriber, StoredEvent } from '../events/domain-events';
import { DomainEvents } from '../events/domain-events.service';
import { noticesOf, templateFor } from '../notifications/notice-recipients';
import { MailService } from './mail.service';

/**
 * E-mail for the events NOTICES says are e-mailed: one message per active user they concern,
 * queued in the delivery's transaction (so exactly once) and sent after it by the mail job.
 */
@Injectable()
export class MailSubscriber implements EventSubscriber, OnModuleInit {
  readonly name = 'mail';

  constructor(
    private readonly events: DomainEvents,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  handles(type: DomainEventType): boolean {
    return templateFor(type, 'email') !== undefined;
  }

  async handle(event: StoredEvent, manager: EntityManager): Promise<void> {
    const template = templateFor(event.type, 'email');
    if (!template) return;
    const notices = await noticesOf(manager, event, template);
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
