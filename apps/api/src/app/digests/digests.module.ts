import { Module } from '@nestjs/common';
import { GoalReportsModule } from '../goal-reports/goal-reports.module';
import { DigestSubscriptionsController } from './digest-subscriptions.controller';
import { DigestSubscriptionsService } from './digest-subscriptions.service';
import { WeeklyDigestService } from './weekly-digest.service';

/** Weekly digests by e-mail of a goal or a business unit: subscriptions and the weekly job. */
@Module({
  imports: [GoalReportsModule],
  controllers: [DigestSubscriptionsController],
  providers: [DigestSubscriptionsService, WeeklyDigestService],
})
export class DigestsModule {}
