import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import {
  CreateGoalDto,
  GoalDetailResponse,
  GoalListQueryDto,
  GoalPage,
  GoalResponse,
  UpdateGoalDto,
} from './dto/goal.dto';
import { GoalsService } from './goals.service';

@ApiTags('goals')
@ApiBearerAuth()
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Get()
  @ApiOperation({
    description:
      'Marketing goals, filtered by unit, status or KPI; agencies see the goals their contracts serve.',
  })
  @RequirePermission('goal:read')
  list(@CurrentActor() actor: Actor, @Query() query: GoalListQueryDto): Promise<GoalPage> {
    return this.goals.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ description: 'One marketing goal.' })
  @RequirePermission('goal:read')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<GoalDetailResponse> {
    return this.goals.get(actor, id);
  }

  @Post()
  @ApiOperation({
    description: 'Sets a marketing goal: KPI, target, period, channels and funnel stage for a business unit.',
  })
  @RequirePermission('goal:manage')
  create(@CurrentActor() actor: Actor, @Body() body: CreateGoalDto): Promise<GoalResponse> {
    return this.goals.create(actor, body);
  }

  @Patch(':id')
  @ApiOperation({ description: 'Changes a marketing goal.' })
  @RequirePermission('goal:manage')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateGoalDto,
  ): Promise<GoalResponse> {
    return this.goals.update(actor, id, body);
  }
}
