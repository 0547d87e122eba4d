import { Body, Controller, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GoalOutcomeDto, Page, PerformanceMetricDto } from '@agency-portal/shared';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { PageOf } from '../common/lists/list-query.dto';
import {
  GoalOutcomeListQueryDto,
  GoalOutcomeResponse,
  GoalOutcomeUpsertDto,
  GoalOutcomeUpsertResponse,
  MetricListQueryDto,
  MetricUpsertDto,
  MetricUpsertResponse,
  PerformanceMetricResponse,
} from './dto/outcome.dto';
import { MetricsService } from './metrics.service';
import { Endpoint } from '../auth/endpoint';

export const PerformanceMetricPage = PageOf(PerformanceMetricResponse, 'PerformanceMetricPage');
export const GoalOutcomePage = PageOf(GoalOutcomeResponse, 'GoalOutcomePage');

@ApiTags('outcomes')
@ApiBearerAuth()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Put('metrics')
  @ApiOperation({
    description:
      'Upserts daily metrics of published deliverables by (deliverable, date, channel), for integrations: ' +
      'the whole batch is stored or, with any problem, refused with 422 invalid_rows naming every line.',
  })
  @RequirePermission('outcome:write')
  upsert(@CurrentActor() actor: Actor, @Body() body: MetricUpsertDto): Promise<MetricUpsertResponse> {
    return this.metrics.upsertMetrics(actor, body.rows);
  }

  @Endpoint.get('deliverables/:id/metrics', 'metric:read', "A deliverable's daily metrics, newest day first.")
  list(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MetricListQueryDto,
  ): Promise<Page<PerformanceMetricDto>> {
    return this.metrics.listMetrics(actor, id, query);
  }

  @Put('goals/:id/outcomes')
  @ApiOperation({
    description:
      "Upserts a goal's own outcomes by (date, metric), not tied to a deliverable (a null value removes a day); " +
      'all or nothing, as for metrics.',
  })
  @RequirePermission('outcome:write')
  upsertGoalOutcomes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: GoalOutcomeUpsertDto,
  ): Promise<GoalOutcomeUpsertResponse> {
    return this.metrics.upsertGoalOutcomes(actor, id, body.rows);
  }

  @Endpoint.get('goals/:id/outcomes', 'outcome:read', "A goal's own outcomes, newest day first.")
  listGoalOutcomes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: GoalOutcomeListQueryDto,
  ): Promise<Page<GoalOutcomeDto>> {
    return this.metrics.listGoalOutcomes(actor, id, query);
  }
}
