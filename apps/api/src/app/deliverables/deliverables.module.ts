import { Module } from '@nestjs/common';
import { ApprovalPoliciesModule } from '../approval-policies/approval-policies.module';
import { AuthModule } from '../auth/auth.module';
import { DeliverableFilesService } from './deliverable-files.service';
import { DeliverablesController } from './deliverables.controller';
import { DeliverablesService } from './deliverables.service';
import { FileStreamLinks } from './file-stream-links';

/** Deliverables: reads, cut-downs, publishing and file content (review is ReviewsModule's). */
@Module({
  imports: [ApprovalPoliciesModule, AuthModule],
  controllers: [DeliverablesController],
  providers: [DeliverablesService, DeliverableFilesService, FileStreamLinks],
  exports: [DeliverablesService],
})
export class DeliverablesModule {}
