import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Audience, DomainEventType } from './domain-events';
import { IdEntity } from '../database/columns';

/** A domain event, written in the transaction of the change that raised it. Append-only. */
@Entity({ name: 'outbox_events' })
export class OutboxEvent extends IdEntity {
  @Column({ type: 'text' })
  type!: DomainEventType;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  audience!: Audience;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}

/** One subscriber has handled one event: the dedupe key that makes a retry deliver nothing twice. */
@Entity({ name: 'outbox_deliveries' })
export class OutboxDelivery {
  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @PrimaryColumn({ type: 'text' })
  subscriber!: string;

  @CreateDateColumn({ name: 'delivered_at', type: 'timestamptz' })
  deliveredAt!: Date;
}
