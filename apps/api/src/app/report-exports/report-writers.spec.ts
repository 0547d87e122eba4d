import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { pdfText } from '../../../test/support/pdf-text';
import { msg } from '../i18n/message';
import type { ReportCell, ReportDocument } from './report-document';
import type { ExportFormat } from './report-export.service';
import { writeReport } from './report-export.service';
import { PassThrough, Readable } from 'node:stream';

const REPORT: ReportDocument = {
  title: msg('Goal report'),
  subject: '봄 캠페인 Launch',
  fileName: 'goal-report-launch',
  filters: [{ label: msg('Status'), value: msg('Active') }],
  facts: [{ label: msg('Business unit'), value: 'Skincare' }],
  reader: { name: 'Mina Park', email: 'mina@demo.local' },
  exportedAt: new Date('2026-12-01T09:30:00Z'),
  freshness: { updatedAt: '2026-11-30T23:00:00Z', throughDay: '2026-11-30' },
  tables: [
    {
      title: msg('Spend'),
      columns: [
        { label: msg('Currency'), kind: 'text' },
        { label: msg('Invoiced'), kind: 'money' },
        { label: msg('Impressions'), kind: 'integer' },
        { label: msg('ROI'), kind: 'percent' },
        { label: msg('From'), kind: 'date' },
      ],
      rows: [
        ['KRW', { amountMinor: 1_250_000, currency: 'KRW' }, 30_000, -0.76, '2026-11-01'],
        ['USD', { amountMinor: 123_456, currency: 'USD' }, null, null, '2026-11-02'],
      ],
    },
    {
      title: msg('By agency'),
      columns: [{ label: msg('Agency'), kind: 'text' }],
      rows: [['Northwind Social']],
      truncated: { shown: 1 },
    },
  ],
  chart: {
    title: msg('KPI: actual against target'),
    dates: ['2026-11-01', '2026-11-02', '2026-11-03'],
    series: [
      { label: msg('Actual (cumulative)'), values: [10, 30, null], style: 'actual' },
      { label: msg('Planned to target'), values: [20, 40, 60], style: 'target' },
    ],
  },
  notes: [msg('Amounts are in each currency and never added across currencies.')],
};

async function written(format: ExportFormat, locale: 'en' | 'ko' | 'id'): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeReport(REPORT, format, { locale, timeZone: 'Asia/Seoul' }, sink);
  return Buffer.concat(chunks);
}

