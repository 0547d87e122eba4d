import { Column, Entity } from 'typeorm';
import { CreatedEntity, TimestampColumn } from '../database/columns';

/** Every e-mail the portal meant to send: sent through SMTP, or kept here when SMTP is not configured. */
@Entity({ name: 'mail_outbox' })
export class OutboxMessage extends CreatedEntity {
  @Column({ name: 'to_address', type: 'text' })
  toAddress!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: 'pending' | 'sent' | 'not_sent' | 'failed';

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @TimestampColumn('processed_at', { nullable: true })
  processedAt!: Date | null;

  /** The domain event the message was written for, if any. */
  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId!: string | null;

  /** When a sender took the message; a claim older than the job timeout belongs to a dead sender. */
  @TimestampColumn('claimed_at', { nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;
}
