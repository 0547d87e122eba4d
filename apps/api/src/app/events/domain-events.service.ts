import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { QueueService } from '../jobs/queue.service';
import type { DomainEvent, DomainEventType, EventSubscriber, StoredEvent } from './domain-events';
import { OutboxEvent } from './outbox-event.entity';

/**
 * The transactional outbox. publish() writes the event, and one queued delivery per subscriber,
 * with the caller's own transaction: nothing is sent unless the change commits, and a crash after
 * commit loses nothing. Deliveries run after commit on the queue, with retries and backoff; a
 * delivery record per (event, subscriber) makes a retry, or a second worker, deliver nothing twice.
 */
@Injectable()
export class DomainEvents {
  private readonly subscribers: EventSubscriber[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
  ) {}

  /** Called by a subscriber when its module starts. */
  subscribe(subscriber: EventSubscriber): void {
    if (this.subscribers.some((known) => known.name === subscriber.name)) {
      throw new Error(`Event subscriber ${subscriber.name} is registered twice`);
    }
    this.subscribers.push(subscriber);
    this.queue.register<{ eventId: string }>({
      name: queueOf(subscriber),
      handle: ({ eventId }) => this.deliver(subscriber, eventId),
      retryLimit: 10,
      retryDelaySeconds: 10,
    });
  }

  /** Records the event inside the caller's transaction (`manager`); delivery follows the commit. */
  async publish<K extends DomainEventType>(
    manager: EntityManager,
    event: DomainEvent<K>,
    actor: { id: string } | null = null,
  ): Promise<void> {
    const stored = await manager.save(
      manager.create(OutboxEvent, {
        type: event.type,
        payload: event.payload as unknown as Record<string, unknown>,
        audience: event.audience ?? {},
        actorId: actor?.id ?? null,
      }),
    );
    for (const subscriber of this.subscribers) {
      if (!subscriber.handles(event.type)) continue;
      await this.queue.sendWithin(
        manager,
        queueOf(subscriber),
        { eventId: stored.id },
        { singletonKey: stored.id },
      );
    }
  }

  private async deliver(subscriber: EventSubscriber, eventId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // The dedupe key: a second delivery of the same event waits here for the first, then skips.
      const claimed: unknown[] = await manager.query(
        `INSERT INTO outbox_deliveries (event_id, subscriber) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [eventId, subscriber.name],
      );
      if (claimed.length === 0) return;
      const row = await manager.findOneByOrFail(OutboxEvent, { id: eventId });
      await subscriber.handle(toStoredEvent(row), manager);
    });
  }
}

function queueOf(subscriber: EventSubscriber): string {
  return `events.${subscriber.name}`;
}

function toStoredEvent(row: OutboxEvent): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    payload: row.payload,
    audience: row.audience,
    actorId: row.actorId,
    occurredAt: row.occurredAt,
  } as StoredEvent;
}
