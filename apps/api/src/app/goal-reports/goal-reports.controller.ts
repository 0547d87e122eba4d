import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import {
  GoalDeliverablePage,
  GoalDeliverableQueryDto,
  GoalOverviewPage,
  GoalOverviewQueryDto,
  GoalReportResponse,
} from './dto/goal-report.dto';
import { GoalDeliverablesService } from './goal-deliverables.service';
import { GoalOverviewService } from './goal-overview.service';
import { GoalReportService } from './goal-report.service';

@ApiTags('goal reports')
@ApiBearerAuth()
@Controller('goal-reports')
export class GoalReportsController {
  constructor(
    private readonly reports: GoalReportService,
    private readonly deliverables: GoalDeliverablesService,
    private readonly overview: GoalOverviewService,
  ) {}

  @Get()
  @ApiOperation({
    description:
      'The goal overview: goals whose period overlaps a range, with KPI actual against target, pace and spend. In-house readers.',
  })
  @RequirePermission('outcome:read')
  list(@CurrentActor() actor: Actor, @Query() query: GoalOverviewQueryDto): Promise<GoalOverviewPage> {
    return this.overview.list(actor, query);
  }

  @Get(':goalId')
  @ApiOperation({
    description:
      "A goal's dashboard: KPI against target, pace, ledger, cost per result and ROI by agency, channel and stage. Agencies: their own work only.",
  })
  @RequirePermission('goal:read')
  report(
    @CurrentActor() actor: Actor,
    @Param('goalId', ParseUUIDPipe) goalId: string,
  ): Promise<GoalReportResponse> {
    return this.reports.report(actor, goalId);
  }

  @Get(':goalId/deliverables')
  @ApiOperation({
    description:
      'The master assets serving a goal, each with its cut-downs rolled up: what it cost and returned.',
  })
  @RequirePermission('goal:read')
  deliverablesOf(
    @CurrentActor() actor: Actor,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Query() query: GoalDeliverableQueryDto,
  ): Promise<GoalDeliverablePage> {
    return this.deliverables.list(actor, goalId, query);
  }
}
