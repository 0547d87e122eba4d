import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import type { DomainEventType, EventSubscriber, StoredEvent } from '../events/domain-events';
import { DomainEvents } from '../events/domain-events.service';
import { audienceOf, readerOf } from '../notifications/notice-recipients';
import { composeNotice, renderEmail, templateFor } from '../notifications/notice-rendering';
import { MailService } from './mail.service';

/**
 * E-mail for the events NOTICES says are e-mailed: one message per active user they concern, in
 * that person's language and time zone, queued in the delivery's transaction (so exactly once)
 * and sent after it by the mail job.
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
    if (!templateFor(event.type, 'email')) return;
    const users = await audienceOf(manager, event.audience ?? {});
    const messages = users.flatMap((user) => {
      const reader = readerOf(user);
      const text = composeNotice(event.type, event.payload, reader);
      if (!text) return [];
      const email = renderEmail(text, { ...reader, name: user.name }, this.config.publicUrl);
      return [{ to: user.email, subject: email.subject, text: email.text }];
    });
    await this.mail.enqueue(manager, messages, event.id);
  }
}
