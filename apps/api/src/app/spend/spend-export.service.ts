import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { LongReads, type LongRead } from '../database/long-read';
import { ReportExportService, writeReport } from '../report-exports/report-export.service';
import type { ExportReader } from '../report-exports/report-format';
import type { SpendExportQueryDto } from './dto/spend.dto';
import { spendDocument, type ExportLine, type SpendFilterNames } from './spend-document';
import { linesQuery } from './spend-filters';
import { SpendReportService } from './spend-report.service';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Exports of the spend report as CSV and XLSX through the report export writers
 * (report-exports/), in the reader's language and time zone: the header block (grouping, filters,
 * who exported, when), the summary, and the lines as a streamed table; amounts are numbers in the
 * currency's decimals. It runs as a long read (its own connection, one snapshot,
 * DB_EXPORT_STATEMENT_TIMEOUT_MS per statement), so the summary matches the lines and a large
 * export is not cut off by the ordinary statement timeout. The lines come from a server-side
 * cursor a batch at a time and are pulled only as fast as the client reads the file (the CSV
 * through stream backpressure, the XLSX by its zip entry, see ZipEntryPacing), so memory stays
 * flat however many lines there are and however slowly they are read.
 */
@Injectable()
export class SpendExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: SpendReportService,
    private readonly longReads: LongReads,
    private readonly exports: ReportExportService,
  ) {}

  async export(actor: Actor, query: SpendExportQueryDto, response: Response): Promise<void> {
    const reader = await this.exports.readerOf(actor);
    try {
      await this.longReads.run((read) => this.write(read, actor, reader, query, response));
    } catch (error) {
      // Once the file has begun, no error answer can follow: end the connection, so the client
      // sees a failed download instead of waiting on (or keeping) a file cut short.
      if (response.headersSent) response.destroy();
      throw error;
    }
  }

  private async write(
    read: LongRead,
    actor: Actor,
    reader: ExportReader,
    query: SpendExportQueryDto,
    response: Response,
  ): Promise<void> {
    const [report, names] = await Promise.all([
      this.reports.report(actor, query, read.query),
      this.filterNames(read, query),
    ]);
    const document = spendDocument({
      report,
      names,
      view: query.format === 'csv' ? (query.view ?? 'summary') : 'both',
      lines: () => this.lines(read, actor, query),
      reader: { name: actor.name, email: actor.email },
      exportedAt: new Date(),
    });
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Type', CONTENT_TYPES[query.format]);
    response.attachment(`${document.fileName}.${query.format}`);
    await writeReport(document, query.format, reader, response);
  }

  /** The names of the agency, unit, goal and contract the filters name, in the export's snapshot. */
  private async filterNames(read: LongRead, query: SpendExportQueryDto): Promise<SpendFilterNames> {
    if (!query.agencyId && !query.businessUnitId && !query.goalId && !query.contractId) return {};
    const [names] = await read.query<{
      agency: string | null;
      business_unit: string | null;
      goal: string | null;
      contract: string | null;
    }>(
      `SELECT (SELECT name FROM agencies WHERE id = CAST($1 AS uuid)) AS agency,
              (SELECT name FROM business_units WHERE id = CAST($2 AS uuid)) AS business_unit,
              (SELECT name FROM marketing_goals WHERE id = CAST($3 AS uuid)) AS goal,
              (SELECT reference FROM contracts WHERE id = CAST($4 AS uuid)) AS contract`,
      [query.agencyId ?? null, query.businessUnitId ?? null, query.goalId ?? null, query.contractId ?? null],
    );
    return {
      agency: names?.agency,
      businessUnit: names?.business_unit,
      goal: names?.goal,
      contract: names?.contract,
    };
  }

  /** The matching lines in report order, from the long read's cursor. */
  private lines(read: LongRead, actor: Actor, query: SpendExportQueryDto): AsyncGenerator<ExportLine> {
    const [sql, parameters] = linesQuery(this.dataSource, this.access, actor, query)
      .innerJoin('agencies', 'a', 'a.id = i.agency_id')
      .innerJoin('business_units', 'u', 'u.id = c.business_unit_id')
      .innerJoin('marketing_goals', 'g', 'g.id = l.goal_id')
      .leftJoin('deliverables', 'd', 'd.id = l.deliverable_id')
      .select("to_char(i.issue_date, 'YYYY-MM-DD')", 'issue_date')
      .addSelect('i.number', 'number')
      .addSelect('i.status', 'status')
      .addSelect('a.name', 'agency')
      .addSelect('c.reference', 'contract')
      .addSelect('u.name', 'unit')
      .addSelect('g.name', 'goal')
      .addSelect('d.title', 'deliverable')
      .addSelect('l.item_code', 'item_code')
      .addSelect('l.description', 'description')
      .addSelect('l.quantity::text', 'quantity')
      .addSelect('l.unit_price_minor::text', 'unit_price_minor')
      .addSelect('l.amount_minor::text', 'amount_minor')
      .addSelect('i.currency', 'currency')
      .orderBy('i.issue_date')
      .addOrderBy('l.id')
      .getQueryAndParameters();
    return read.rows<ExportLine>(sql, parameters);
  }
}
