import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { ContractsService } from '../contracts/contracts.service';
import { DeliverablesService } from '../deliverables/deliverables.service';

export const CONTRACT_LIFECYCLE_QUEUE = 'contracts.daily-lifecycle';
export const OVERDUE_REVIEWS_QUEUE = 'reviews.overdue';

/**
 * Scheduled work on a PostgreSQL-backed queue (pg-boss), so one replica runs each job even when
 * several are up. The contract lifecycle runs daily at 00:15 UTC and once at boot to catch up;
 * overdue reviews are escalated every 15 minutes.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBoss | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly contracts: ContractsService,
    private readonly deliverables: DeliverablesService,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(JobsService.name);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      max: 2,
      application_name: 'agency-portal-jobs',
    });
    boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
    await boss.start();
    await boss.createQueue(CONTRACT_LIFECYCLE_QUEUE, { name: CONTRACT_LIFECYCLE_QUEUE, policy: 'singleton' });
    await boss.schedule(CONTRACT_LIFECYCLE_QUEUE, '15 0 * * *', {}, { tz: 'UTC' });
    await boss.work(CONTRACT_LIFECYCLE_QUEUE, async () => {
      const run = await this.contracts.runDailyLifecycle();
      this.logger.info(run, 'Contract lifecycle run');
    });
    await boss.send(CONTRACT_LIFECYCLE_QUEUE, {}, { singletonKey: 'boot' });
    // Reviews past their step's SLA are escalated; checked every 15 minutes.
    await boss.createQueue(OVERDUE_REVIEWS_QUEUE, { name: OVERDUE_REVIEWS_QUEUE, policy: 'singleton' });
    await boss.schedule(OVERDUE_REVIEWS_QUEUE, '*/15 * * * *', {}, { tz: 'UTC' });
    await boss.work(OVERDUE_REVIEWS_QUEUE, async () => {
      const escalated = await this.deliverables.escalateOverdue();
      if (escalated > 0) this.logger.info({ escalated }, 'Overdue reviews escalated');
    });
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5000, wait: true });
  }
}
