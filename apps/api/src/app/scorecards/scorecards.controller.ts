import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import {
  AgencyScorecardExportQueryDto,
  AgencyScorecardQueryDto,
  AgencyScorecardResponse,
  ScorecardPageResponse,
  ScorecardExportQueryDto,
  ScorecardQueryDto,
} from './dto/scorecard.dto';
import { ScorecardExportsService } from './scorecard-exports.service';
import { ScorecardsService } from './scorecards.service';

const FORMATS = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/pdf',
] as const;

@ApiTags('scorecards')
@ApiBearerAuth()
@Controller('scorecards')
export class ScorecardsController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly exports: ScorecardExportsService,
  ) {}

  @Get()
  @ApiOperation({
    description:
      'Agencies compared for a quarter: on-time delivery, first-pass approval, revision rounds, time to first version, our review turnaround, budget variance and KPI contribution per currency. Agency users: their own agency only.',
  })
  @RequirePermission('scorecard:read')
  list(@CurrentActor() actor: Actor, @Query() query: ScorecardQueryDto): Promise<ScorecardPageResponse> {
    return this.scorecards.list(actor, query);
  }

  @Get('export')
  @ApiOperation({
    description:
      "The quarter's comparison (same filters and search as the list) as CSV, XLSX or PDF in the reader's language. Agency users: their own agency only.",
  })
  @ApiProduces(...FORMATS)
  @RequirePermission('scorecard:read')
  exportComparison(
    @CurrentActor() actor: Actor,
    @Query() query: ScorecardExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.exportComparison(actor, query, response);
  }

  @Get('agencies/:agencyId/export')
  @ApiOperation({
    description:
      "One agency's scorecard over its last quarters as CSV, XLSX or PDF in the reader's language. Another agency's id answers 404 to agency users.",
  })
  @ApiProduces(...FORMATS)
  @RequirePermission('scorecard:read')
  exportAgency(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Query() query: AgencyScorecardExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.exportAgency(actor, agencyId, query, response);
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
