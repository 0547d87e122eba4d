import { Module } from '@nestjs/common';
import { ReportExportsModule } from '../report-exports/report-exports.module';
import { GoalDeliverablesService } from './goal-deliverables.service';
import { GoalOverviewService } from './goal-overview.service';
import { GoalReportExportsController } from './goal-report-exports.controller';
import { GoalReportExportsService } from './goal-report-exports.service';
import { GoalReportService } from './goal-report.service';
import { GoalReportsController } from './goal-reports.controller';
import { GoalRollupJobs } from './goal-rollup-jobs';

/** Goal dashboards and the goal overview: read-only reports over outcomes and the budget ledger, and their exports. */
@Module({
  imports: [ReportExportsModule],
  // The exports' controller first: its `export` route must match before `:goalId`.
  controllers: [GoalReportExportsController, GoalReportsController],
  providers: [
    GoalReportService,
    GoalDeliverablesService,
    GoalOverviewService,
    GoalReportExportsService,
    GoalRollupJobs,
  ],
  exports: [GoalReportService, GoalOverviewService],
})
export class GoalReportsModule {}
