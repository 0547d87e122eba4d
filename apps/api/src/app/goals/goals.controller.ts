import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import {
  CreateGoalDto,
  GoalDetailResponse,
  GoalListQueryDto,
  GoalPage,
  GoalResponse,
  UpdateGoalDto,
} from './dto/goal.dto';
import { GoalsService } from './goals.service';
import { Endpoint } from '../auth/endpoint';

@ApiTags('goals')
@ApiBearerAuth()
@Controller('goals')
export class GoalsController {
  constructor(private readonly goals: GoalsService) {}

  @Endpoint.get(
    '',
    'goal:read',
    'Marketing goals, filtered by unit, status or KPI; agencies see the goals their contracts serve.',
  )
  list(@CurrentActor() actor: Actor, @Query() query: GoalListQueryDto): Promise<GoalPage> {
    return this.goals.list(actor, query);
  }

  @Endpoint.get(':id', 'goal:read', 'One marketing goal.')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<GoalDetailResponse> {
    return this.goals.get(actor, id);
  }

  @Endpoint.post(
    '',
    'goal:manage',
    'Sets a marketing goal: KPI, target, period, channels and funnel stage for a business unit.',
  )
  create(@CurrentActor() actor: Actor, @Body() body: CreateGoalDto): Promise<GoalResponse> {
    return this.goals.create(actor, body);
  }

  @Endpoint.patch(':id', 'goal:manage', 'Changes a marketing goal.')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateGoalDto,
  ): Promise<GoalResponse> {
    return this.goals.update(actor, id, body);
  }
}
