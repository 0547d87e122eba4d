import { Module } from '@nestjs/common';
import { ReportExportsModule } from '../report-exports/report-exports.module';
import { ScorecardExportsService } from './scorecard-exports.service';
import { ScorecardFactsStore } from './scorecard-facts.store';
import { ScorecardJobs } from './scorecard-jobs';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

/**
 * Agency scorecards: read-only figures per agency and quarter, computed from the workflow into a
 * snapshot the queue keeps fresh, and their exports.
 */
@Module({
  imports: [ReportExportsModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsService, ScorecardExportsService, ScorecardFactsStore, ScorecardJobs],
  exports: [ScorecardsService, ScorecardJobs],
})
export class ScorecardsModule {}
