import { Inject, Injectable } from '@nestjs/common';
import type { OutboxListQuery, OutboxMessageDto, Page } from '@agency-portal/shared';
import { PinoLogger } from 'nestjs-pino';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, type EntityManager } from 'typeorm';
import { paginate, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { OutboxMessage } from './outbox-message.entity';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

const DISPATCH_BATCH = 50;

const OUTBOX_LIST: ListSpec<'createdAt'> = {
  alias: 'message',
  sorts: { createdAt: { expression: 'message.created_at', type: 'timestamptz' } },
  defaultSort: '-createdAt',
};

/**
 * A transactional outbox: messages are written with the change that causes them and dispatched
 * after commit, through SMTP (nodemailer) when SMTP_URL is configured. Without SMTP they stay in
 * the outbox as not_sent, where an admin can read them.
 */
@Injectable()
export class MailService {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(MailService.name);
    this.transport = config.smtpUrl ? createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Queues messages inside the caller's transaction; call dispatch() after it commits. */
  async enqueue(manager: EntityManager, messages: readonly MailMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.insert(
      OutboxMessage,
      messages.map((message) => ({ toAddress: message.to, subject: message.subject, body: message.text })),
    );
  }

  /** Queues and dispatches one message now. Returns true when SMTP accepted it. Never throws. */
  async send(message: MailMessage): Promise<boolean> {
    const saved = await this.dataSource.getRepository(OutboxMessage).save({
      toAddress: message.to,
      subject: message.subject,
      body: message.text,
    });
    await this.dispatch();
    const after = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id: saved.id });
    return after?.status === 'sent';
  }

  /** Sends pending messages; safe to call from several places at once (rows are locked and skipped). */
  async dispatch(): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const pending = await manager
          .getRepository(OutboxMessage)
          .createQueryBuilder('message')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where("message.status = 'pending'")
          .orderBy('message.created_at', 'ASC')
          .take(DISPATCH_BATCH)
          .getMany();
        for (const message of pending) {
          const outcome = await this.deliver(message);
          await manager.update(OutboxMessage, { id: message.id }, { ...outcome, processedAt: new Date() });
        }
      });
    } catch (error) {
      this.logger.warn({ err: error }, 'Mail dispatch failed; messages stay pending');
    }
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

  private async deliver(message: OutboxMessage): Promise<Pick<OutboxMessage, 'status' | 'error'>> {
    if (!this.transport) return { status: 'not_sent', error: 'SMTP is not configured' };
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: message.toAddress,
        subject: message.subject,
        text: message.body,
      });
      return { status: 'sent', error: null };
    } catch (error) {
      this.logger.warn({ err: error, to: message.toAddress }, 'Mail could not be sent');
      return {
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'unknown error',
      };
    }
  }
}
