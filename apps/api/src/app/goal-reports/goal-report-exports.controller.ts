import { Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
import { GoalOverviewExportQueryDto, GoalReportExportQueryDto } from './dto/goal-report.dto';
import { GoalReportExportsService } from './goal-report-exports.service';
import { Endpoint } from '../auth/endpoint';

const FORMATS = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
] as const;

/** Registered before GoalReportsController, so `export` is never read as a goal id. */
@ApiTags('goal reports')
@ApiBearerAuth()
@Controller('goal-reports')
export class GoalReportExportsController {
  constructor(private readonly exports: GoalReportExportsService) {}

  @Endpoint.get(
    'export',
    'outcome:read',
    'The goal overview (same filters as the list, every page up to 2,000 goals) as CSV, XLSX or PDF in the reader’s language, with the filters, reader, export time and freshness in the header. In-house readers.',
  )
  @ApiProduces(...FORMATS)
  overview(
    @CurrentActor() actor: Actor,
    @Query() query: GoalOverviewExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.exportOverview(actor, query, response);
  }

  @Endpoint.get(
    ':goalId/export',
    'goal:read',
    "A goal's dashboard as CSV, XLSX (a sheet per table, amounts as numbers in their currency's format) or PDF (A4, with the KPI chart), in the reader’s language. What the reader may read: agencies their own work only.",
  )
  @ApiProduces(...FORMATS)
  goal(
    @CurrentActor() actor: Actor,
    @Param('goalId', ParseUUIDPipe) goalId: string,
    @Query() query: GoalReportExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.exportGoal(actor, goalId, query.format, response);
  }
}
