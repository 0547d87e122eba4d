import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { OutboxListQuery, OutboxMessageDto, Page } from '@agency-portal/shared';
import { PinoLogger } from 'nestjs-pino';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { QueueService } from '../jobs/queue.service';
import { OutboxMessage } from './outbox-message.entity';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export const MAIL_SEND_JOB = 'mail.send';
export const MAIL_SWEEP_JOB = 'mail.sweep';
/** Attempts per message before it is marked failed (each retry waits twice as long: 30 s … ~1 h). */
const MAX_ATTEMPTS = 8;
/** A pending message nobody picked up this long after it was written is queued again. */
const STRANDED_AFTER_SECONDS = 300;

const OUTBOX_LIST: ListSpec<'createdAt'> = {
  alias: 'message',
  sorts: { createdAt: { expression: 'message.created_at', type: 'timestamptz' } },
  defaultSort: '-createdAt',
};

/**
 * Every e-mail: a row in `mail_outbox`, written by the caller's transaction, and a queued
 * `mail.send` job that sends it through SMTP after commit, never inside a transaction. A message
 * is claimed before it is sent, so two jobs never send it twice; one whose sender died mid-send
 * is claimed again once the job timeout has passed, and a sweep (at boot and every five minutes)
 * re-queues anything stranded. Without SMTP_URL messages are kept as not_sent, where an admin can read them.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MailService.name);
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  onModuleInit(): void {
    this.queue.register<{ messageId: string }>({
      name: MAIL_SEND_JOB,
      handle: ({ messageId }) => this.deliver(messageId),
      retryLimit: MAX_ATTEMPTS,
      retryDelaySeconds: 30,
    });
    this.queue.register({
      name: MAIL_SWEEP_JOB,
      schedule: '*/5 * * * *',
      // A process starting after a crash picks up at once what the crash left half-sent.
      runAtBoot: true,
      singleton: true,
      handle: async () => {
        await this.sweep();
      },
    });
  }

  /** Queues messages inside the caller's transaction; they are sent once it commits. */
  async enqueue(
    manager: EntityManager,
    messages: readonly MailMessage[],
    eventId: string | null = null,
  ): Promise<void> {
    if (messages.length === 0) return;
    const inserted = await manager.insert(
      OutboxMessage,
      messages.map((message) => ({
        toAddress: message.to,
        subject: message.subject,
        body: message.text,
        eventId,
      })),
    );
    for (const { id } of inserted.identifiers as { id: string }[]) {
      await this.queue.sendWithin(manager, MAIL_SEND_JOB, { messageId: id }, { singletonKey: id });
    }
  }

  /** Sends one message if it is still unsent and nobody else is sending it. */
  async deliver(messageId: string): Promise<void> {
    const [claimed] = await this.dataSource.query<
      [{ id: string; to_address: string; subject: string; body: string; attempts: number }[], number]
    >(
      `UPDATE mail_outbox SET claimed_at = now(), attempts = attempts + 1
        WHERE id = $1 AND status = 'pending'
          AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => $2))
       RETURNING id, to_address, subject, body, attempts`,
      [messageId, this.config.jobTimeoutSeconds],
    );
    const message = claimed[0];
    if (!message) return;
    if (!this.transport) {
      await this.finish(message.id, 'not_sent', 'SMTP is not configured');
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: message.to_address,
        subject: message.subject,
        text: message.body,
        // Stable across retries, so a receiving server can drop a duplicate.
        messageId: `<${message.id}@agency-portal>`,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
      this.logger.warn(
        { err: error, to: message.to_address, attempt: message.attempts },
        'Mail could not be sent',
      );
      if (message.attempts >= MAX_ATTEMPTS) {
        await this.finish(message.id, 'failed', reason);
        return;
      }
      await this.dataSource.query(`UPDATE mail_outbox SET claimed_at = NULL, error = $2 WHERE id = $1`, [
        message.id,
        reason,
      ]);
      throw error; // retried by the queue, with backoff
    }
    await this.finish(message.id, 'sent', null);
  }

  /** Re-queues messages stranded by a crash: never picked up, or claimed by a sender that died. */
  async sweep(): Promise<number> {
    const stranded: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM mail_outbox
        WHERE status = 'pending'
          AND (claimed_at IS NULL AND created_at < now() - make_interval(secs => $1)
               OR claimed_at < now() - make_interval(secs => $2))
        ORDER BY created_at LIMIT 500`,
      [STRANDED_AFTER_SECONDS, this.config.jobTimeoutSeconds],
    );
    for (const { id } of stranded)
      await this.queue.send(MAIL_SEND_JOB, { messageId: id }, { singletonKey: id });
    if (stranded.length > 0) this.logger.info({ count: stranded.length }, 'Stranded mail queued again');
    return stranded.length;
  }

  /** The e-mails the portal sent or kept, newest first (admin). */
  async list(query: OutboxListQuery): Promise<Page<OutboxMessageDto>> {
    const qb = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('message');
    if (query.status) qb.andWhere('message.status = :status', { status: query.status });
    whereSearch(qb, query.q, ['message.to_address', 'message.subject']);
    return toPage(await paginate(qb, OUTBOX_LIST, query), (message) => ({
      id: message.id,
      to: message.toAddress,
      subject: message.subject,
      body: message.body,
      status: message.status,
      error: message.error,
      createdAt: message.createdAt.toISOString(),
    }));
  }

  private async finish(
    id: string,
    status: 'sent' | 'not_sent' | 'failed',
    error: string | null,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_outbox SET status = $2, error = $3, processed_at = now(), claimed_at = NULL WHERE id = $1`,
      [id, status, error],
    );
  }
}
