import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { QueueService } from '../jobs/queue.service';

export const GOAL_ROLLUP_JOB = 'goal-reports.rollup';

/**
 * Rebuilds the goal_metric_days groups of the goals marked in goal_metric_stale (what a group is
 * keyed by changed: a deliverable's channel, a brief's stage, a contract's agency), one goal per
 * transaction, every ten minutes and at boot. Until then the reports read those goals' daily
 * rows, so no figure is ever stale, only slower (see the migration GoalMetricDays).
 */
@Injectable()
export class GoalRollupJobs implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    this.logger.setContext(GoalRollupJobs.name);
  }

  onModuleInit(): void {
    this.queue.register({
      name: GOAL_ROLLUP_JOB,
      schedule: '*/10 * * * *',
      runAtBoot: true,
      singleton: true,
      handle: async () => {
        const rebuilt = await this.rebuildStale();
        if (rebuilt > 0) this.logger.info({ rebuilt }, 'Goal figures rebuilt');
      },
    });
  }

  /** Rebuilds every marked goal; the number rebuilt. */
  async rebuildStale(): Promise<number> {
    const marked = await this.dataSource.query<{ goal_id: string }[]>(
      'SELECT goal_id FROM goal_metric_stale ORDER BY marked_at, goal_id',
    );
    for (const { goal_id: goalId } of marked) {
      await this.dataSource.transaction((manager) =>
        manager.query('SELECT goal_metric_days_rebuild($1)', [goalId]),
      );
    }
    return marked.length;
  }
}
