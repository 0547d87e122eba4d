import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Subject, type Observable } from 'rxjs';
import { asError } from '../common/errors/as-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { NOTICE_CHANNEL, parseAnnouncement, type NoticeAnnouncement } from './notice-channel';

/** How long to wait before connecting again after the listening connection failed, at most. */
const MAX_RECONNECT_MS = 30_000;

/**
 * This process's ear on the notice channel: one connection of its own (outside the pool: a
 * LISTENing connection must stay checked out) that hears every committed notice, of whichever
 * process delivered it, and hands it to the open streams of this process. When the connection
 * drops it connects again with backoff; notices announced meanwhile are not replayed, and the
 * bell's poll catches them up.
 */
@Injectable()
export class NoticeListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(NoticeListener.name);
  private readonly announcements = new Subject<NoticeAnnouncement>();
  private client: Client | null = null;
  private stopped = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: ResolvedConfig) {}

  /** Every notice committed from now on, for any user. */
  get notices(): Observable<NoticeAnnouncement> {
    return this.announcements.asObservable();
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.announcements.complete();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.databaseUrl,
      application_name: 'notice-listener',
    });
    client.on('notification', (message) => {
      if (message.channel !== NOTICE_CHANNEL) return;
      const announcement = parseAnnouncement(message.payload);
      if (announcement) this.announcements.next(announcement);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTICE_CHANNEL}`);
      this.client = client;
      this.failures = 0;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.stopped || (this.client !== null && this.client !== client)) return;
    this.client = null;
    client.removeAllListeners();
    void client.end().catch(() => undefined);
    const delay = Math.min(MAX_RECONNECT_MS, 1_000 * 2 ** this.failures++);
    if (error)
      this.logger.warn(`notice channel lost (${asError(error).message}); listening again in ${delay} ms`);
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), delay);
  }
}
