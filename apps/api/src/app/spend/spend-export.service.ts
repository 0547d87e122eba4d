import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import type { SpendFilters, SpendReportDto } from '@agency-portal/shared';
import { minorDigits, minorToDecimalString } from '@agency-portal/shared';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { coalesce } from '../common/streams/coalesce';
import type { Actor } from '../auth/actor';
import { LongReads, type LongRead } from '../database/long-read';
import type { SpendExportQueryDto } from './dto/spend.dto';
import { linesQuery } from './spend-filters';
import { SpendReportService } from './spend-report.service';

/** A line as the export streams it from the database. */
interface ExportLine {
  issue_date: string;
  number: string;
  status: string;
  agency: string;
  contract: string;
  unit: string;
  goal: string;
  deliverable: string | null;
  item_code: string;
  description: string;
  quantity: string;
  unit_price_minor: string;
  amount_minor: string;
  currency: string;
}

const LINE_HEADER = [
  'Issue date',
  'Invoice',
  'Status',
  'Agency',
  'Contract',
  'Business unit',
  'Goal',
  'Deliverable',
  'Item',
  'Description',
  'Quantity',
  'Unit price',
  'Amount',
  'Currency',
];

const SUMMARY_HEADER = ['Group', 'Currency', 'Lines', 'Invoices', 'Amount', 'Approved', 'Paid'];

/** The currency's amount as a number with its own decimals (text only on the way, never a float sum). */
function amount(minor: number | string, currency: string): number {
  return Number(minorToDecimalString(Number(minor), currency));
}

