import type { NotificationKind } from '@agency-portal/shared';
import { type Json, type Loader, TableBuffer } from './copy';
import type { UserPlan } from './context';
import type { Random } from './random';
import { TABLES } from './tables';
import { DAY, type Instant } from './time';

/** In-app notices are kept for the last 14 days of the history, e-mails in the outbox for 3. */
export const NOTIFICATION_DAYS = 14;
export const MAIL_DAYS = 3;

export interface Notice {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  entity: string;
  entityId: string;
}

/**
 * What the services write beside every change: the audit record (always, the whole history),
 * in-app notices and e-mails to the same recipients the services pick (recent ones only, see
 * above: the services notify every agency user of every decision and every member of a
 * reviewing role of every submission, so four years of them would be tens of millions of rows).
 */
export class Activity {
  readonly audit = new TableBuffer(TABLES.audit);
  readonly notifications = new TableBuffer(TABLES.notifications);
  readonly mail = new TableBuffer(TABLES.mail);
  private readonly noticesFrom: Instant;
  private readonly mailFrom: Instant;

  constructor(
    private readonly random: Random,
    private readonly now: Instant,
  ) {
    this.noticesFrom = now - NOTIFICATION_DAYS * DAY;
    this.mailFrom = now - MAIL_DAYS * DAY;
  }

  /** Whether notices of an event at `at` are kept (callers skip working out recipients otherwise). */
  recent(at: Instant): boolean {
    return at >= this.noticesFrom;
  }

  record(
    at: Instant,
    actor: UserPlan | null,
    action: string,
    entity: string,
    entityId: string,
    before: Json | null,
    after: Json | null,
  ): void {
    this.audit.push({
      id: this.random.uuid(),
      at,
      actor_id: actor?.id ?? null,
      actor_email: actor?.email ?? null,
      action,
      entity,
      entity_id: entityId,
      before,
      after,
    });
  }

  /** NotificationsService.notifyUsers: one notice per distinct recipient. */
  notify(at: Instant, recipients: readonly UserPlan[], notice: Notice): void {
    if (at < this.noticesFrom) return;
    const seen = new Set<string>();
    for (const user of recipients) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      // Most people have opened what is more than a few days old.
      const read = this.now - at > 3 * DAY && this.random.chance(0.85);
      this.notifications.push({
        id: this.random.uuid(),
        user_id: user.id,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link,
        entity: notice.entity,
        entity_id: notice.entityId,
        read_at: read ? Math.min(this.now, at + this.random.logNormal(DAY, 1.2)) : null,
        created_at: at,
      });
    }
  }

  /** NotificationsService.notifyAndMail: the notices plus one e-mail each (not sent: no SMTP here). */
  notifyAndMail(at: Instant, recipients: readonly UserPlan[], notice: Notice): void {
    this.notify(at, recipients, notice);
    if (at < this.mailFrom) return;
    const seen = new Set<string>();
    for (const user of recipients) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      this.mail.push({
        id: this.random.uuid(),
        to_address: user.email,
        subject: notice.title,
        body: `${notice.body}\n\nOpen: ${notice.link}`,
        status: 'not_sent',
        processed_at: at + 1000,
        created_at: at,
      });
    }
  }

  async write(loader: Loader): Promise<void> {
    await loader.write(this.notifications, this.mail, this.audit);
  }
}
