import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { BriefLifecycleService } from './brief-lifecycle.service';
import { BriefsService } from './briefs.service';
import {
  BriefDetailResponse,
  BriefListQueryDto,
  BriefPage,
  CreateBriefDto,
  ReasonDto,
  UpdateBriefDto,
} from './dto/brief.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('briefs')
@ApiBearerAuth()
@Controller('briefs')
export class BriefsController {
  constructor(
    private readonly briefs: BriefsService,
    private readonly lifecycle: BriefLifecycleService,
  ) {}

  @Endpoint.get('', 'brief:read', 'Briefs the caller may see, filtered by contract, agency, status or goal.')
  list(@CurrentActor() actor: Actor, @Query() query: BriefListQueryDto): Promise<BriefPage> {
    return this.briefs.list(actor, query);
  }

  @Endpoint.get(':id', 'brief:read', 'One brief with its goals, deliverable specs and deliverables.')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.briefs.get(actor, id);
  }

  @Endpoint.post(
    '',
    'brief:manage',
    'Creates a draft brief under an active contract, priced from its rate card.',
  )
  create(@CurrentActor() actor: Actor, @Body() body: CreateBriefDto): Promise<BriefDetailResponse> {
    return this.briefs.create(actor, body);
  }

  @Endpoint.patch(
    ':id',
    'brief:manage',
    'Edits a draft brief: goals, content, due date and deliverable specs.',
  )
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateBriefDto,
  ): Promise<BriefDetailResponse> {
    return this.briefs.update(actor, id, body);
  }

  @Endpoint.post(
    ':id/send',
    'brief:manage',
    'Sends a draft brief to the agency, which is told in the app and by e-mail.',
    200,
  )
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.lifecycle.send(actor, id);
  }

  @Endpoint.post(
    ':id/budget-override',
    'brief:manage',
    'The contract owner allows this brief to take the contract past its budget cap.',
    200,
  )
  overrideBudget(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<BriefDetailResponse> {
    return this.lifecycle.overrideBudget(actor, id, body.reason);
  }

  @Endpoint.post(
    ':id/accept',
    'brief:respond',
    'The agency accepts a sent brief: its estimate is committed and its deliverables created.',
    200,
  )
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.lifecycle.accept(actor, id);
  }

  @Endpoint.post(':id/decline', 'brief:respond', 'The agency declines a sent brief with a reason.', 200)
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<BriefDetailResponse> {
    return this.lifecycle.decline(actor, id, body.reason);
  }

  @Endpoint.post(':id/cancel', 'brief:manage', 'Cancels a brief that has not been completed.', 200)
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.lifecycle.cancel(actor, id);
  }

  @Endpoint.post(':id/complete', 'brief:manage', 'Marks a running brief completed.', 200)
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BriefDetailResponse> {
    return this.lifecycle.complete(actor, id);
  }
}