function amountFormat(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/**
 * One style object per look, shared by every cell that has it: exceljs's streaming writer knows a
 * style it has seen by identity, so a shared one costs a lookup, while a style per cell is
 * serialised and compared each time (a fifth of a large export's CPU).
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const moneyStyles = new Map<string, Partial<ExcelJS.Style>>();
function moneyStyle(currency: string): Partial<ExcelJS.Style> {
  let style = moneyStyles.get(currency);
  if (!style) {
    style = { numFmt: amountFormat(currency) };
    moneyStyles.set(currency, style);
  }
  return style;
}

function describeFilters(filters: SpendFilters): string {
  const entries = Object.entries(filters);
  return entries.length ? entries.map(([key, value]) => `${key}=${String(value)}`).join('; ') : 'none';
}

/**
 * Exports of the spend report as CSV (csv-stringify) and XLSX (exceljs's streaming workbook
 * writer): the filters and the export time first, amounts as numbers with the currency's decimals.
 * It runs as a long read (its own connection, one snapshot, DB_EXPORT_STATEMENT_TIMEOUT_MS per
 * statement), so the summary matches the lines and a large export is not cut off by the ordinary
 * statement timeout. The lines come from a server-side cursor a batch at a time, through the
 * writer into the response, waiting whenever the client is slower, so memory stays flat however
 * many lines there are.
 */
@Injectable()
export class SpendExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: SpendReportService,
    private readonly longReads: LongReads,
  ) {}

  async export(actor: Actor, query: SpendExportQueryDto, response: Response): Promise<void> {
    try {
      await this.longReads.run((read) => this.write(read, actor, query, response));
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
    query: SpendExportQueryDto,
    response: Response,
  ): Promise<void> {
    const report = await this.reports.report(actor, query, read.query);
    const exportedAt = new Date().toISOString();
    const name = `spend-by-${query.groupBy.replace('_', '-')}-${exportedAt.slice(0, 10)}`;
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (query.format === 'csv') {
      const view = query.view ?? 'summary';
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.attachment(`${name}${view === 'lines' ? '-lines' : ''}.csv`);
      await this.csv(read, actor, query, report, exportedAt, view, response);
    } else {
      response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      response.attachment(`${name}.xlsx`);
      await this.xlsx(read, actor, query, report, exportedAt, response);
    }
  }

  private preamble(report: SpendReportDto, exportedAt: string): string[][] {
    return [
      ['Spend report', `grouped by ${report.groupBy.replace('_', ' ')}`],
      ['Exported at', exportedAt],
      ['Filters', describeFilters(report.filters)],
      ['Amounts', 'net of tax, in each currency; never added across currencies'],
      [],
    ];
  }

  private async csv(
    read: LongRead,
    actor: Actor,
    query: SpendExportQueryDto,
    report: SpendReportDto,
    exportedAt: string,
    view: 'summary' | 'lines',
    response: Response,
  ): Promise<void> {
    const csv = stringify({ bom: true });
    const done = pipeline(csv, coalesce(), response);
    for (const row of this.preamble(report, exportedAt)) csv.write(row);
    if (view === 'summary') {
      csv.write([
        ...SUMMARY_HEADER,
        ...(report.reportingCurrency ? [`In ${report.reportingCurrency}`, 'Rates'] : []),
      ]);
      for (const row of report.rows) {
        csv.write([
          row.label,
          row.currency,
          row.lineCount,
          row.invoiceCount,
          minorToDecimalString(row.amountMinor, row.currency),
          minorToDecimalString(row.approvedMinor, row.currency),
          minorToDecimalString(row.paidMinor, row.currency),
          ...(row.reporting
            ? [
                row.reporting.amountMinor === null || row.reporting.missingRate
                  ? ''
                  : minorToDecimalString(row.reporting.amountMinor, row.reporting.currency),
                row.reporting.rates.map((rate) => `${rate.month} ${rate.rate ?? 'missing'}`).join('; '),
              ]
            : []),
        ]);
      }
      csv.write([]);
      for (const total of report.totals) {
        csv.write([
          'Total',
          total.currency,
          total.lineCount,
          total.invoiceCount,
          minorToDecimalString(total.amountMinor, total.currency),
          minorToDecimalString(total.approvedMinor, total.currency),
          minorToDecimalString(total.paidMinor, total.currency),
        ]);
      }
      csv.end();
      await done;
      return;
    }
    csv.write(LINE_HEADER);
    await Promise.all([
      pipeline(
        Readable.from(this.lines(read, actor, query)),
        new Transform({
          objectMode: true,
          transform(line: ExportLine, _encoding, callback) {
            const currency = line.currency.trim();
            callback(null, [
              line.issue_date,
              line.number,
              line.status,
              line.agency,
              line.contract,
              line.unit,
              line.goal,
              line.deliverable ?? '',
              line.item_code,
              line.description,
              line.quantity,
              minorToDecimalString(Number(line.unit_price_minor), currency),
              minorToDecimalString(Number(line.amount_minor), currency),
              currency,
            ]);
          },
        }),
        csv,
      ),
      done,
    ]);
  }

  private async xlsx(
    read: LongRead,
    actor: Actor,
    query: SpendExportQueryDto,
    report: SpendReportDto,
    exportedAt: string,
    response: Response,
  ): Promise<void> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: response,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.created = new Date(exportedAt);
    const summary = workbook.addWorksheet('Summary');
    for (const row of this.preamble(report, exportedAt)) summary.addRow(row).commit();
    const header = [
      ...SUMMARY_HEADER,
      ...(report.reportingCurrency ? [`In ${report.reportingCurrency}`, 'Rates'] : []),
    ];
    const headerRow = summary.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    const moneyRow = (values: (string | number | null)[], currency: string, reportingCurrency?: string) => {
      const row = summary.addRow(values);
      for (const column of [5, 6, 7]) row.getCell(column).numFmt = amountFormat(currency);
      if (reportingCurrency) row.getCell(8).numFmt = amountFormat(reportingCurrency);
      row.commit();
    };
    for (const row of report.rows) {
      moneyRow(
        [
          row.label,
          row.currency,
          row.lineCount,
          row.invoiceCount,
          amount(row.amountMinor, row.currency),
          amount(row.approvedMinor, row.currency),
          amount(row.paidMinor, row.currency),
          ...(row.reporting
            ? [
                row.reporting.amountMinor === null || row.reporting.missingRate
                  ? null
                  : amount(row.reporting.amountMinor, row.reporting.currency),
                row.reporting.rates.map((rate) => `${rate.month} ${rate.rate ?? 'missing'}`).join('; '),
              ]
            : []),
        ],
        row.currency,
        row.reporting?.currency,
      );
    }
    summary.addRow([]).commit();
    for (const total of report.totals) {
      moneyRow(
        [
          'Total',
          total.currency,
          total.lineCount,
          total.invoiceCount,
          amount(total.amountMinor, total.currency),
          amount(total.approvedMinor, total.currency),
          amount(total.paidMinor, total.currency),
        ],
        total.currency,
      );
    }
    summary.commit();

    const sheet = workbook.addWorksheet('Lines');
    const linesHeader = sheet.addRow(LINE_HEADER);
    linesHeader.font = { bold: true };
    linesHeader.commit();
    for await (const line of this.lines(read, actor, query)) {
      const currency = line.currency.trim();
      const row = sheet.addRow([
        line.issue_date,
        line.number,
        line.status,
        line.agency,
        line.contract,
        line.unit,
        line.goal,
        line.deliverable ?? '',
        line.item_code,
        line.description,
        Number(line.quantity),
        amount(line.unit_price_minor, currency),
        amount(line.amount_minor, currency),
        currency,
      ]);
      row.eachCell((cell, column) => {
        cell.style = column === 12 || column === 13 ? moneyStyle(currency) : PLAIN_STYLE;
      });
      row.commit();
      // The workbook writes into the response: wait while the client has not read what is buffered.
      if (response.writableNeedDrain) await new Promise((resolve) => response.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
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
