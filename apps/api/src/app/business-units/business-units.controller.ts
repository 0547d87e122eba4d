import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { BusinessUnitsService } from './business-units.service';
import {
  BusinessUnitListQueryDto,
  BusinessUnitPage,
  BusinessUnitResponse,
  CreateBusinessUnitDto,
  UpdateBusinessUnitDto,
} from './dto/business-unit.dto';

@ApiTags('business units')
@ApiBearerAuth()
@Controller('business-units')
export class BusinessUnitsController {
  constructor(private readonly units: BusinessUnitsService) {}

  @Get()
  @ApiOperation({ description: 'Every business unit with its operating model and parent.' })
  @RequirePermission('business_unit:read')
  list(@CurrentActor() actor: Actor, @Query() query: BusinessUnitListQueryDto): Promise<BusinessUnitPage> {
    return this.units.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ description: 'One business unit.' })
  @RequirePermission('business_unit:read')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<BusinessUnitResponse> {
    return this.units.get(id);
  }

  @Post()
  @ApiOperation({
    description:
      'Adds a business unit: centralised, decentralised or centre of excellence, with an optional parent.',
  })
  @RequirePermission('business_unit:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateBusinessUnitDto): Promise<BusinessUnitResponse> {
    return this.units.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ description: 'Renames a business unit or changes its operating model or parent.' })
  @RequirePermission('business_unit:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateBusinessUnitDto,
  ): Promise<BusinessUnitResponse> {
    return this.units.update(actor, id, body);
  }
}
