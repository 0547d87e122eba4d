import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
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

@ApiTags('briefs')
@ApiBearerAuth()
@Controller('briefs')
export class BriefsController {
  constructor(
    private readonly briefs: BriefsService,
    private readonly lifecycle: BriefLifecycleService,
  ) {}

  @Get()
  @ApiOperation({ description: 'Briefs the caller may see, filtered by contract, agency, status or goal.' })
  @RequirePermission('brief:read')
  list(@CurrentActor() actor: Actor, @Query() query: BriefListQueryDto): Promise<BriefPage> {
    return this.briefs.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ description: 'One brief with its goals, deliverable specs and deliverables.' })
  @RequirePermission('brief:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.briefs.get(actor, id);
  }

  @Post()
  @ApiOperation({ description: 'Creates a draft brief under an active contract, priced from its rate card.' })
  @RequirePermission('brief:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateBriefDto): Promise<BriefDetailResponse> {
    return this.briefs.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ description: 'Edits a draft brief: goals, content, due date and deliverable specs.' })
  @RequirePermission('brief:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateBriefDto,
  ): Promise<BriefDetailResponse> {
    return this.briefs.update(actor, id, body);
  }

  @Post(':id/send')
  @ApiOperation({ description: 'Sends a draft brief to the agency, which is told in the app and by e-mail.' })
  @HttpCode(200)
  @RequirePermission('brief:manage')
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.lifecycle.send(actor, id);
  }

  @Post(':id/budget-override')
  @ApiOperation({
    description: 'The contract owner allows this brief to take the contract past its budget cap.',
  })
  @HttpCode(200)
  @RequirePermission('brief:manage')
  overrideBudget(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<BriefDetailResponse> {
    return this.lifecycle.overrideBudget(actor, id, body.reason);
  }

  @Post(':id/accept')
  @ApiOperation({
    description: 'The agency accepts a sent brief: its estimate is committed and its deliverables created.',
  })
  @HttpCode(200)
  @RequirePermission('brief:respond')
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.lifecycle.accept(actor, id);
  }

  @Post(':id/decline')
  @ApiOperation({ description: 'The agency declines a sent brief with a reason.' })
  @HttpCode(200)
  @RequirePermission('brief:respond')
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<BriefDetailResponse> {
    return this.lifecycle.decline(actor, id, body.reason);
  }

  @Post(':id/cancel')
  @ApiOperation({ description: 'Cancels a brief that has not been completed.' })
  @HttpCode(200)
  @RequirePermission('brief:manage')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.lifecycle.cancel(actor, id);
  }

  @Post(':id/complete')
  @ApiOperation({ description: 'Marks a running brief completed.' })
  @HttpCode(200)
  @RequirePermission('brief:manage')
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BriefDetailResponse> {
    return this.lifecycle.complete(actor, id);
  }
}
