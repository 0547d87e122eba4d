import { Module } from '@nestjs/common';
import { ApprovalPoliciesModule } from '../approval-policies/approval-policies.module';
import { DeliverableFilesService } from './deliverable-files.service';
import { DeliverablesController } from './deliverables.controller';
import { DeliverablesService } from './deliverables.service';

/** Deliverables: reads, cut-downs, publishing and file content (review is ReviewsModule's). */
@Module({
  imports: [ApprovalPoliciesModule],
  controllers: [DeliverablesController],
  providers: [DeliverablesService, DeliverableFilesService],
  exports: [DeliverablesService],
})
export class DeliverablesModule {}
