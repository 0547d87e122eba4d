import { forwardRef, Module } from '@nestjs/common';
import { ApprovalPoliciesService } from '../reviews/approval-policies.service';
import { CommentsService } from '../reviews/comments.service';
import { ReviewsController } from '../reviews/reviews.controller';
import { UPLOAD_TARGETS } from '../uploads/upload-targets';
import { UploadsModule } from '../uploads/uploads.module';
import { DeliverablesController } from './deliverables.controller';
import { DeliverablesService } from './deliverables.service';
import { ReviewJobs } from './review-jobs';

/** Deliverables with their versions and review (approval policies, decisions, comments). */
@Module({
  imports: [forwardRef(() => UploadsModule)],
  controllers: [DeliverablesController, ReviewsController],
  providers: [
    DeliverablesService,
    ReviewJobs,
    ApprovalPoliciesService,
    CommentsService,
    { provide: UPLOAD_TARGETS, useExisting: DeliverablesService },
  ],
  exports: [DeliverablesService, ApprovalPoliciesService, UPLOAD_TARGETS],
})
export class DeliverablesModule {}
