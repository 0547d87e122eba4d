import type { GoalReportDto } from '@agency-portal/shared';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { seedDemoGoalOutcomes } from '../../src/app/seed/demo-goal-outcomes';
import { pdfText } from '../support/pdf-text';
import { asBytes, bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { goalOutsideNorthwind } from '../support/work';

const csvRows = (response: Response) =>
  parse<string[]>(response.text, { bom: true, relax_column_count: true });

/**
 * Exports of the goal dashboard and the goal overview on the demo's goals (with the demo's goal
 * outcomes): the files carry the dashboard's own figures, in the reader's language, to whom may read them.
 */
describe('goal report exports', () => {
  let t: TestApp;
  const who: Record<string, SignedIn> = {};
  let revenueGoalId: string;
  let koreanGoalId: string;
  let southpeakOnlyGoalId: string;
  let koreaUnitId: string;

  const get = (actor: string, path: string) =>
    t
      .http()
      .get(path)
      .set(bearer(who[actor]?.accessToken ?? ''));
  const file = (actor: string, path: string) => asBytes(get(actor, path));
  const goalId = async (name: string) =>
    (await t.dataSource.query<{ id: string }[]>(`SELECT id FROM marketing_goals WHERE name = $1`, [name]))[0]
      ?.id ?? '';

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoGoalOutcomes(t.dataSource);
    // The CoE's lead reads Korean here, in Seoul.
    await t.dataSource.query(`UPDATE users SET locale = 'ko', time_zone = 'Asia/Seoul' WHERE email = $1`, [
      DEMO.reviewer,
    ]);
    for (const [key, email] of Object.entries({
      lead: DEMO.lead,
      finance: DEMO.finance,
      viewer: DEMO.viewer,
      korean: DEMO.reviewer,
      northwind: DEMO.northwindMember,
      southpeak: DEMO.southpeakMember,
    })) {
      who[key] = await t.login(email);
    }
    revenueGoalId = await goalId('Creator-led revenue');
    koreanGoalId = await goalId(`${new Date().getUTCFullYear()} 한국 브랜드 인지도`);
    koreaUnitId =
      (
        await t.dataSource.query<{ business_unit_id: string }[]>(
          `SELECT business_unit_id FROM marketing_goals WHERE id = $1`,
          [koreanGoalId],
        )
      )[0]?.business_unit_id ?? '';
    southpeakOnlyGoalId = await goalOutsideNorthwind(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('the goal dashboard', () => {
    it('should export the dashboard as CSV with the header block and the dashboard’s own figures', async () => {
      const dashboard = (await get('lead', `/api/goal-reports/${revenueGoalId}`)).body as GoalReportDto;

      const response = await get('lead', `/api/goal-reports/${revenueGoalId}/export?format=csv`);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="goal-report-creator-led-revenue-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(response.headers['cache-control']).toBe('private, no-store');
      const rows = csvRows(response);
      expect(rows[0]).toEqual(['Goal report', 'Creator-led revenue']);
      expect(rows).toContainEqual(['Status', 'Active']);
      expect(rows).toContainEqual(['Filters', 'none']);
      expect(rows.find((row) => row[0] === 'Exported by')?.[1]).toBe('Lee Social Lead <lead@demo.local>');
      expect(rows.find((row) => row[0] === 'Exported at')?.[1]).toMatch(/\d{4}.*UTC$/);
      expect(rows.find((row) => row[0] === 'Figures')?.[1]).toMatch(/^through .+; newest figure written /);
      const kpi = rows.findIndex((row) => row[0] === 'KPI' && row[1] === 'Target');
      expect(rows[kpi + 1]?.slice(0, 3)).toEqual([
        'Revenue',
        '250000.00',
        (dashboard.kpi.actual / 100).toFixed(2),
      ]);
      expect(rows[kpi + 1]?.[6]).toBe(dashboard.pace?.status === 'behind' ? 'Behind' : rows[kpi + 1]?.[6]);
      const byDay = rows.findIndex((row) => row[0] === 'From' && row[1] === 'Actual');
      expect(rows[byDay - 1]?.[0]).toMatch(/^KPI by (day|week)$/);
      expect(rows.slice(byDay + 1, byDay + 1 + dashboard.kpi.points.length).map((row) => row[0])).toEqual(
        dashboard.kpi.points.map((point) => point.date),
      );
      expect(rows).toContainEqual(['Contributing deliverables']);
    });

    it('should export XLSX with a sheet per table and amounts as numbers in their currency’s format', async () => {
      const dashboard = (await get('finance', `/api/goal-reports/${revenueGoalId}`)).body as GoalReportDto;

      const response = await file('finance', `/api/goal-reports/${revenueGoalId}/export?format=xlsx`);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as Buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'About',
        'KPI',
        expect.stringMatching(/^KPI by (day|week)$/),
        'Spend',
        'Cost per result',
        'By agency',
        'By channel',
        'By funnel stage',
        'Contributing deliverables',
      ]);
      const spend = workbook.getWorksheet('Spend');
      expect(dashboard.spend.length).toBeGreaterThan(0);
      dashboard.spend.forEach((figures, index) => {
        const row = spend?.getRow(index + 2);
        expect(row?.getCell(1).value).toBe(figures.currency);
        expect(row?.getCell(2).value).toBe(
          figures.currency === 'KRW' ? figures.allocatedMinor : figures.allocatedMinor / 100,
        );
        expect(row?.getCell(2).numFmt).toBe(figures.currency === 'KRW' ? '#,##0' : '#,##0.00');
      });
      const kpi = workbook.getWorksheet('KPI');
      expect(kpi?.getCell('B2').value).toBe(250_000);
      expect(kpi?.getCell('B2').numFmt).toBe('#,##0.00');
      expect(kpi?.getCell('C2').value).toBe(dashboard.kpi.actual / 100);
      expect(typeof kpi?.getCell('D2').value).toBe('number');
      expect(kpi?.getCell('D2').numFmt).toBe('0.0%');
    });

    it('should print a Korean reader’s PDF in Korean, with the KPI chart and the goal’s Korean name', async () => {
      const response = await file('korean', `/api/goal-reports/${koreanGoalId}/export?format=pdf`);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="goal-report-\d{4}-\d{4}-\d{2}-\d{2}\.pdf"$/,
      );
      const pdf = response.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const { pages } = await pdfText(pdf);
      const text = pages.join(' ').replace(/\s+/g, ' ');
      expect(text).toContain('한국 브랜드 인지도');
      expect(text).toContain('목표 보고서');
      expect(text).toContain('KPI: 목표 대비 실적');
      expect(text).toContain('누적 실적');
      expect(text).toContain('기여한 산출물');
      expect(text).toContain('내보낸 사람');
    }, 60_000);

    it('should let a viewer export what it reads: the figures and the allocation it sees on screen', async () => {
      const dashboard = (await get('viewer', `/api/goal-reports/${revenueGoalId}`)).body as GoalReportDto;

      const response = await file('viewer', `/api/goal-reports/${revenueGoalId}/export?format=xlsx`);

      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as Buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name).includes('Spend')).toBe(dashboard.spendVisible);
      expect(workbook.getWorksheet('KPI')?.getCell('C2').value).toBe(dashboard.kpi.actual / 100);
    });

    it('should give an agency its own work only, and 404 for a goal only another agency serves', async () => {
      const own = await get('northwind', `/api/goal-reports/${koreanGoalId}/export?format=csv`);
      expect(own.status).toBe(200);
      expect(csvRows(own)).toContainEqual(['Scope', 'Your agency’s work only']);

      expect(
        (await get('northwind', `/api/goal-reports/${southpeakOnlyGoalId}/export?format=csv`)).status,
      ).toBe(404);
    });

    it('should answer 401 without a session, 400 for an unknown format or id and 404 for an unknown goal', async () => {
      expect((await t.http().get(`/api/goal-reports/${revenueGoalId}/export?format=csv`)).status).toBe(401);
      const badFormat = await get('lead', `/api/goal-reports/${revenueGoalId}/export?format=docx`);
      expect(badFormat.status).toBe(400);
      expect((badFormat.body as { code: string }).code).toBe('validation_failed');
      expect((await get('lead', `/api/goal-reports/${revenueGoalId}/export`)).status).toBe(400);
      expect((await get('lead', '/api/goal-reports/not-a-uuid/export?format=csv')).status).toBe(400);
      expect(
        (await get('lead', '/api/goal-reports/00000000-0000-4000-8000-000000000000/export?format=csv'))
          .status,
      ).toBe(404);
    });
  });

  describe('the goal overview', () => {
    it('should export the goals the filters select, naming the filters in the header', async () => {
      const list = await get(
        'lead',
        `/api/goal-reports?businessUnitId=${koreaUnitId}&status=active&limit=100`,
      );
      const names = (list.body as { items: { name: string }[] }).items.map((goal) => goal.name);

      const response = await get(
        'lead',
        `/api/goal-reports/export?format=csv&businessUnitId=${koreaUnitId}&status=active`,
      );

      expect(response.status).toBe(200);
      expect(response.headers['content-disposition']).toMatch(
        /filename="goal-overview-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const rows = csvRows(response);
      expect(rows[0]?.[0]).toBe('Goal overview');
      expect(rows.find((row) => row[0] === 'Filters')?.[1]).toBe(
        `Business unit: ${rows[0]?.[1]}; Status: Active`,
      );
      const header = rows.findIndex((row) => row[0] === 'Goal');
      const goals = [...new Set(rows.slice(header + 1).map((row) => row[0]))];
      expect(goals.sort()).toEqual([...names].sort());
      expect(goals.length).toBeGreaterThan(0);
    });

    it('should export XLSX and PDF for a viewer', async () => {
      const xlsx = await file('viewer', '/api/goal-reports/export?format=xlsx');
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as Buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['About', 'Goals']);
      const pdf = await file('viewer', '/api/goal-reports/export?format=pdf');
      expect(pdf.status).toBe(200);
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it.each(['northwind', 'southpeak'])('should refuse the overview export to %s (403)', async (actor) => {
      expect((await get(actor, '/api/goal-reports/export?format=csv')).status).toBe(403);
    });

    it('should answer 404 for a unit filter that does not exist and 400 for a bad filter', async () => {
      expect(
        (
          await get(
            'lead',
            '/api/goal-reports/export?format=csv&businessUnitId=00000000-0000-4000-8000-000000000000',
          )
        ).status,
      ).toBe(404);
      expect((await get('lead', '/api/goal-reports/export?format=csv&status=sleeping')).status).toBe(400);
    });
  });
});
