import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { msg } from '../i18n/message';
import type { ReportCell, ReportDocument } from './report-document';
import { writeReport } from './report-export.service';
import { ZipEntryPacing } from './xlsx-backpressure';

const ROWS = 5000;
/** Rows taken from the database at once (the export's FETCH size is 1000). */
const BATCH = 500;
/**
 * Rows the writer may have pulled ahead of what the reader took: what fits in the buffers
 * between a row and the reader (the worksheet's 64 kB, the zip entry's, the deflater's, archiver's
 * 2 × 64 kB of compressed output and the reader's own 16 kB), about 1,200 rows of these. Without
 * the pacing (waiting for the output's 'drain' only) the lead grows with the gap between writer
 * and reader speed: 4,000 rows here, most of the file.
 */
const MAX_LEAD = 2000;

/** Rows that compress poorly (random text), so a few hundred fill the buffers. */
function source(counter: { pulled: number }): AsyncGenerator<ReportCell[]> {
  async function* rows() {
    for (let start = 0; start < ROWS; start += BATCH) {
      // A FETCH: the batch arrives at once, after an I/O turn.
      await new Promise((resolve) => setImmediate(resolve));
      for (let index = start; index < Math.min(start + BATCH, ROWS); index++) {
        counter.pulled += 1;
        yield [
          `INV-${index}`,
          randomBytes(300).toString('base64'),
          index,
          { amountMinor: index * 101, currency: 'USD' },
        ] satisfies ReportCell[];
      }
    }
  }
  return rows();
}

function report(rows: AsyncIterable<ReportCell[]>): ReportDocument {
  return {
    title: msg('Spend report'),
    subject: msg('By month'),
    fileName: 'spend',
    filters: [],
    facts: [],
    reader: { name: 'Mina Park', email: 'mina@demo.local' },
    exportedAt: new Date('2026-12-01T09:30:00Z'),
    tables: [],
    streamed: {
      title: msg('Lines'),
      columns: [
        { label: msg('Invoice'), kind: 'text' },
        { label: msg('Description'), kind: 'text' },
        { label: msg('Quantity'), kind: 'integer' },
        { label: msg('Amount'), kind: 'money' },
      ],
      rows,
    },
  };
}

/** A reader taking `bytesPerSecond`, recording how many rows had been pulled at each chunk. */
function slowReader(bytesPerSecond: number, counter: { pulled: number }) {
  const chunks: Buffer[] = [];
  const samples: { pulled: number; read: number }[] = [];
  let read = 0;
  const sink = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      samples.push({ pulled: counter.pulled, read });
      read += chunk.length;
      setTimeout(done, (chunk.length / bytesPerSecond) * 1000);
    },
  });
  return { sink, chunks, samples };
}

describe('XLSX export behind a slow reader', () => {
  it('should pull rows only as fast as the reader takes the file when the reader is slower than the writer', async () => {
    const counter = { pulled: 0 };
    const reader = slowReader(512 * 1024, counter);

    await writeReport(report(source(counter)), 'xlsx', { locale: 'en', timeZone: null }, reader.sink);

    const file = Buffer.concat(reader.chunks);
    // The rows a byte of the file holds, from the whole file (the About sheet is a few hundred bytes).
    const rowsPerByte = ROWS / file.length;
    const lead = Math.max(...reader.samples.map(({ pulled, read }) => pulled - read * rowsPerByte));
    expect({ lead: Math.round(lead), bounded: lead < MAX_LEAD }).toMatchObject({ bounded: true });
    const workbook = new ExcelJS.Workbook();
    // exceljs's types take an ArrayBuffer for its Buffer.
    await workbook.xlsx.load(new Uint8Array(file).buffer);
    const lines = workbook.getWorksheet('Lines');
    expect(lines?.actualRowCount).toBe(ROWS + 1);
    expect(lines?.getCell(`D${ROWS + 1}`).value).toBe(((ROWS - 1) * 101) / 100);
    expect(lines?.getCell(`D${ROWS + 1}`).numFmt).toBe('#,##0.00');
  }, 30_000);

  it('should stop pulling rows and fail when the reader goes away', async () => {
    const counter = { pulled: 0 };
    let read = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        read += chunk.length;
        done();
        if (read > 64 * 1024) sink.destroy();
      },
    });

    await expect(
      writeReport(report(source(counter)), 'xlsx', { locale: 'en', timeZone: null }, sink),
    ).rejects.toThrow('The export’s reader went away');
    expect(counter.pulled).toBeLessThan(ROWS / 2);
  }, 30_000);

  it('should refuse a worksheet without its zip entry when exceljs is not the version it knows', () => {
    const workbook = new ExcelJS.Workbook();

    expect(() => ZipEntryPacing.of(workbook.addWorksheet('Lines'))).toThrow(/zip entry stream/);
  });
});
