import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
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
  constructor(private readonly briefs: BriefsService) {}

  @Get()
  @RequirePermission('brief:read')
  list(@CurrentActor() actor: Actor, @Query() query: BriefListQueryDto): Promise<BriefPage> {
    return this.briefs.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('brief:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.briefs.get(actor, id);
  }

  @Post()
  @RequirePermission('brief:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateBriefDto): Promise<BriefDetailResponse> {
    return this.briefs.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('brief:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateBriefDto,
  ): Promise<BriefDetailResponse> {
    return this.briefs.update(actor, id, body);
  }

  @Post(':id/send')
  @HttpCode(200)
  @RequirePermission('brief:manage')
  send(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.briefs.send(actor, id);
  }

  /** The contract owner allows this brief to take the contract past its budget cap. */
  @Post(':id/budget-override')
  @HttpCode(200)
  @RequirePermission('brief:manage')
  overrideBudget(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<BriefDetailResponse> {
    return this.briefs.overrideBudget(actor, id, body.reason);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequirePermission('brief:respond')
  accept(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.briefs.accept(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @RequirePermission('brief:respond')
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReasonDto,
  ): Promise<BriefDetailResponse> {
    return this.briefs.decline(actor, id, body.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('brief:manage')
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<BriefDetailResponse> {
    return this.briefs.cancel(actor, id);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @RequirePermission('brief:manage')
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<BriefDetailResponse> {
    return this.briefs.complete(actor, id);
  }
}
