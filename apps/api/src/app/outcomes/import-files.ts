import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { Cell, ImportFileType } from '@agency-portal/shared';
import { IMPORT_SAMPLE_ROWS, readText, suggestPreset, uniqueHeaders } from '@agency-portal/shared';
import { parse } from 'csv-parse';
import * as ExcelJS from 'exceljs';
import type { ContentRule } from '../files/upload';
import { msg } from '../i18n/message';

/**
 * Reading imported files with well-kept libraries: csv-parse for CSV (RFC 4180 quoting, a BOM,
 * rows of uneven length) and exceljs's streaming reader for XLSX, so a 50 MB file is read row by
 * row and never held whole. Both give rows of cells with their line (CSV) or row number (XLSX).
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * By content, never by name: an Office Open XML workbook (a ZIP holding `xl/` parts; the reader
 * checks the rest), or UTF-8 text without NUL bytes. Old .xls workbooks, UTF-16 text and anything
 * binary are refused.
 */
export const IMPORT_FILE_RULE: ContentRule = {
  detect(head) {
    if (head.subarray(0, 4).equals(ZIP)) return head.includes('xl/') ? XLSX_TYPE : null;
    if (head.subarray(0, 4).equals(OLE2) || head.length === 0 || head.includes(0)) return null;
    // The head may end inside a multi-byte character: leave its last three bytes to the reader.
    const body = head.length >= 4096 ? head.subarray(0, head.length - 3) : head;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(body);
      return CSV_TYPE;
    } catch {
      return null;
    }
  },
  message: msg(
    'The file must be a CSV file (UTF-8 text) or an Excel workbook (XLSX); its content decides, not its name. Save an older .xls workbook as XLSX first.',
  ),
};

export function fileTypeOf(contentType: string): ImportFileType {
  return contentType === XLSX_TYPE ? 'xlsx' : 'csv';
}

/** A file that passed the content check but cannot be read as what it claims to be. */
export class UnreadableFileError extends Error {
  constructor(cause: unknown) {
    super(`Unreadable import file: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UnreadableFileError';
  }
}

export interface FileRow {
  /** The file's line (CSV: where the row starts) or the sheet's row number (XLSX). */
  line: number;
  cells: Cell[];
}

/** Refuses bytes that are not UTF-8 anywhere in the file, not just in its head. */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.decoder.decode(chunk, { stream: true });
      callback(null, chunk);
    } catch (error) {
      callback(new UnreadableFileError(error));
    }
  }
}

/** The delimiter of the first line that is not a note: comma, semicolon (European exports) or tab. */
function delimiterOf(head: string): string {
  const line =
    head.split(/\r?\n/).find((candidate) => candidate.trim() !== '' && !candidate.startsWith('#')) ?? '';
  const counts = [',', ';', '\t'].map((delimiter) => ({
    delimiter,
    count: line.split(delimiter).length - 1,
  }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

async function* csvRows(source: Readable): AsyncGenerator<FileRow> {
  const checked = source.pipe(new Utf8Check());
  source.on('error', (error) => checked.destroy(error));
  const chunks = checked[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head: Buffer[] = [];
  let size = 0;
  while (size < 16 * 1024) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    size += next.value.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const parser = Readable.from(all()).pipe(
    parse({
      bom: true,
      delimiter: delimiterOf(Buffer.concat(head).toString('utf8')),
      relax_column_count: true,
      info: true,
    }),
  );
  let previous = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { line: previous + 1, cells: record };
      previous = info.lines;
    }
  } catch (error) {
    throw error instanceof UnreadableFileError ? error : new UnreadableFileError(error);
  }
}

type ExcelValue = ExcelJS.CellValue;

function cellOf(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return cellOf((value as ExcelJS.CellFormulaValue).result);
  if ('hyperlink' in value) return value.text || value.hyperlink;
  if ('error' in value) return String(value.error);
  return null;
}

async function* xlsxRows(
  source: Readable,
  sheet: string | null,
): AsyncGenerator<FileRow & { sheet: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? '';
      if (sheet !== null && name !== sheet) continue;
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { line: row.number, sheet: name, cells: values.map((value) => cellOf(value)) };
      }
      if (sheet !== null) return;
    }
  } catch (error) {
    throw new UnreadableFileError(error);
  }
}

/** Every row of the file (of `sheet` in a workbook), blank and note lines included. */
export function fileRows(
  source: Readable,
  type: ImportFileType,
  sheet: string | null,
): AsyncGenerator<FileRow> {
  return type === 'csv' ? csvRows(source) : xlsxRows(source, sheet);
}

/** What the mapping step needs of a file: where its header is, its columns and a few rows. */
export interface FileHeader {
  sheet: string | null;
  headerRow: number;
  headers: string[];
  sample: string[][];
  suggestedPresetId: string | null;
}

const HEADER_SEARCH_ROWS = 20;
const MAX_SHEETS = 10;

/** A header is the first row with two or more cells that is not a note ("# …", a title line). */
function isHeader(cells: readonly Cell[]): boolean {
  const filled = cells.map(readText).filter((text) => text !== null);
  return filled.length >= 2 && !(filled[0] ?? '').startsWith('#');
}

/**
 * Finds the header of a file (of the first sheet whose header a preset knows, else the first
 * sheet with a header) and reads a few rows after it. Null: no header in the first rows.
 */
export async function readHeader(
  open: () => Promise<Readable>,
  type: ImportFileType,
): Promise<FileHeader | null> {
  let first: FileHeader | null = null;
  let current: FileHeader | null = null;
  let sheetsSeen = 0;
  let lastSheet: string | null | undefined;
  const stream = await open();
  try {
    for await (const row of fileRows(stream, type, null) as AsyncGenerator<FileRow & { sheet?: string }>) {
      const sheet = row.sheet ?? null;
      if (sheet !== lastSheet) {
        if (current?.suggestedPresetId) return current;
        first ??= current;
        current = null;
        lastSheet = sheet;
        if (++sheetsSeen > MAX_SHEETS) break;
      }
      if (!current) {
        if (row.line <= HEADER_SEARCH_ROWS && isHeader(row.cells)) {
          const headers = uniqueHeaders(row.cells.map(readText));
          current = {
            sheet,
            headerRow: row.line,
            headers,
            sample: [],
            suggestedPresetId: suggestPreset(headers)?.id ?? null,
          };
        }
        continue;
      }
      if (current.sample.length < IMPORT_SAMPLE_ROWS && row.cells.some((cell) => readText(cell) !== null)) {
        current.sample.push(
          current.headers.map((_, index) => (readText(row.cells[index] ?? null) ?? '').slice(0, 200)),
        );
      }
      if (type === 'csv' && current.sample.length >= IMPORT_SAMPLE_ROWS) return current;
    }
  } finally {
    stream.destroy();
  }
  if (current?.suggestedPresetId) return current;
  return first ?? current;
}
