import { Module } from '@nestjs/common';
import { ReportExportsModule } from '../report-exports/report-exports.module';
import { ScorecardExportsService } from './scorecard-exports.service';
import { ScorecardsController } from './scorecards.controller';
import { ScorecardsService } from './scorecards.service';

/** Agency scorecards: read-only figures per agency and quarter, computed from the workflow, and their exports. */
@Module({
  imports: [ReportExportsModule],
  controllers: [ScorecardsController],
  providers: [ScorecardsService, ScorecardExportsService],
  exports: [ScorecardsService],
})
export class ScorecardsModule {}
