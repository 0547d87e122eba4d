import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { coalesce } from '../common/streams/coalesce';
import { msg } from '../i18n/message';
import type { ReportCell, ReportDocument } from './report-document';
import type { ReportFormat } from './report-format';

/**
 * A report as one CSV file (csv-stringify, UTF-8 with a BOM so spreadsheets read Korean): the
 * header block, then each table under its title, a blank line between. Labels are in the
 * reader's language; values are plain (see ReportFormat.plain), so they read back as numbers.
 * A streamed table comes last, its rows piped through with backpressure (a row is pulled from its
 * source only when the output has room), gathered into writes of ~64 kB.
 */
export async function writeCsv(report: ReportDocument, format: ReportFormat, out: Writable): Promise<void> {
  const csv = stringify({ bom: true });
  const done = pipeline(csv, coalesce(), out);
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
  const streamed = report.streamed;
  if (!streamed) {
    csv.end();
    await done;
    return;
  }
  csv.write([]);
  csv.write([format.t(streamed.title)]);
  csv.write(streamed.columns.map((column) => format.t(column.label)));
  const kinds = streamed.columns.map((column) => column.kind);
  await Promise.all([
    pipeline(
      Readable.from(streamed.rows),
      new Transform({
        objectMode: true,
        transform(row: ReportCell[], _encoding, callback) {
          callback(
            null,
            row.map((cell, index) => format.plain(cell, kinds[index] ?? 'text')),
          );
        },
      }),
      csv,
    ),
    done,
  ]);
}
