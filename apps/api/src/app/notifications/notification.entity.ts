import type { NotificationKind } from '@agency-portal/shared';
import { Column, Entity } from 'typeorm';
import { OutboxEvent } from '../events/outbox-event.entity';
import { CreatedEntity, ForeignKey, TimestampColumn } from '../database/columns';

@Entity({ name: 'notifications' })
export class Notification extends CreatedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  /** The event the notice tells of: it is worded from it when read, in the reader's language. */
  @ForeignKey('event_id', () => OutboxEvent, 'event', { nullable: true, onDelete: 'SET NULL' })
  eventId!: string | null;
  event?: OutboxEvent | null;

  /** The English wording at delivery: the record, and the text when the event cannot be worded. */
  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ type: 'text', nullable: true })
  entity!: string | null;

  @Column({ name: 'entity_id', type: 'uuid', nullable: true })
  entityId!: string | null;

  @TimestampColumn('read_at', { nullable: true })
  readAt!: Date | null;
}
