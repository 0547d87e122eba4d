import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AGENCY_ROLES,
  DEFAULT_LOCALE,
  DIGEST_SEND_HOUR,
  isLocale,
  type GoalReportDto,
} from '@agency-portal/shared';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { GoalOverviewService } from '../goal-reports/goal-overview.service';
import { GoalReportService } from '../goal-reports/goal-report.service';
import { QueueService } from '../jobs/queue.service';
import { MailService, type MailMessage } from '../mail/mail.service';
import { readerOf } from '../notifications/notice-recipients';
import { User } from '../users/user.entity';
import { goalDigest, unitDigest } from './digest-mail';

export const DIGEST_WEEKLY_JOB = 'digests.weekly';
/** Goals of a unit a digest lists (its active goals, newest first); the rest are on the overview. */
const UNIT_DIGEST_GOALS = 10;
const BATCH = 100;

interface DueSubscription {
  id: string;
  user_id: string;
  goal_id: string | null;
  business_unit_id: string | null;
  week: string;
}

/**
 * The weekly digest: every hour (and at boot) it finds the subscriptions whose subscriber's own
 * week has reached Monday DIGEST_SEND_HOUR:00 in their time zone (UTC without one) and that have
 * no digest for that week yet, builds each from the report services' answers for the subscriber
 * (so it shows only what they may read; a goal they can no longer see gets nothing), and queues
 * the e-mail in the transaction that records the week's delivery. The delivery's key (subscription,
 * week) makes it once: a retried job or a second process inserts nothing and queues nothing. The
 * mail itself leaves after commit through the outbox's own job.
 */
@Injectable()
export class WeeklyDigestService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: GoalReportService,
    private readonly overview: GoalOverviewService,
    private readonly mail: MailService,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(WeeklyDigestService.name);
  }

  onModuleInit(): void {
    this.queue.register<{ now?: string }>({
      name: DIGEST_WEEKLY_JOB,
      schedule: '0 * * * *',
      runAtBoot: true,
      singleton: true,
      handle: async ({ now }) => {
        await this.sendDue(now ? new Date(now) : new Date());
      },
    });
  }

  /** Sends the digests due at `now`; returns how many were queued. */
  async sendDue(now: Date): Promise<number> {
    let sent = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const due = await this.due(now, after);
      for (const subscription of due) {
        try {
          if (await this.send(subscription)) sent++;
        } catch (error) {
          // One subscriber's failure (a report that cannot be built) does not hold the others back;
          // the next hourly run tries again, as nothing was recorded for the week.
          this.logger.warn({ err: error, subscriptionId: subscription.id }, 'Weekly digest failed');
        }
      }
      const last = due.at(-1);
      if (!last || due.length < BATCH) break;
      after = last.id;
    }
    if (sent > 0) this.logger.info({ count: sent }, 'Weekly digests queued');
    return sent;
  }

  private due(now: Date, after: string): Promise<DueSubscription[]> {
    return this.dataSource.query<DueSubscription[]>(
      `SELECT s.id, s.user_id, s.goal_id, s.business_unit_id, to_char(w.week, 'YYYY-MM-DD') AS week
         FROM digest_subscriptions s
         JOIN users u ON u.id = s.user_id
         CROSS JOIN LATERAL (SELECT CAST($1 AS timestamptz) AT TIME ZONE COALESCE(u.time_zone, 'UTC') AS local_now) l
         CROSS JOIN LATERAL (SELECT CAST(date_trunc('week', l.local_now) AS date) AS week) w
        WHERE u.active AND u.agency_id IS NULL AND u.role <> ALL(CAST($2 AS text[]))
          AND l.local_now >= w.week + make_interval(hours => $3)
          AND NOT EXISTS (SELECT 1 FROM digest_deliveries d WHERE d.subscription_id = s.id AND d.week = w.week)
          AND s.id > $4
        ORDER BY s.id
        LIMIT ${BATCH}`,
      [now.toISOString(), [...AGENCY_ROLES], DIGEST_SEND_HOUR, after],
    );
  }

  private async send(subscription: DueSubscription): Promise<boolean> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: subscription.user_id });
    const actor = actorOf(user);
    const reader = { ...readerOf(user), name: user.name, email: user.email };
    const links = { publicUrl: this.config.publicUrl };
    let message: MailMessage;
    if (subscription.goal_id) {
      if (!(await this.access.allowed(actor, 'goal', [subscription.goal_id])).has(subscription.goal_id))
        return false;
      message = goalDigest(await this.reports.report(actor, subscription.goal_id), reader, links);
    } else {
      const unitId = subscription.business_unit_id ?? '';
      if (!(await this.access.allowed(actor, 'business_unit', [unitId])).has(unitId)) return false;
      const [unit] = await this.dataSource.query<{ id: string; name: string }[]>(
        `SELECT id, name FROM business_units WHERE id = $1`,
        [unitId],
      );
      if (!unit) return false;
      const goals = await this.overview.list(actor, {
        businessUnitId: unitId,
        status: 'active',
        limit: UNIT_DIGEST_GOALS,
      });
      const reports: GoalReportDto[] = [];
      for (const goal of goals.items) reports.push(await this.reports.report(actor, goal.goalId));
      message = unitDigest(unit, reports, goals.nextCursor !== null, reader, links);
    }
    return this.dataSource.transaction(async (manager) => {
      // Nothing when this week's digest is already recorded, or the subscription has just ended.
      const recorded = await manager.query<{ week: string }[]>(
        `INSERT INTO digest_deliveries (subscription_id, week)
         SELECT id, CAST($2 AS date) FROM digest_subscriptions WHERE id = $1
         ON CONFLICT DO NOTHING RETURNING week`,
        [subscription.id, subscription.week],
      );
      if (recorded.length === 0) return false;
      await this.mail.enqueue(manager, [message]);
      return true;
    });
  }
}

/** The subscriber as the actor their digest is read for: the same rules as when they sign in. */
function actorOf(user: User): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agencyId: user.agencyId,
    sessionId: '',
    locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
  };
}
