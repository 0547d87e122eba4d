import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { msg } from '../i18n/message';
import { isMoneyCell, type ReportCell, type ReportColumn, type ReportDocument } from './report-document';
import { moneyFormat, moneyNumber, type ReportFormat } from './report-format';

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
 * A report as an XLSX workbook (exceljs's streaming writer): a sheet with the header block, then
 * one sheet per table. Numbers stay numbers with a number format: money in its currency's
 * decimals (`#,##0` for KRW), percentages as fractions formatted `0.0%`, dates as dates.
 */
export async function writeXlsx(report: ReportDocument, format: ReportFormat, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.created = report.exportedAt;
  workbook.title = `${format.t(report.title)}: ${format.subject(report)}`;
  const taken = new Set<string>();
  const about = workbook.addWorksheet(sheetName(format.t(msg('About')), taken));
  about.columns = [{ width: 24 }, { width: 80 }];
  for (const [label, value] of format.headerBlock(report)) {
    const row = about.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  about.commit();

  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(sheetName(format.t(table.title), taken), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = table.columns.map((column) => ({
      width: column.kind === 'text' ? 28 : 16,
    }));
    const header = sheet.addRow(table.columns.map((column) => format.t(column.label)));
    header.font = { bold: true };
    header.commit();
    for (const cells of table.rows) {
      const row = sheet.addRow(cells.map((cell, index) => value(cell, table.columns[index], format)));
      cells.forEach((cell, index) => {
        const kind = table.columns[index]?.kind ?? 'text';
        const numFmt = isMoneyCell(cell) ? moneyFormat(cell.currency) : NUMBER_FORMATS[kind];
        if (numFmt && cell !== null) row.getCell(index + 1).numFmt = numFmt;
      });
      row.commit();
    }
    if (table.truncated) {
      sheet
        .addRow([
          format.t(msg('Only the first {shown} rows are included.', { shown: table.truncated.shown })),
        ])
        .commit();
    }
    sheet.commit();
  }
  await workbook.commit();
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
