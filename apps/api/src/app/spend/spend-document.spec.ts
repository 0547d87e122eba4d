import { Readable } from 'node:stream';
import type { SpendReportDto } from '@agency-portal/shared';
import { msg } from '../i18n/message';
import { ReportFormat } from '../report-exports/report-format';
import { lineCells, ratesCell, spendDocument, type ExportLine } from './spend-document';

const REPORT: SpendReportDto = {
  groupBy: 'business_unit',
  filters: { from: '2026-03-01', status: 'approved', agencyId: 'a-1', currency: 'KRW' },
  rows: [
    {
      key: 'u-1',
      label: 'Skincare',
      currency: 'KRW',
      lineCount: 3,
      invoiceCount: 2,
      amountMinor: 1_250_000,
      approvedMinor: 1_250_000,
      paidMinor: 0,
      reporting: {
        currency: 'USD',
        amountMinor: 91_250,
        rates: [{ month: '2026-03', rate: '0.00073' }],
        missingRate: false,
      },
    },
  ],
  totals: [
    {
      currency: 'KRW',
      lineCount: 3,
      invoiceCount: 2,
      amountMinor: 1_250_000,
      approvedMinor: 1_250_000,
      paidMinor: 0,
      budgetCapMinor: 9_000_000,
      committedMinor: 2_000_000,
    },
  ],
  reportingCurrency: 'USD',
  reportingTotalMinor: 91_250,
  truncated: false,
};

const LINE: ExportLine = {
  issue_date: '2026-03-05',
  number: 'NW-1',
  status: 'paid',
  agency: 'Northwind Social',
  contract: 'NW-2026-KR-01',
  unit: 'Skincare',
  goal: '봄 캠페인',
  deliverable: null,
  item_code: 'REEL',
  description: 'Reel',
  quantity: '1.50',
  unit_price_minor: '12345',
  amount_minor: '18518',
  currency: 'USD',
};

/** The lines' source: none are read while the document is built. */
const noLines = (): AsyncIterable<ExportLine> => Readable.from([]);

const document = (view: 'summary' | 'lines' | 'both') =>
  spendDocument({
    report: REPORT,
    names: { agency: 'Northwind Social' },
    view,
    lines: noLines,
    reader: { name: 'Mina Park', email: 'mina@demo.local' },
    exportedAt: new Date('2026-12-01T15:30:00Z'),
  });

describe('spend document', () => {
  it('should give the header block the grouping, named filters, reader and time in Korean when the reader reads Korean', () => {
    const format = new ReportFormat({ locale: 'ko', timeZone: 'Asia/Seoul' });

    const header = format.headerBlock(document('both'));

    expect(header[0]).toEqual(['지출 보고서', '사업부별']);
    expect(header).toContainEqual(['보고 통화', 'USD']);
    expect(header).toContainEqual([
      '필터',
      '시작일: 2026. 3. 1.; 에이전시: Northwind Social; 상태: 승인됨; 통화: KRW',
    ]);
    expect(header).toContainEqual(['내보낸 사람', 'Mina Park <mina@demo.local>']);
    // 15:30 UTC is half past midnight the next day in Seoul.
    expect(header.find(([label]) => label === '내보낸 시각')?.[1]).toMatch(/^2026년 12월 2일 .*12:30$/);
    expect(header.map(([label]) => label)).not.toContain('수치');
  });

  it('should hold the summary with its totals and the lines per view when the format is CSV or XLSX', () => {
    const summaryOnly = document('summary');
    const linesOnly = document('lines');
    const both = document('both');

    expect(summaryOnly.tables.map((table) => table.title)).toEqual([msg('Summary')]);
    expect(summaryOnly.streamed).toBeUndefined();
    expect(linesOnly.tables).toEqual([]);
    expect(linesOnly.streamed?.title).toEqual(msg('Lines'));
    expect(linesOnly.fileName).toBe('spend-by-business-unit-2026-12-01-lines');
    expect(both.fileName).toBe('spend-by-business-unit-2026-12-01');
    expect(both.tables).toHaveLength(1);
    expect(both.streamed).toBeDefined();
    const summary = both.tables[0];
    expect(summary?.columns.map((column) => column.label.key)).toEqual([
      'Business unit',
      'Currency',
      'Lines',
      'Invoices',
      'Amount',
      'Approved',
      'Paid',
      'In {currency}',
      'Rates',
    ]);
    expect(summary?.rows).toEqual([
      [
        'Skincare',
        'KRW',
        3,
        2,
        { amountMinor: 1_250_000, currency: 'KRW' },
        { amountMinor: 1_250_000, currency: 'KRW' },
        { amountMinor: 0, currency: 'KRW' },
        { amountMinor: 91_250, currency: 'USD' },
        '2026-03 0.00073',
      ],
      [
        msg('Total'),
        'KRW',
        3,
        2,
        { amountMinor: 1_250_000, currency: 'KRW' },
        { amountMinor: 1_250_000, currency: 'KRW' },
        { amountMinor: 0, currency: 'KRW' },
      ],
    ]);
  });

  it('should turn a line into typed cells with its status translated when the line is streamed', () => {
    const cells = lineCells(LINE);
    const plain = new ReportFormat({ locale: 'id', timeZone: null });

    expect(cells).toEqual([
      '2026-03-05',
      'NW-1',
      msg('Paid'),
      'Northwind Social',
      'NW-2026-KR-01',
      'Skincare',
      '봄 캠페인',
      null,
      'REEL',
      'Reel',
      1.5,
      { amountMinor: 12_345, currency: 'USD' },
      { amountMinor: 18_518, currency: 'USD' },
      'USD',
    ]);
    expect(plain.plain(cells[2] ?? null, 'text')).toBe('Dibayar');
    expect(plain.plain(cells[12] ?? null, 'money')).toBe('185.18');
  });

  it('should name the months without a rate when a converted row lacks some', () => {
    const format = new ReportFormat({ locale: 'en', timeZone: null });
    const rates = (list: { month: string; rate: string | null }[]) =>
      format.plain(ratesCell({ currency: 'USD', amountMinor: null, rates: list, missingRate: true }), 'text');

    expect(rates([{ month: '2026-03', rate: null }])).toBe('No rate for 2026-03');
    expect(
      rates([
        { month: '2026-03', rate: '0.00073' },
        { month: '2026-04', rate: null },
      ]),
    ).toBe('2026-03 0.00073; no rate for 2026-04');
  });
});
