import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { collectPages } from '../report-exports/collect-pages';
import { ReportExportService, type ExportFormat } from '../report-exports/report-export.service';
import type { AgencyScorecardExportQueryDto, ScorecardExportQueryDto } from './dto/scorecard.dto';
import { agencyScorecardDocument, scorecardComparisonDocument } from './scorecard-document';
import { ScorecardsService } from './scorecards.service';

/**
 * The scorecards as files: the service's own answers for the actor (its access rule applies
 * unchanged: an agency user exports its own agency only), handed to the report export writers.
 */
@Injectable()
export class ScorecardExportsService {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly exports: ReportExportService,
  ) {}

  exportComparison(actor: Actor, query: ScorecardExportQueryDto, response: Response): Promise<void> {
    const { format, limit: _limit, cursor: _cursor, withTotal: _withTotal, ...filters } = query;
    return this.exports.send(
      actor,
      format,
      async (reader) => {
        let quarter = filters.quarter ?? '';
        const rows = await collectPages(async (page) => {
          const answer = await this.scorecards.list(actor, { ...filters, ...page });
          quarter = answer.quarter;
          return answer;
        });
        return scorecardComparisonDocument({
          quarter,
          rows,
          search: filters.q,
          reader,
          exportedAt: new Date(),
        });
      },
      response,
    );
  }

  exportAgency(
    actor: Actor,
    agencyId: string,
    query: AgencyScorecardExportQueryDto,
    response: Response,
  ): Promise<void> {
    const { format, ...trend }: { format: ExportFormat } & typeof query = query;
    return this.exports.send(
      actor,
      format,
      async (reader) =>
        agencyScorecardDocument(await this.scorecards.agency(actor, agencyId, trend), reader, new Date()),
      response,
    );
  }
}
