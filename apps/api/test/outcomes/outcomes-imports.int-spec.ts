import type {
  ContractDetailDto,
  MetricImportDetailDto,
  MetricImportErrorDto,
  Page,
  StartImportRequest,
} from '@agency-portal/shared';
import { MAPPING_PRESETS, presetMapping, PRESET_SAMPLE_HEADERS } from '@agency-portal/shared';
import * as ExcelJS from 'exceljs';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';
import { acceptedBrief } from '../support/work';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const csv = (lines: string[][]) => Buffer.from(lines.map((cells) => cells.map(quote).join(',')).join('\r\n'));
const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

describe('outcomes: file imports', () => {
  let t: TestApp;
  let lead: SignedIn;
  let viewer: SignedIn;
  let northwind: SignedIn;
  let deliverable: string;
  let permalink: string;

  async function publishedDeliverable(): Promise<string> {
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = 'Northwind Social' AND c.status = 'active' ORDER BY c.reference LIMIT 1`,
    );
    const contract = (await t.http().get(`/api/contracts/${row?.id}`).set(bearer(lead.accessToken)))
      .body as ContractDetailDto;
    const brief = await acceptedBrief(t, contract, { lead: lead.accessToken, agency: northwind.accessToken });
    const id = brief.deliverables[0]?.id;
    permalink = `https://www.instagram.com/reel/C${id.slice(0, 8)}x/`;
    await t.dataSource.query(
      `UPDATE deliverables SET status = 'published', post_url = $2, published_at = now() - interval '20 days'
        WHERE id = $1`,
      [id, permalink],
    );
    return id;
  }

  async function upload(content: Buffer, name = 'metrics.csv', who = lead) {
    return t.http().post('/api/metric-imports').set(bearer(who.accessToken)).attach('file', content, name);
  }

  /** Uploads, starts and runs the job as the queue's workers would; answers the result. */
  async function importFile(
    content: Buffer,
    start: StartImportRequest,
    name = 'metrics.csv',
  ): Promise<MetricImportDetailDto> {
    const uploaded = await upload(content, name);
    expect(uploaded.status).toBe(201);
    const id = (uploaded.body as MetricImportDetailDto).id;
    const started = await t
      .http()
      .post(`/api/metric-imports/${id}/start`)
      .set(bearer(lead.accessToken))
      .send(start);
    expect(started.status).toBe(201);
    expect((started.body as MetricImportDetailDto).status).toBe('queued');
    await t.deliverEvents();
    const result = await t.http().get(`/api/metric-imports/${id}`).set(bearer(lead.accessToken));
    expect(result.status).toBe(200);
    return result.body as MetricImportDetailDto;
  }

  const storedRows = async (): Promise<number> =>
    Number(
      (
        await t.dataSource.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM performance_metrics WHERE deliverable_id = $1',
          [deliverable],
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    lead = await t.login(DEMO.lead);
    viewer = await t.login(DEMO.viewer);
    northwind = await t.login(DEMO.northwindMember);
    deliverable = await publishedDeliverable();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should import a good template file whole and show its progress and counts on the result', async () => {
    const header = ['deliverable', 'date', 'channel', 'impressions', 'reach', 'engagements', 'clicks'];
    const uploaded = await upload(
      csv([header, [deliverable, day(-3), 'instagram', '1,200', '900', '80', '7']]),
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      status: 'mapping',
      headers: header,
      suggestedPresetId: 'template',
    });

    const result = await importFile(
      csv([
        header,
        [deliverable, day(-3), 'instagram', '1,200', '900', '80', '7'],
        [deliverable, day(-2), 'instagram', '1500', '', '95', '9'],
        ['', '', '', '', '', '', ''],
        [deliverable, day(-1), '', '1700', '1000', '', ''],
      ]),
      { target: 'deliverables', presetId: 'template', columns: {} },
    );
    expect(result).toMatchObject({
      status: 'imported',
      progress: { total: 3, checked: 3, imported: 3 },
      counts: { inserted: 3, updated: 0, unchanged: 0, errors: 0 },
      errors: [],
    });
    expect(await storedRows()).toBe(3);
  });

  it('should refuse a file whole with its line errors and store nothing when any line is wrong', async () => {
    const before = await storedRows();
    const result = await importFile(
      csv([
        ['deliverable', 'date', 'impressions', 'clicks'],
        [deliverable, day(-6), '10', '1'],
        [deliverable, day(-60), '10', '1'],
        [deliverable, day(-7), '-3', 'many'],
        ['https://www.instagram.com/p/unknown/', day(-7), '1', '1'],
      ]),
      {
        target: 'deliverables',
        presetId: null,
        columns: { deliverable: 'deliverable', date: 'date', impressions: 'impressions', clicks: 'clicks' },
      },
    );
    expect(result.status).toBe('refused');
    expect(result.counts.errors).toBe(4);
    expect(result.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [3, 'date', 'date_before_publication'],
      [4, 'impressions', 'negative_value'],
      [4, 'clicks', 'not_a_number'],
      [5, 'deliverable', 'deliverable_not_found'],
    ]);
    expect(await storedRows()).toBe(before);
    const paged = await t
      .http()
      .get(`/api/metric-imports/${result.id}/errors?limit=3`)
      .set(bearer(lead.accessToken));
    const page = paged.body as Page<MetricImportErrorDto>;
    expect(page.items).toHaveLength(3);
    const rest = await t
      .http()
      .get(`/api/metric-imports/${result.id}/errors?limit=3&cursor=${page.nextCursor}`)
      .set(bearer(lead.accessToken));
    expect((rest.body as Page<MetricImportErrorDto>).items.map((error) => error.line)).toEqual([5]);
  });

  it('should find deliverables by their post link when a platform export names them so', async () => {
    const result = await importFile(
      csv([
        ['Post ID', 'Permalink', 'Date', 'Views', 'Reach', 'Likes', 'Comments', 'Shares', 'Saves'],
        [
          '1789',
          permalink,
          new Date(Date.now() - 4 * 86_400_000).toLocaleDateString('en-US'),
          '300',
          '250',
          '20',
          '3',
          '2',
          '1',
        ],
      ]),
      { target: 'deliverables', presetId: 'meta_instagram', columns: {} },
    );
    expect(result.status).toBe('imported');
    const [row] = await t.dataSource.query<{ impressions: number; engagements: number; channel: string }[]>(
      `SELECT impressions, engagements, channel FROM performance_metrics WHERE deliverable_id = $1 AND metric_date = $2`,
      [deliverable, day(-4)],
    );
    expect(row).toEqual({ impressions: 300, engagements: 26, channel: 'instagram' });
  });

  it.each(
    MAPPING_PRESETS.filter(
      (preset) => preset.targets.includes('deliverables') && PRESET_SAMPLE_HEADERS[preset.id],
    ).map((preset) => [preset.id, preset] as const),
  )(
    'should import a file with the columns of the %s export when its preset is chosen',
    async (_id, preset) => {
      const headers = [...PRESET_SAMPLE_HEADERS[preset.id]];
      const mapping = presetMapping(preset, headers);
      const row = headers.map((header) => {
        switch (mapping[header]) {
          case 'deliverable':
            return deliverable;
          case 'date':
            return day(-8);
          case 'channel':
            return 'instagram';
          case 'currency':
          case 'revenue':
            return '';
          case 'ignore':
          case undefined:
            return 'x';
          default:
            return '12';
        }
      });
      const lines = [...(preset.headerRow && preset.headerRow > 1 ? [['Report']] : []), headers, row];
      const result = await importFile(csv(lines), {
        target: 'deliverables',
        presetId: preset.id,
        columns: {},
        defaults: {
          ...(preset.dates === 'file' ? { date: day(-8) } : {}),
          ...(preset.needsCurrency ? { currency: 'KRW' } : {}),
        },
      });
      expect({ status: result.status, errors: result.errors }).toEqual({ status: 'imported', errors: [] });
      expect(result.counts.inserted + result.counts.updated + result.counts.unchanged).toBe(1);
    },
  );

  it('should import an XLSX workbook like a CSV file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Metrics');
    sheet.addRow(['deliverable', 'date', 'video_views', 'conversions']);
    sheet.addRow([deliverable, new Date(`${day(-9)}T00:00:00Z`), 4000, 3]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importFile(
      content,
      { target: 'deliverables', presetId: 'template', columns: {} },
      'metrics.xlsx',
    );
    expect(result).toMatchObject({ status: 'imported', fileType: 'xlsx', counts: { inserted: 1 } });
  });

  it('should import a goal’s own outcomes from the goal template', async () => {
    const [goal] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM marketing_goals WHERE kpi_metric <> 'revenue' AND period_start <= CURRENT_DATE - 3
          AND period_end >= CURRENT_DATE ORDER BY name LIMIT 1`,
    );
    const result = await importFile(
      csv([
        ['date', 'conversions', 'followers'],
        [day(-2), '31', '1200'],
        [day(-1), '35', ''],
      ]),
      { target: 'goal', goalId: goal?.id, presetId: 'goal_template', columns: {} },
    );
    expect(result).toMatchObject({ status: 'imported', counts: { inserted: 3 } });
  });

  it('should refuse a mapping that leaves a column unknown or misses the date, before anything is queued', async () => {
    const uploaded = await upload(
      csv([
        ['deliverable', 'likes'],
        [deliverable, '3'],
      ]),
    );
    const response = await t
      .http()
      .post(`/api/metric-imports/${(uploaded.body as MetricImportDetailDto).id}/start`)
      .set(bearer(lead.accessToken))
      .send({ target: 'deliverables', presetId: 'template', columns: {} });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('invalid_mapping');
    expect(response.body.details.columns.map((problem: { code: string }) => problem.code)).toEqual([
      'unknown_column',
      'missing_column',
      'no_value_columns',
    ]);
    expect(response.body.details.columns[0].message).toBe('Say what the column "likes" holds, or ignore it.');
  });

  it('should refuse a file that is neither CSV nor XLSX, by its content', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const response = await upload(png, 'metrics.csv');
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('unsupported_media_type');
    const noHeader = await upload(Buffer.from('just one cell\n'));
    expect(noHeader.status).toBe(422);
    expect(noHeader.body.code).toBe('unreadable_file');
  });

  it('should keep imports from agencies and viewers when asked', async () => {
    expect((await upload(csv([['a', 'b']]), 'x.csv', northwind)).status).toBe(403);
    expect((await upload(csv([['a', 'b']]), 'x.csv', viewer)).status).toBe(403);
    expect((await t.http().get('/api/metric-imports').set(bearer(northwind.accessToken))).status).toBe(403);
    const list = await t.http().get('/api/metric-imports?limit=2').set(bearer(lead.accessToken));
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
  });
});
