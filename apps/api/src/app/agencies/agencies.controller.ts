import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
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
  @ApiOperation({
    description: 'Agencies, filtered by status, service or name; agency users see only their own agency.',
  })
  @RequirePermission('agency:read')
  list(@CurrentActor() actor: Actor, @Query() query: AgencyListQueryDto): Promise<AgencyPage> {
    return this.agencies.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ description: "One agency with its relationship owner; another agency's id answers 404." })
  @RequirePermission('agency:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AgencyResponse> {
    return this.agencies.get(actor, id);
  }

  @Post()
  @ApiOperation({
    description: 'Adds an agency with its services and a required in-house relationship owner (admin).',
  })
  @RequirePermission('agency:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<AgencyResponse> {
    return this.agencies.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({
    description: "Changes an agency's names, services or relationship owner; owner changes are audited.",
  })
  @RequirePermission('agency:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateAgencyDto,
  ): Promise<AgencyResponse> {
    return this.agencies.update(actor, id, body);
  }

  @Post(':id/offboard')
  @ApiOperation({ description: "Offboards an agency with a reason and ends its users' sessions at once." })
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
  @ApiOperation({ description: 'Brings an offboarded agency back; its users can sign in again.' })
  @HttpCode(200)
  @RequirePermission('agency:manage')
  reactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AgencyResponse> {
    return this.agencies.reactivate(actor, id);
  }
}
