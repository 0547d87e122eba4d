import { Controller, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { CurrentActor } from '../auth/decorators';
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
import { Endpoint } from '../auth/endpoint';

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

  @Endpoint.get(
    '',
    'scorecard:read',
    'Agencies compared for a quarter: on-time delivery, first-pass approval, revision rounds, time to first version, our review turnaround, budget variance and KPI contribution per currency. Agency users: their own agency only.',
  )
  list(@CurrentActor() actor: Actor, @Query() query: ScorecardQueryDto): Promise<ScorecardPageResponse> {
    return this.scorecards.list(actor, query);
  }

  @Endpoint.get(
    'export',
    'scorecard:read',
    "The quarter's comparison (same filters and search as the list) as CSV, XLSX or PDF in the reader's language. Agency users: their own agency only.",
  )
  @ApiProduces(...FORMATS)
  exportComparison(
    @CurrentActor() actor: Actor,
    @Query() query: ScorecardExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.exportComparison(actor, query, response);
  }

  @Endpoint.get(
    'agencies/:agencyId/export',
    'scorecard:read',
    "One agency's scorecard over its last quarters as CSV, XLSX or PDF in the reader's language. Another agency's id answers 404 to agency users.",
  )
  @ApiProduces(...FORMATS)
  exportAgency(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Query() query: AgencyScorecardExportQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    return this.exports.exportAgency(actor, agencyId, query, response);
  }

  @Endpoint.get(
    'agencies/:agencyId',
    'scorecard:read',
    "One agency's scorecard over its last quarters (oldest first), for the trend. Another agency's id answers 404 to agency users.",
  )
  agency(
    @CurrentActor() actor: Actor,
    @Param('agencyId', ParseUUIDPipe) agencyId: string,
    @Query() query: AgencyScorecardQueryDto,
  ): Promise<AgencyScorecardResponse> {
    return this.scorecards.agency(actor, agencyId, query);
  }
}
