import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { DecideDto, DeliverableDetailResponse, SubmitVersionDto } from '../deliverables/dto/deliverable.dto';
import { RequestedChangesResponse } from './dto/review.dto';
import { RequestedChangesService } from './requested-changes.service';
import { ReviewsService } from './reviews.service';
import { Endpoint } from '../auth/endpoint';

/** A deliverable's review: the agency submits a version, approvers decide step by step. */
@ApiTags('deliverables')
@ApiBearerAuth()
@Controller()
export class DeliverableReviewController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly requestedChanges: RequestedChangesService,
  ) {}

  @Endpoint.get(
    'deliverables/:id/requested-changes',
    'deliverable:read',
    'The changes asked for on a deliverable: its "request changes" decisions, newest first (at most 20, with the count of all), each with the open comments of its version.',
  )
  listRequestedChanges(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RequestedChangesResponse> {
    return this.requestedChanges.list(actor, id);
  }

  @Endpoint.post(
    'deliverables/:id/versions',
    'deliverable:upload',
    'The agency submits a version made of its finished uploads and copy; review starts at step one.',
  )
  submitVersion(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SubmitVersionDto,
  ): Promise<DeliverableDetailResponse> {
    return this.reviews.submitVersion(actor, id, body);
  }

  @Endpoint.post(
    'deliverables/:id/decisions',
    'deliverable:review',
    'Approve, request changes or reject the current step; 409 with the current state if someone decided first.',
    200,
  )
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: DecideDto,
  ): Promise<DeliverableDetailResponse> {
    return this.reviews.decide(actor, id, body);
  }
}
