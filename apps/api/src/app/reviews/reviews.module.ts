import { Module } from '@nestjs/common';
import { ApprovalPoliciesModule } from '../approval-policies/approval-policies.module';
import { DeliverablesModule } from '../deliverables/deliverables.module';
import { RenditionsModule } from '../renditions/renditions.module';
import { UploadsModule } from '../uploads/uploads.module';
import { CommentsService } from './comments.service';
import { DeliverableReviewController } from './deliverable-review.controller';
import { ReviewJobs } from './review-jobs';
import { ReviewsController } from './reviews.controller';
import { RequestedChangesService } from './requested-changes.service';
import { ReviewsService } from './reviews.service';

/** Review of deliverables: submitting versions, decisions step by step, escalation, comments. */
@Module({
  imports: [ApprovalPoliciesModule, DeliverablesModule, RenditionsModule, UploadsModule],
  controllers: [DeliverableReviewController, ReviewsController],
  providers: [ReviewsService, ReviewJobs, CommentsService, RequestedChangesService],
  exports: [ReviewsService],
})
export class ReviewsModule {}
