import { Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
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
import { Endpoint } from '../auth/endpoint';

@ApiTags('goal reports')
@ApiBearerAuth()
@Controller('goal-reports')
export class GoalReportsController {
  constructor(
    private readonly reports: GoalReportService,
    private readonly deliverables: GoalDeliverablesService,
    private readonly overview: GoalOverviewService,
  ) {}

  @Endpoint.get(
    '',
    'outcome:read',
    'The goal overview: goals whose period overlaps a range, with KPI actual against target, pace and spend. In-house readers.',
  )
  list(@CurrentActor() actor: Actor, @Query() query: GoalOverviewQueryDto): Promise<GoalOverviewPage> {
    return this.overview.list(actor, query);
  }

  @Endpoint.get(
    ':goalId',
    'goal:read',
    "A goal's dashboard: KPI against target, pace, ledger, cost per result and ROI by agency, channel and stage. Agencies: their own work only.",
  )
  report(
    @CurrentActor() actor: Actor,
    @Param('goalId', ParseUUIDPipe) goalId: string,
  ): Promise<GoalReportResponse> {
    return this.reports.report(actor, goalId);
  }

  @Endpoint.get(
    ':goalId/deliverables',
    'goal:read',
    'The master assets serving a goal, each with its cut-downs rolled up: what it cost and returned.',
  )
  deliverablesOf(
    @CurrentActor() actor: Actor,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Query() query: GoalDeliverableQueryDto,
  ): Promise<GoalDeliverablePage> {
    return this.deliverables.list(actor, goalId, query);
  }
}
