import { PassThrough, type Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DEFAULT_LOCALE, isLocale, isTimeZone } from '@agency-portal/shared';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { LongReads } from '../database/long-read';
import { User } from '../users/user.entity';
import { writeCsv } from './csv-writer';
import { writePdf } from './pdf-writer';
import type { ReportDocument } from './report-document';
import { ReportFormat, type ExportReader } from './report-format';
import { writeXlsx } from './xlsx-writer';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * Writes a report in a format for a reader. A streamed table is pulled as fast as `out` takes the
 * file (a response: the client), so writing straight to a response keeps memory bounded.
 */
export async function writeReport(
  report: ReportDocument,
  format: ExportFormat,
  reader: ExportReader,
  out: Writable,
): Promise<void> {
  const formatter = new ReportFormat(reader);
  switch (format) {
    case 'csv':
      return writeCsv(report, formatter, out);
    case 'xlsx':
      return writeXlsx(report, formatter, out);
    case 'pdf':
      // A PDF is set page by page in memory: a table too long to hold has no PDF form.
      if (report.streamed) throw new Error('A streamed table is written as CSV or XLSX only');
      return writePdf(report, formatter, out);
  }
}

/**
 * Report exports: a report built by an adapter (a ReportDocument) written as CSV, XLSX or PDF in
 * the reader's language and time zone. Building counts against the export limit (DB_EXPORTS_MAX,
 * 429 `exports_busy` when it stays full), and the file is written to memory first: a report
 * (tens to thousands of rows) is small, and a failure while building answers a clean error
 * instead of a file cut short. Streamed line-level exports (the spend lines) run their own long
 * read and write their document, its lines a StreamedTable, straight to the response.
 */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly longReads: LongReads,
  ) {}

  async send(
    actor: Actor,
    format: ExportFormat,
    build: (reader: { name: string; email: string }) => Promise<ReportDocument>,
    response: Response,
  ): Promise<void> {
    const file = await this.longReads.limited(async () => {
      const report = await build({ name: actor.name, email: actor.email });
      return { report, bytes: await this.render(report, format, await this.readerOf(actor)) };
    });
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    response.attachment(`${file.report.fileName}.${format}`);
    response.send(file.bytes);
  }

  async render(report: ReportDocument, format: ExportFormat, reader: ExportReader): Promise<Buffer> {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeReport(report, format, reader, sink);
    return Buffer.concat(chunks);
  }

  /** The actor's language and time zone from their profile. */
  async readerOf(actor: Actor): Promise<ExportReader> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { id: actor.id }, select: { id: true, timeZone: true } });
    return {
      locale: isLocale(actor.locale) ? actor.locale : DEFAULT_LOCALE,
      timeZone: isTimeZone(user?.timeZone) ? (user?.timeZone ?? null) : null,
    };
  }
}
