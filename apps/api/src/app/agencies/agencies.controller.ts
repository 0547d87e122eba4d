import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { AgenciesService } from './agencies.service';
import {
  AgencyListQueryDto,
  AgencyPage,
  AgencyResponse,
  CreateAgencyDto,
  OffboardAgencyDto,
  UpdateAgencyDto,
} from './dto/agency.dto';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @RequirePermission('agency:read')
  list(@CurrentActor() actor: Actor, @Query() query: AgencyListQueryDto): Promise<AgencyPage> {
    return this.agencies.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('agency:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AgencyResponse> {
    return this.agencies.get(actor, id);
  }

  @Post()
  @RequirePermission('agency:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<AgencyResponse> {
    return this.agencies.create(actor, body);
  }

  @Patch(':id')
  @RequirePermission('agency:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateAgencyDto,
  ): Promise<AgencyResponse> {
    return this.agencies.update(actor, id, body);
  }

  @Post(':id/offboard')
  @HttpCode(200)
  @RequirePermission('agency:manage')
  offboard(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: OffboardAgencyDto,
  ): Promise<AgencyResponse> {
    return this.agencies.offboard(actor, id, body.reason);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @RequirePermission('agency:manage')
  reactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AgencyResponse> {
    return this.agencies.reactivate(actor, id);
  }
}
