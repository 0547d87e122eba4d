import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApprovalPoliciesService } from './approval-policies.service';
import {
  AppliedPolicyResponse,
  ApprovalPolicyListQueryDto,
  ApprovalPolicyPage,
  ApprovalPolicyResponse,
  UpsertApprovalPolicyDto,
} from './dto/approval-policy.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ApprovalPoliciesController {
  constructor(private readonly policies: ApprovalPoliciesService) {}

  @Get('approval-policies')
  @ApiOperation({ description: 'Every approval policy, per business unit and per contract.' })
  @RequirePermission('approval_policy:read')
  listPolicies(
    @CurrentActor() actor: Actor,
    @Query() query: ApprovalPolicyListQueryDto,
  ): Promise<ApprovalPolicyPage> {
    return this.policies.list(actor, query);
  }

  @Put('business-units/:id/approval-policy')
  @ApiOperation({
    description: "Sets a business unit's approval policy (a CoE's is the template its units inherit).",
  })
  @RequirePermission('approval_policy:manage')
  setUnitPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyResponse> {
    return this.policies.upsert(actor, { businessUnitId: id }, body);
  }

  @Delete('business-units/:id/approval-policy')
  @ApiOperation({ description: 'Back to inheritance (a CoE template above, or the default).' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @RequirePermission('approval_policy:manage')
  removeUnitPolicy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(actor, { businessUnitId: id });
  }

  @Put('contracts/:id/approval-policy')
  @ApiOperation({ description: "Overrides the approval policy for one contract's work." })
  @RequirePermission('approval_policy:manage')
  setContractPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyResponse> {
    return this.policies.upsert(actor, { contractId: id }, body);
  }

  @Delete('contracts/:id/approval-policy')
  @ApiOperation({ description: "Removes a contract's own policy: its unit's applies again." })
  @HttpCode(204)
  @ApiNoContentResponse()
  @RequirePermission('approval_policy:manage')
  removeContractPolicy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(actor, { contractId: id });
  }

  @Get('contracts/:id/approval-policy/effective')
  @ApiOperation({ description: "Which policy applies to the contract's work, and why." })
  @RequirePermission('approval_policy:read')
  effective(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AppliedPolicyResponse> {
    return this.policies.effective(actor, id);
  }
}
