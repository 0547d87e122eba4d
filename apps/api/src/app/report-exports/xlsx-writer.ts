import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { msg } from '../i18n/message';
import {
  isMoneyCell,
  type ReportCell,
  type ReportColumn,
  type ReportDocument,
  type StreamedTable,
} from './report-document';
import { moneyFormat, moneyNumber, type ReportFormat } from './report-format';
import { ZipEntryPacing } from './xlsx-backpressure';

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

const NUMBER_FORMATS: Partial<Record<ReportColumn['kind'], string>> = {
  integer: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
};

/**
 * archiver (the zip) buffers its compressed output up to its high-water mark, each way: 1 MB by
 * default, what a slow reader leaves waiting per export. 64 kB keeps the writes large and that
 * small. (exceljs passes the options on; its types do not list this one.)
 */
const ZIP_OPTIONS: Partial<ExcelJS.stream.xlsx.ArchiverZipOptions> & { highWaterMark: number } = {
  highWaterMark: 64 * 1024,
};

/**
 * One style object per number format, shared by every cell that has it: exceljs's streaming
 * writer knows a style it has seen by identity, so a shared one costs a lookup, while a style
 * per cell is serialised and compared each time (a fifth of a large export's CPU).
 */
class CellStyles {
  private readonly plain: Partial<ExcelJS.Style> = {};
  private readonly byFormat = new Map<string, Partial<ExcelJS.Style>>();

  of(numFmt: string | undefined): Partial<ExcelJS.Style> {
    if (!numFmt) return this.plain;
    let style = this.byFormat.get(numFmt);
    if (!style) {
      style = { numFmt };
      this.byFormat.set(numFmt, style);
    }
    return style;
  }
}

/**
 * A report as an XLSX workbook (exceljs's streaming writer): a sheet with the header block, then
 * one sheet per table. Numbers stay numbers with a number format: money in its currency's
 * decimals (`#,##0` for KRW), percentages as fractions formatted `0.0%`, dates as dates.
 */
export async function writeXlsx(report: ReportDocument, format: ReportFormat, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: ZIP_OPTIONS,
  });
  workbook.created = report.exportedAt;
  workbook.title = `${format.t(report.title)}: ${format.subject(report)}`;
  const taken = new Set<string>();
  const styles = new CellStyles();
  const about = workbook.addWorksheet(sheetName(format.t(msg('About')), taken));
  about.columns = [{ width: 24 }, { width: 80 }];
  for (const [label, value] of format.headerBlock(report)) {
    const row = about.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  about.commit();

  for (const table of report.tables) {
    const sheet = tableSheet(workbook, format.t(table.title), table.columns, format, taken);
    for (const cells of table.rows) addRow(sheet, cells, table.columns, format, styles).commit();
    if (table.truncated) {
      sheet
        .addRow([
          format.t(msg('Only the first {shown} rows are included.', { shown: table.truncated.shown })),
        ])
        .commit();
    }
    sheet.commit();
  }
  if (report.streamed) await writeStreamed(workbook, report.streamed, format, styles, taken, out);
  await workbook.commit();
}

function tableSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  title: string,
  columns: ReportColumn[],
  format: ReportFormat,
  taken: Set<string>,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName(title, taken), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({ width: column.kind === 'text' ? 28 : 16 }));
  const header = sheet.addRow(columns.map((column) => format.t(column.label)));
  header.font = { bold: true };
  header.commit();
  return sheet;
}

/** A row of typed cells: numbers stay numbers, each with its column's (or currency's) format. */
function addRow(
  sheet: ExcelJS.Worksheet,
  cells: ReportCell[],
  columns: ReportColumn[],
  format: ReportFormat,
  styles: CellStyles,
): ExcelJS.Row {
  const row = sheet.addRow(cells.map((cell, index) => value(cell, columns[index], format)));
  cells.forEach((cell, index) => {
    if (cell === null) return;
    const numFmt = isMoneyCell(cell)
      ? moneyFormat(cell.currency)
      : NUMBER_FORMATS[columns[index]?.kind ?? 'text'];
    row.getCell(index + 1).style = styles.of(numFmt);
  });
  return row;
}

/**
 * The streamed table as the last sheet, a row committed only when the zip has room for it (see
 * ZipEntryPacing), so rows are pulled from their source as fast as the reader takes the file and
 * no faster.
 */
async function writeStreamed(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  table: StreamedTable,
  format: ReportFormat,
  styles: CellStyles,
  taken: Set<string>,
  out: Writable,
): Promise<void> {
  const sheet = tableSheet(workbook, format.t(table.title), table.columns, format, taken);
  const pacing = ZipEntryPacing.of(sheet);
  for await (const cells of table.rows) {
    addRow(sheet, cells, table.columns, format, styles).commit();
    if (pacing.waiting) await pacing.room(out);
  }
  sheet.commit();
}

function value(cell: ReportCell, column: ReportColumn | undefined, format: ReportFormat): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isMoneyCell(cell)) return moneyNumber(cell.amountMinor, cell.currency);
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') {
    // A calendar day as a date at UTC midnight, which Excel shows as that day.
    return column?.kind === 'date' ? new Date(`${cell}T00:00:00Z`) : cell;
  }
  return format.t(cell);
}
