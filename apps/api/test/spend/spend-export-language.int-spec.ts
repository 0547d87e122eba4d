import type { SpendReportDto } from '@agency-portal/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { seedDemoSpend } from '../../src/app/seed/demo-spend';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

/** Collects a binary body (XLSX) as a Buffer. */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

const csvRows = (response: Response): string[][] =>
  parse(response.text, { bom: true, relax_column_count: true });

/** The calendar day of an instant in a time zone, as a Korean reader writes it ("2026년 12월 2일"). */
const koreanDay = (date: Date) =>
  new Intl.DateTimeFormat('ko', { dateStyle: 'long', timeZone: 'Asia/Seoul' }).format(date);

/**
 * Issue 13: the spend export in the reader's language (the signed-in person's locale) and time
 * zone, on the demo's invoices (every state, KRW, IDR and USD): the header block, the column
 * headers, sheet names and invoice statuses translated, amounts still numbers.
 */
describe('spend export: in the reader’s language', () => {
  let t: TestApp;
  let korean: string;
  let indonesian: string;
  let english: string;

  const get = (token: string, path: string) => t.http().get(path).set(bearer(token));

  beforeAll(async () => {
    t = await createTestApp();
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);
    await seedDemoSpend(t.dataSource, storage, t.config.invoiceDualApprovalThresholds);
    // A second finance person reads Korean, in Seoul; Putri (a social lead) reads Indonesian.
    await t.dataSource.query(`UPDATE users SET locale = 'ko', time_zone = 'Asia/Seoul' WHERE email = $1`, [
      DEMO.finance2,
    ]);
    korean = (await t.login(DEMO.finance2)).accessToken;
    indonesian = (await t.login('putri@demo.local')).accessToken;
    english = (await t.login(DEMO.finance)).accessToken;
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it('should write the header block and the summary in Korean, the export time in Seoul, when the reader reads Korean', async () => {
    const report = (await get(korean, '/api/spend/report?groupBy=agency&status=approved'))
      .body as SpendReportDto;
    const northwind = report.rows.find((row) => row.label === 'Northwind Social');
    expect(northwind).toBeDefined();
    const before = new Date();

    const response = await get(
      korean,
      `/api/spend/export?groupBy=agency&format=csv&status=approved&agencyId=${northwind?.key ?? ''}&from=2026-01-01`,
    );

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = csvRows(response);
    expect(rows[0]).toEqual(['지출 보고서', '에이전시별']);
    expect(rows).toContainEqual(['필터', '시작일: 2026. 1. 1.; 에이전시: Northwind Social; 상태: 승인됨']);
    expect(rows.find((row) => row[0] === '내보낸 사람')?.[1]).toBe('Farah Finance <finance2@demo.local>');
    const exportedAt = rows.find((row) => row[0] === '내보낸 시각')?.[1] ?? '';
    expect([koreanDay(before), koreanDay(new Date())]).toContain(exportedAt.split(/ (오전|오후|AM|PM) /)[0]);
    expect(exportedAt).not.toMatch(/UTC/);
    const header = rows.findIndex((row) => row[0] === '에이전시' && row[1] === '통화');
    expect(rows[header - 1]).toEqual(['요약']);
    expect(rows[header]).toEqual(['에이전시', '통화', '항목', '청구서 수', '금액', '승인됨', '지급됨']);
    const totals = rows.filter((row) => row[0] === '합계');
    expect(totals.length).toBeGreaterThan(0);
    for (const [, currency = '', , , amount = ''] of totals)
      expect(amount).toMatch(currency === 'KRW' ? /^\d+$/ : /^\d+\.\d{2}$/);
  });

  it('should write the lines’ headers and statuses in Korean with plain amounts when the CSV holds the lines', async () => {
    const response = await get(korean, '/api/spend/export?groupBy=month&format=csv&view=lines');

    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/spend-by-month-\d{4}-\d{2}-\d{2}-lines\.csv"$/);
    const rows = csvRows(response);
    const header = rows.findIndex((row) => row[0] === '발행일');
    expect(rows[header]).toEqual([
      '발행일',
      '청구서',
      '상태',
      '에이전시',
      '계약',
      '사업부',
      '목표',
      '산출물',
      '품목',
      '설명',
      '수량',
      '단가',
      '금액',
      '통화',
    ]);
    const lines = rows.slice(header + 1);
    expect(lines.length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line[2]))).toEqual(new Set(['제출됨', '승인됨', '지급됨']));
    for (const line of lines) {
      expect(line[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(line[12]).toMatch(line[13] === 'KRW' ? /^\d+$/ : /^\d+\.\d{2}$/);
    }
  });

  it('should name the sheets and headers in Indonesian and keep amounts numbers when the XLSX is read back', async () => {
    const report = (await get(indonesian, '/api/spend/report?groupBy=agency')).body as SpendReportDto;

    const response = await get(indonesian, '/api/spend/export?groupBy=agency&format=xlsx')
      .buffer(true)
      .parse(binary);

    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.body as Buffer).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tentang', 'Ringkasan', 'Baris']);
    const about = workbook.getWorksheet('Tentang');
    expect(about?.getCell('A1').value).toBe('Laporan pengeluaran');
    expect(about?.getCell('B1').value).toBe('Per agensi');
    const summary = workbook.getWorksheet('Ringkasan');
    expect(summary?.getRow(1).values).toEqual([
      undefined,
      'Agensi',
      'Mata uang',
      'Baris',
      'Faktur',
      'Jumlah',
      'Disetujui',
      'Dibayar',
    ]);
    const totals: [unknown, unknown, string | undefined][] = [];
    summary?.eachRow((row) => {
      if (row.getCell(1).value === 'Total')
        totals.push([row.getCell(2).value, row.getCell(5).value, row.getCell(5).numFmt]);
    });
    expect(totals).toEqual(
      report.totals.map((total) => [
        total.currency,
        total.currency === 'KRW' ? total.amountMinor : total.amountMinor / 100,
        total.currency === 'KRW' ? '#,##0' : '#,##0.00',
      ]),
    );
    const lines = workbook.getWorksheet('Baris');
    expect(lines?.getCell('A1').value).toBe('Tanggal terbit');
    expect(lines?.getCell('C1').value).toBe('Status');
    expect(lines?.getCell('M1').value).toBe('Jumlah');
    const statuses = new Set<unknown>();
    lines?.eachRow((row, number) => {
      if (number === 1) return;
      statuses.add(row.getCell(3).value);
      expect(row.getCell(1).value).toBeInstanceOf(Date);
      expect(typeof row.getCell(11).value).toBe('number');
      expect(typeof row.getCell(13).value).toBe('number');
      expect(row.getCell(13).numFmt).toBe(row.getCell(14).value === 'KRW' ? '#,##0' : '#,##0.00');
    });
    expect(statuses).toEqual(new Set(['Diajukan', 'Disetujui', 'Dibayar']));
  });

  it('should keep English with the time in UTC, named, when the reader has no language or zone of their own', async () => {
    const response = await get(english, '/api/spend/export?groupBy=goal&format=csv&currency=USD');

    const rows = csvRows(response);
    expect(rows[0]).toEqual(['Spend report', 'By goal']);
    expect(rows).toContainEqual(['Filters', 'Currency: USD']);
    expect(rows.find((row) => row[0] === 'Exported at')?.[1]).toMatch(/\d{4}.*UTC$/);
    expect(rows).toContainEqual([
      '',
      'Amounts are net of tax, in each currency, and never added across currencies.',
    ]);
    expect(rows.map((row) => row[0])).not.toContain('Figures');
  });
});
