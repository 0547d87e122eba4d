import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { msg } from '../i18n/message';
import type { ReportDocument } from './report-document';
import type { ReportFormat } from './report-format';

/**
 * A report as one CSV file (csv-stringify, UTF-8 with a BOM so spreadsheets read Korean): the
 * header block, then each table under its title, a blank line between. Labels are in the
 * reader's language; values are plain (see ReportFormat.plain), so they read back as numbers.
 */
export async function writeCsv(report: ReportDocument, format: ReportFormat, out: Writable): Promise<void> {
  const csv = stringify({ bom: true });
  const done = pipeline(csv, out);
  for (const line of format.headerBlock(report)) csv.write(line);
  for (const table of report.tables) {
    csv.write([]);
    csv.write([format.t(table.title)]);
    csv.write(table.columns.map((column) => format.t(column.label)));
    for (const row of table.rows) {
      csv.write(row.map((cell, index) => format.plain(cell, table.columns[index]?.kind ?? 'text')));
    }
    if (table.truncated) {
      csv.write([
        format.t(msg('Only the first {shown} rows are included.', { shown: table.truncated.shown })),
      ]);
    }
  }
  csv.end();
  await done;
}
