import { Module } from '@nestjs/common';
import { GoalDeliverablesService } from './goal-deliverables.service';
import { GoalOverviewService } from './goal-overview.service';
import { GoalReportService } from './goal-report.service';
import { GoalReportsController } from './goal-reports.controller';
import { GoalRollupJobs } from './goal-rollup-jobs';

/** Goal dashboards and the goal overview: read-only reports over outcomes and the budget ledger. */
@Module({
  controllers: [GoalReportsController],
  providers: [GoalReportService, GoalDeliverablesService, GoalOverviewService, GoalRollupJobs],
})
export class GoalReportsModule {}
