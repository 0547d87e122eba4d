import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { AgenciesService } from './agencies.service';
import {
  AgencyListQueryDto,
  AgencyPage,
  AgencyResponse,
  CreateAgencyDto,
  OffboardAgencyDto,
  UpdateAgencyDto,
} from './dto/agency.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Endpoint.get(
    '',
    'agency:read',
    'Agencies, filtered by status, service or name; agency users see only their own agency.',
  )
  list(@CurrentActor() actor: Actor, @Query() query: AgencyListQueryDto): Promise<AgencyPage> {
    return this.agencies.list(actor, query);
  }

  @Endpoint.get(
    ':id',
    'agency:read',
    "One agency with its relationship owner; another agency's id answers 404.",
  )
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AgencyResponse> {
    return this.agencies.get(actor, id);
  }

  @Endpoint.post(
    '',
    'agency:manage',
    'Adds an agency with its services and a required in-house relationship owner (admin).',
  )
  create(@CurrentActor() actor: Actor, @Body() body: CreateAgencyDto): Promise<AgencyResponse> {
    return this.agencies.create(actor, body);
  }

  @Endpoint.patch(
    ':id',
    'agency:manage',
    "Changes an agency's names, services or relationship owner; owner changes are audited.",
  )
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateAgencyDto,
  ): Promise<AgencyResponse> {
    return this.agencies.update(actor, id, body);
  }

  @Endpoint.post(
    ':id/offboard',
    'agency:manage',
    "Offboards an agency with a reason and ends its users' sessions at once.",
    200,
  )
  offboard(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: OffboardAgencyDto,
  ): Promise<AgencyResponse> {
    return this.agencies.offboard(actor, id, body.reason);
  }

  @Endpoint.post(
    ':id/reactivate',
    'agency:manage',
    'Brings an offboarded agency back; its users can sign in again.',
    200,
  )
  reactivate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AgencyResponse> {
    return this.agencies.reactivate(actor, id);
  }
}
