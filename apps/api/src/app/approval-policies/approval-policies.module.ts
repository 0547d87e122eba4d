import { Module } from '@nestjs/common';
import { ApprovalPoliciesController } from './approval-policies.controller';
import { ApprovalPoliciesService } from './approval-policies.service';

/** Approval policies per business unit and contract, and which one applies to a contract's work. */
@Module({
  controllers: [ApprovalPoliciesController],
  providers: [ApprovalPoliciesService],
  exports: [ApprovalPoliciesService],
})
export class ApprovalPoliciesModule {}
