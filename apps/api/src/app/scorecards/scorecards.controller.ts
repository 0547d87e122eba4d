import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import {
  AgencyScorecardQueryDto,
  AgencyScorecardResponse,
  ScorecardPageResponse,
  ScorecardQueryDto,
} from './dto/scorecard.dto';
import { ScorecardsService } from './scorecards.service';

@ApiTags('scorecards')
@ApiBearerAuth()
@Controller('scorecards')
export class ScorecardsController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get()
  @ApiOperation({
    description:
      'Agencies compared for a quarter: on-time delivery, first-pass approval, revision rounds, time to first version, our review turnaround, budget variance and KPI contribution per currency. Agency users: their own agency only.',
  })
  @RequirePermission('scorecard:read')
  list(@CurrentActor() actor: Actor, @Query() query: ScorecardQueryDto): Promise<ScorecardPageResponse> {
    return this.scorecards.list(actor, query);
  }

  @Get('agencies/:agencyId')
  @ApiOperation({
    description:
      "One agency's scorecard over its last quarters (oldest first), for the trend. Another agency's id answers 404 to agency users.",
  })
  @RequirePermission('scorecard:read')
  agency(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Query() query: AgencyScorecardQueryDto,
  ): Promise<AgencyScorecardResponse> {
    return this.scorecards.agency(actor, agencyId, query);
  }
}
