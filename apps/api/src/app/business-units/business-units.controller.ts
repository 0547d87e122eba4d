import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { BusinessUnitsService } from './business-units.service';
import {
  BusinessUnitListQueryDto,
  BusinessUnitPage,
  BusinessUnitResponse,
  CreateBusinessUnitDto,
  UpdateBusinessUnitDto,
} from './dto/business-unit.dto';
import { Endpoint } from '../auth/endpoint';

@ApiTags('business units')
@ApiBearerAuth()
@Controller('business-units')
export class BusinessUnitsController {
  constructor(private readonly units: BusinessUnitsService) {}

  @Endpoint.get('', 'business_unit:read', 'Every business unit with its operating model and parent.')
  list(@CurrentActor() actor: Actor, @Query() query: BusinessUnitListQueryDto): Promise<BusinessUnitPage> {
    return this.units.list(actor, query);
  }

  @Endpoint.get(':id', 'business_unit:read', 'One business unit.')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<BusinessUnitResponse> {
    return this.units.get(id);
  }

  @Endpoint.post(
    '',
    'business_unit:manage',
    'Adds a business unit: centralised, decentralised or centre of excellence, with an optional parent.',
  )
  create(@CurrentActor() actor: Actor, @Body() body: CreateBusinessUnitDto): Promise<BusinessUnitResponse> {
    return this.units.create(actor, body);
  }

  @Endpoint.patch(
    ':id',
    'business_unit:manage',
    'Renames a business unit or changes its operating model or parent.',
  )
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateBusinessUnitDto,
  ): Promise<BusinessUnitResponse> {
    return this.units.update(actor, id, body);
  }
}