/** pdf.js runs in a process of its own (it ships ES modules only): seconds on a busy machine. */
describe('report writers', () => {
  it('should write the header block and each table with plain values when the format is CSV', async () => {
    const rows = parse<string[]>(await written('csv', 'en'), { bom: true, relax_column_count: true });

    expect(rows[0]).toEqual(['Goal report', '봄 캠페인 Launch']);
    expect(rows).toContainEqual(['Business unit', 'Skincare']);
    expect(rows).toContainEqual(['Filters', 'Status: Active']);
    expect(rows).toContainEqual(['Exported by', 'Mina Park <mina@demo.local>']);
    expect(rows).toContainEqual(['Exported at', 'Dec 1, 2026, 6:30 PM']);
    expect(rows.find((row) => row[0] === 'Figures')?.[1]).toMatch(
      /^through Nov 30, 2026; newest figure written/,
    );
    const header = rows.findIndex((row) => row[0] === 'Currency');
    expect(rows[header - 1]).toEqual(['Spend']);
    expect(rows.slice(header, header + 3)).toEqual([
      ['Currency', 'Invoiced', 'Impressions', 'ROI', 'From'],
      ['KRW', '1250000', '30000', '-76', '2026-11-01'],
      ['USD', '1234.56', '', '', '2026-11-02'],
    ]);
    expect(rows.at(-1)).toEqual(['Only the first 1 rows are included.']);
  });

  it('should write a streamed table after the others and leave out the freshness when the report has none', async () => {
    const lines: ReportCell[][] = [
      ['2026-11-03', msg('Paid'), { amountMinor: 5, currency: 'KRW' }],
      ['2026-11-04', 'INV-2', { amountMinor: 12_345, currency: 'USD' }],
    ];
    const { freshness: _freshness, ...fresh } = REPORT;
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeReport(
      {
        ...fresh,
        filters: [{ label: msg('From'), value: '2026-11-01', kind: 'date' }],
        streamed: {
          title: msg('Lines'),
          columns: [
            { label: msg('Issue date'), kind: 'date' },
            { label: msg('Status'), kind: 'text' },
            { label: msg('Amount'), kind: 'money' },
          ],
          rows: Readable.from(lines),
        },
      },
      'csv',
      { locale: 'ko', timeZone: 'Asia/Seoul' },
      sink,
    );
    const rows: string[][] = parse(Buffer.concat(chunks), { bom: true, relax_column_count: true });

    expect(rows).toContainEqual(['필터', '시작일: 2026. 11. 1.']);
    expect(rows.map((row) => row[0])).not.toContain('수치');
    expect(rows.slice(-4)).toEqual([
      ['항목'],
      ['발행일', '상태', '금액'],
      ['2026-11-03', '지급됨', '5'],
      ['2026-11-04', 'INV-2', '123.45'],
    ]);
  });

  it('should refuse a PDF of a report with a streamed table', async () => {
    const report = { ...REPORT, streamed: { title: msg('Lines'), columns: [], rows: Readable.from([]) } };

    await expect(
      writeReport(report, 'pdf', { locale: 'en', timeZone: null }, new PassThrough()),
    ).rejects.toThrow('CSV or XLSX only');
  });

  it('should translate the labels when the reader reads Korean', async () => {
    const text = (await written('csv', 'ko')).toString('utf8');

    expect(text).toContain('목표 보고서');
    expect(text).toContain('통화');
  });

  it('should keep amounts numbers with their currency’s format when the format is XLSX', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await written('xlsx', 'en'));

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About', 'Spend', 'By agency']);
    const about = workbook.getWorksheet('About');
    expect(about?.getCell('A1').value).toBe('Goal report');
    expect(about?.getCell('B1').value).toBe('봄 캠페인 Launch');
    const spend = workbook.getWorksheet('Spend');
    expect(spend?.getRow(1).values).toEqual([
      undefined,
      'Currency',
      'Invoiced',
      'Impressions',
      'ROI',
      'From',
    ]);
    expect(spend?.getCell('B2').value).toBe(1_250_000);
    expect(spend?.getCell('B2').numFmt).toBe('#,##0');
    expect(spend?.getCell('B3').value).toBe(1234.56);
    expect(spend?.getCell('B3').numFmt).toBe('#,##0.00');
    expect(spend?.getCell('C2').value).toBe(30_000);
    expect(spend?.getCell('D2').value).toBe(-0.76);
    expect(spend?.getCell('D2').numFmt).toBe('0.0%');
    expect(spend?.getCell('E2').value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(spend?.getCell('C3').value).toBeNull();
  });

  it('should print Korean text, the chart legend and the amounts in the reader’s locale when the format is PDF', async () => {
    const pdf = await written('pdf', 'ko');

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, info } = await pdfText(pdf);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(info['Title']).toBe('목표 보고서: 봄 캠페인 Launch');
    expect(text).toContain('봄 캠페인 Launch');
    expect(text).toContain('목표 보고서');
    expect(text).toContain('누적 실적');
    expect(text).toContain('KRW 1,250,000');
    expect(text).toContain('-76%');
  }, 30_000);

  it('should write Indonesian number marks when the reader reads Indonesian', async () => {
    const { pages } = await pdfText(await written('pdf', 'id'));

    expect(pages.join(' ')).toContain('USD 1.234,56');
  }, 30_000);
});
