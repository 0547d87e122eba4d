import type { AgencyScorecardDto, ScorecardPage } from '@agency-portal/shared';
import { quarterOf, shiftQuarter } from '@agency-portal/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { seedDemoScorecards } from '../../src/app/seed/demo-scorecards';
import { asBytes, bearer, suiteApp, DEMO } from '../support/test-app';

describe('demo scorecards', () => {
  const t = suiteApp();

  it('should seed three past quarters once, in which the two agencies visibly differ', async () => {
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);
    expect(await seedDemoScorecards(t.dataSource, storage, {})).toBe(true);
    expect(await seedDemoScorecards(t.dataSource, storage, {})).toBe(false);

    const lead = await t.login(DEMO.lead);
    const last = shiftQuarter(quarterOf(new Date()), -1);
    const response = await t.http().get(`/api/scorecards?quarter=${last}`).set(bearer(lead.accessToken));
    expect(response.status).toBe(200);
    const rows = (response.body as ScorecardPage).items;
    const northwind = rows.find((row) => row.agencyName === 'Northwind Social')?.figures;
    const southpeak = rows.find((row) => row.agencyName === 'Southpeak Media')?.figures;
    // Northwind: 3 of 4 on time, 4 change requests on 4 approved; Southpeak: 4 of 4, 1 change request.
    expect(northwind?.onTimeRate).toEqual({ value: 0.75, count: 3, sample: 4 });
    expect(southpeak?.onTimeRate).toEqual({ value: 1, count: 4, sample: 4 });
    expect(northwind?.averageRevisionRounds).toEqual({ value: 1, sample: 4 });
    expect(southpeak?.averageRevisionRounds).toEqual({ value: 0.25, sample: 4 });
    expect(northwind?.medianReviewHours.value).toBe(30);
    expect(southpeak?.medianReviewHours.value).toBe(14);
    expect(southpeak?.budgetVariance).toEqual([
      expect.objectContaining({ currency: 'IDR', varianceMinor: 0, varianceRatio: 0 }),
    ]);

    const agencyId = await t.agencyId('Northwind Social');
    const trend = await t
      .http()
      .get(`/api/scorecards/agencies/${agencyId}?quarter=${last}&quarters=3`)
      .set(bearer(lead.accessToken));
    const quarters = (trend.body as AgencyScorecardDto).quarters;
    // Improving: 1 of 4, 2 of 4, 3 of 4 on time.
    expect(quarters.map((quarter) => quarter.figures.onTimeRate.value)).toEqual([0.25, 0.5, 0.75]);
    expect(quarters[0]?.figures.budgetVariance[0]).toMatchObject({ currency: 'KRW', varianceMinor: 300_000 });
    // Writing some 40 demo files (each fsynced) takes a while on a busy machine.
  }, 300_000);

  it("should export the scorecards as the screens show them, in the reader's language, to whom may read them", async () => {
    const last = shiftQuarter(quarterOf(new Date()), -1);
    const first = shiftQuarter(last, -2);
    const northwindId = await t.agencyId('Northwind Social');
    const southpeakId = await t.agencyId('Southpeak Media');
    const lead = await t.login(DEMO.lead);
    const member = await t.login(DEMO.northwindMember);
    const get = (token: string, path: string) => t.http().get(path).set(bearer(token));

    const trend = await get(
      lead.accessToken,
      `/api/scorecards/agencies/${northwindId}/export?format=csv&quarter=${last}&quarters=3`,
    );
    expect(trend.status).toBe(200);
    expect(trend.headers['content-disposition']).toMatch(/scorecard-northwind-social-\d{4}-\d{2}-\d{2}\.csv/);
    const rows = parse<string[]>(trend.text, { bom: true, relax_column_count: true });
    expect(rows[0]).toEqual(['Agency scorecard', 'Northwind Social']);
    expect(rows).toContainEqual(['Filters', `Quarters: ${first} – ${last}`]);
    const header = rows.findIndex((row) => row[0] === 'Quarter' && row[1] === 'On-time delivery');
    expect(header).toBeGreaterThan(0);
    // The trend's on-time rates in per cent (a fraction with a per-cent format in XLSX).
    expect(rows.slice(header + 1, header + 4).map((row) => [row[0], Number(row[1])])).toEqual([
      [first, 25],
      [shiftQuarter(last, -1), 50],
      [last, 75],
    ]);

    const xlsx = await asBytes(
      get(
        lead.accessToken,
        `/api/scorecards/agencies/${northwindId}/export?format=xlsx&quarter=${last}&quarters=3`,
      ),
    );
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.worksheets.forEach((sheet) =>
      sheet.eachRow((row) => {
        if (row.getCell(1).value === last) cells.push(row.getCell(2).value);
      }),
    );
    expect(cells).toContain(0.75);

    // In Korean for a Korean reader; the comparison as a PDF.
    await t.dataSource.query(`UPDATE users SET locale = 'ko' WHERE email = $1`, [DEMO.lead]);
    try {
      const korean = await t.login(DEMO.lead);
      const comparison = await get(korean.accessToken, `/api/scorecards/export?format=csv&quarter=${last}`);
      expect(comparison.status).toBe(200);
      const koreanRows = parse<string[]>(comparison.text, { bom: true, relax_column_count: true });
      expect(koreanRows[0]?.[0]).toBe('에이전시 스코어카드');
      expect(koreanRows.some((row) => row[0] === 'Southpeak Media')).toBe(true);
      const pdf = await asBytes(get(korean.accessToken, `/api/scorecards/export?format=pdf&quarter=${last}`));
      expect(pdf.status).toBe(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await t.dataSource.query(`UPDATE users SET locale = 'en' WHERE email = $1`, [DEMO.lead]);
    }

    // An agency user exports its own scorecard only; another agency's is not found.
    const own = await get(member.accessToken, `/api/scorecards/export?format=csv&quarter=${last}`);
    expect(own.status).toBe(200);
    const ownRows = parse<string[]>(own.text, { bom: true, relax_column_count: true });
    expect(ownRows.some((row) => row[0] === 'Northwind Social')).toBe(true);
    expect(ownRows.some((row) => row[0] === 'Southpeak Media')).toBe(false);
    expect(
      (await get(member.accessToken, `/api/scorecards/agencies/${southpeakId}/export?format=csv`)).status,
    ).toBe(404);
    expect(
      (await get(member.accessToken, `/api/scorecards/agencies/${northwindId}/export?format=csv`)).status,
    ).toBe(200);
    expect((await get(lead.accessToken, `/api/scorecards/export?format=doc`)).status).toBe(400);
    expect((await t.http().get(`/api/scorecards/export?format=csv`)).status).toBe(401);
  }, 120_000);
});
