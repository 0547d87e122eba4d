import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApprovalPoliciesService } from './approval-policies.service';
import { CommentsService } from './comments.service';
import {
  AppliedPolicyResponse,
  ApprovalPolicyListQueryDto,
  ApprovalPolicyPage,
  ApprovalPolicyResponse,
  CommentListQueryDto,
  CommentPage,
  CommentResponse,
  CreateCommentDto,
  UpsertApprovalPolicyDto,
} from './dto/review.dto';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller()
export class ReviewsController {
  constructor(
    private readonly policies: ApprovalPoliciesService,
    private readonly comments: CommentsService,
  ) {}

  @Get('approval-policies')
  @RequirePermission('approval_policy:read')
  listPolicies(
    @CurrentActor() actor: Actor,
    @Query() query: ApprovalPolicyListQueryDto,
  ): Promise<ApprovalPolicyPage> {
    return this.policies.list(actor, query);
  }

  @Put('business-units/:id/approval-policy')
  @RequirePermission('approval_policy:manage')
  setUnitPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyResponse> {
    return this.policies.upsert(actor, { businessUnitId: id }, body);
  }

  /** Back to inheritance (a CoE template above, or the default). */
  @Delete('business-units/:id/approval-policy')
  @HttpCode(204)
  @ApiNoContentResponse()
  @RequirePermission('approval_policy:manage')
  removeUnitPolicy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(actor, { businessUnitId: id });
  }

  @Put('contracts/:id/approval-policy')
  @RequirePermission('approval_policy:manage')
  setContractPolicy(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyResponse> {
    return this.policies.upsert(actor, { contractId: id }, body);
  }

  @Delete('contracts/:id/approval-policy')
  @HttpCode(204)
  @ApiNoContentResponse()
  @RequirePermission('approval_policy:manage')
  removeContractPolicy(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.policies.remove(actor, { contractId: id });
  }

  /** Which policy applies to the contract's work, and why. */
  @Get('contracts/:id/approval-policy/effective')
  @RequirePermission('approval_policy:read')
  effective(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<AppliedPolicyResponse> {
    return this.policies.effective(actor, id);
  }

  @Get('versions/:versionId/comments')
  @RequirePermission('deliverable:read')
  listComments(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Query() query: CommentListQueryDto,
  ): Promise<CommentPage> {
    return this.comments.list(actor, versionId, query);
  }

  @Post('versions/:versionId/comments')
  @RequirePermission('comment:write')
  createComment(
    @CurrentActor() actor: Actor,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.create(actor, versionId, body);
  }

  @Post('comments/:id/resolve')
  @HttpCode(200)
  @RequirePermission('comment:write')
  resolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponse> {
    return this.comments.setResolved(actor, id, true);
  }

  @Post('comments/:id/unresolve')
  @HttpCode(200)
  @RequirePermission('comment:write')
  unresolve(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponse> {
    return this.comments.setResolved(actor, id, false);
  }
}
