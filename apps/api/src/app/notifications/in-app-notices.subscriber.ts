import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DomainEventType, EventSubscriber, StoredEvent } from '../events/domain-events';
import { DomainEvents } from '../events/domain-events.service';
import { noticesOf, templateFor } from './notice-recipients';
import { Notification } from './notification.entity';

/** The bell: an in-app notice for every active user an event concerns, worded by NOTICES. */
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
    const template = templateFor(event.type, 'app');
    if (!template?.kind) return;
    const kind = template.kind;
    const notices = await noticesOf(manager, event, template);
    if (notices.length === 0) return;
    const about = subjectOf(event);
    await manager.insert(
      Notification,
      notices.map(({ user, notice }) => ({
        userId: user.id,
        kind,
        title: notice.title,
        body: notice.body,
        link: notice.link,
        ...about,
        readAt: null,
      })),
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
