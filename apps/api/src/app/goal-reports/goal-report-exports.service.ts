import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { notFound } from '../common/errors/domain-error';
import { collectPages } from '../report-exports/collect-pages';
import type { ReportDocument } from '../report-exports/report-document';
import { ReportExportService, type ExportFormat } from '../report-exports/report-export.service';
import type { GoalOverviewExportQueryDto } from './dto/goal-report.dto';
import { GoalDeliverablesService } from './goal-deliverables.service';
import { GoalOverviewService } from './goal-overview.service';
import { goalOverviewDocument, goalReportDocument } from './goal-report-document';
import { GoalReportService } from './goal-report.service';

/**
 * The goal dashboard and the goal overview as files. The figures are the report services' own
 * answers for the actor (so their access rules and SQL apply unchanged); this file only gathers
 * them and hands them to the report export writers.
 */
@Injectable()
export class GoalReportExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: GoalReportService,
    private readonly deliverables: GoalDeliverablesService,
    private readonly overview: GoalOverviewService,
    private readonly exports: ReportExportService,
  ) {}

  /** The goal report's document for the actor (also the PDF the digest links to). */
  async goalDocument(
    actor: Actor,
    goalId: string,
    reader: { name: string; email: string },
  ): Promise<ReportDocument> {
    const report = await this.reports.report(actor, goalId);
    const deliverables = await collectPages((page) =>
      this.deliverables.list(actor, goalId, { ...page, sort: 'title' }),
    );
    return goalReportDocument({ report, deliverables, reader, exportedAt: new Date() });
  }

  exportGoal(actor: Actor, goalId: string, format: ExportFormat, response: Response): Promise<void> {
    return this.exports.send(actor, format, (reader) => this.goalDocument(actor, goalId, reader), response);
  }

  async exportOverview(actor: Actor, query: GoalOverviewExportQueryDto, response: Response): Promise<void> {
    const { format, limit: _limit, cursor: _cursor, withTotal: _withTotal, ...filters } = query;
    const businessUnitName = filters.businessUnitId
      ? await this.unitName(actor, filters.businessUnitId)
      : null;
    return this.exports.send(
      actor,
      format,
      async (reader) =>
        goalOverviewDocument({
          rows: await collectPages((page) => this.overview.list(actor, { ...filters, ...page })),
          query: filters,
          businessUnitName,
          reader,
          exportedAt: new Date(),
        }),
      response,
    );
  }

  private async unitName(actor: Actor, unitId: string): Promise<string> {
    const qb = this.dataSource
      .getRepository(BusinessUnit)
      .createQueryBuilder('unit')
      .where('unit.id = :unitId', { unitId });
    const unit = await this.access.scope(qb, actor, 'business_unit', 'unit').getOne();
    if (!unit) throw notFound('Business unit');
    return unit.name;
  }
}
