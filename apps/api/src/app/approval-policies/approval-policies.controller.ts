import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { ApprovalPoliciesService } from './approval-policies.service';
import {
  AppliedPolicyResponse,
  ApprovalPolicyListQueryDto,
  ApprovalPolicyPage,
  ApprovalPolicyResponse,
  UpsertApprovalPolicyDto,
} from './dto/approval-policy.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ApprovalPoliciesController {
  constructor(private readonly policies: ApprovalPoliciesService) {}

  @Endpoint.get(
    'approval-policies',
    'approval_policy:read',
    'Every approval policy, per business unit and per contract.',
  )
  listPolicies(
    @CurrentActor() actor: Actor,
    @Query() query: ApprovalPolicyListQueryDto,
  ): Promise<ApprovalPolicyPage> {
    return this.policies.list(actor, query);
  }

  @Endpoint.put(
    'business-units/:id/approval-policy',
    'approval_policy:manage',
    "Sets a business unit's approval policy (a CoE's is the template its units inherit).",
  )
  setUnitPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyResponse> {
    return this.policies.upsert(actor, { businessUnitId: id }, body);
  }

  @Endpoint.delete(
    'business-units/:id/approval-policy',
    'approval_policy:manage',
    'Back to inheritance (a CoE template above, or the default).',
    204,
  )
  @ApiNoContentResponse()
  removeUnitPolicy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(actor, { businessUnitId: id });
  }

  @Endpoint.put(
    'contracts/:id/approval-policy',
    'approval_policy:manage',
    "Overrides the approval policy for one contract's work.",
  )
  setContractPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyResponse> {
    return this.policies.upsert(actor, { contractId: id }, body);
  }

  @Endpoint.delete(
    'contracts/:id/approval-policy',
    'approval_policy:manage',
    "Removes a contract's own policy: its unit's applies again.",
    204,
  )
  @ApiNoContentResponse()
  removeContractPolicy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(actor, { contractId: id });
  }

  @Endpoint.get(
    'contracts/:id/approval-policy/effective',
    'approval_policy:read',
    "Which policy applies to the contract's work, and why.",
  )
  effective(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AppliedPolicyResponse> {
    return this.policies.effective(actor, id);
  }
}
