import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DEFAULT_LOCALE } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import type { DomainEventType, EventSubscriber, StoredEvent } from '../events/domain-events';
import { DomainEvents } from '../events/domain-events.service';
import { announceNotices } from './notice-channel';
import { audienceOf } from './notice-recipients';
import { composeNotice, renderNotice, templateFor } from './notice-rendering';
import { Notification } from './notification.entity';

/**
 * The bell: an in-app notice for every active user an event concerns. A notice keeps its event, and
 * is worded when read, in the reader's language and time zone of that moment (NotificationsService);
 * the English wording stored with it is the record, and what shows if the event can no longer be
 * worded (its template gone).
 */
@Injectable()
export class InAppNoticesSubscriber implements EventSubscriber, OnModuleInit {
  readonly name = 'notices';

  constructor(private readonly events: DomainEvents) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  handles(type: DomainEventType): boolean {
    return templateFor(type, 'app') !== undefined;
  }

  async handle(event: StoredEvent, manager: EntityManager): Promise<void> {
    const kind = templateFor(event.type, 'app')?.kind;
    const text = composeNotice(event.type, event.payload, { locale: DEFAULT_LOCALE, timeZone: null });
    if (!kind || !text) return;
    const users = await audienceOf(manager, event.audience ?? {});
    if (users.length === 0) return;
    const english = renderNotice(text, { locale: DEFAULT_LOCALE, timeZone: null });
    const about = subjectOf(event);
    const inserted = await manager.insert(
      Notification,
      users.map((user) => ({
        userId: user.id,
        kind,
        eventId: event.id,
        title: english.title,
        body: english.body,
        link: english.link,
        ...about,
        readAt: null,
      })),
    );
    // Heard by the bells of the recipients when this delivery commits (the notice stream).
    await announceNotices(
      manager,
      users.flatMap((user, index) => {
        const id = (inserted.identifiers[index] as { id?: unknown } | undefined)?.id;
        return typeof id === 'string' ? [{ userId: user.id, notificationId: id }] : [];
      }),
    );
  }
}

/** The record a notice is about: the deliverable, else the brief, else the contract of the event. */
function subjectOf(event: StoredEvent): { entity: string | null; entityId: string | null } {
  const payload = event.payload as Record<string, unknown>;
  for (const [entity, key] of [
    ['deliverable', 'deliverableId'],
    ['brief', 'briefId'],
    ['contract', 'contractId'],
  ] as const) {
    const id = payload[key];
    if (typeof id === 'string') return { entity, entityId: id };
  }
  return { entity: null, entityId: null };
}
