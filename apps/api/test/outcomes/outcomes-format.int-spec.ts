import type { MetricImportDetailDto, MetricImportFormatDto } from '@agency-portal/shared';
import { GOAL_TEMPLATE_COLUMNS, TARGET_FIELDS, TEMPLATE_COLUMNS } from '@agency-portal/shared';
import { asBytes, bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

/** The file format the upload and mapping screens show, and our templates to fill in. */
describe('outcomes: import format and templates', () => {
  let t: TestApp;
  let lead: SignedIn;
  let viewer: SignedIn;
  let agency: SignedIn;

  beforeAll(async () => {
    t = await createTestApp({ METRIC_IMPORT_MAX_BYTES: '2048' });
    lead = await t.login(DEMO.lead);
    viewer = await t.login(DEMO.viewer);
    agency = await t.login(DEMO.northwindMember);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should describe the deployment’s largest file and each target’s fields when a writer asks', async () => {
    const response = await t.http().get('/api/metric-imports/format').set(bearer(lead.accessToken));

    expect(response.status).toBe(200);
    const format = response.body as MetricImportFormatDto;
    expect(format.maxFileBytes).toBe(2048);
    expect(format.maxRows).toBe(200_000);
    expect(format.templates).toEqual({
      deliverables: [...TEMPLATE_COLUMNS],
      goal: [...GOAL_TEMPLATE_COLUMNS],
    });
    expect(format.fields.goal).toEqual([...TARGET_FIELDS.goal]);
  });

  it('should answer the template as a CSV whose header the template preset recognises when uploaded back', async () => {
    const response = await asBytes(
      t.http().get('/api/metric-imports/template?target=deliverables').set(bearer(lead.accessToken)),
    );

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="metrics-template.csv"');
    const body = response.body as Buffer;
    expect(body.toString('utf8')).toBe(`\uFEFF${TEMPLATE_COLUMNS.join(',')}\r\n`);

    const uploaded = await t
      .http()
      .post('/api/metric-imports')
      .set(bearer(lead.accessToken))
      .attach('file', body, 'metrics-template.csv');
    expect(uploaded.status).toBe(201);
    expect((uploaded.body as MetricImportDetailDto).suggestedPresetId).toBe('template');
  });

  it('should answer the goal template, and refuse an unknown target with 400', async () => {
    const goal = await t.http().get('/api/metric-imports/template?target=goal').set(bearer(lead.accessToken));
    expect(goal.status).toBe(200);
    expect(goal.headers['content-disposition']).toBe('attachment; filename="goal-outcomes-template.csv"');
    expect(goal.text).toBe(`\uFEFF${GOAL_TEMPLATE_COLUMNS.join(',')}\r\n`);

    const bad = await t.http().get('/api/metric-imports/template?target=sales').set(bearer(lead.accessToken));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('should refuse a file larger than the deployment allows with 413 and store nothing', async () => {
    const before = await t.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM metric_imports');
    const big = Buffer.from(`deliverable,date,impressions\r\n${'x,2026-01-01,1\r\n'.repeat(200)}`);

    const response = await t
      .http()
      .post('/api/metric-imports')
      .set(bearer(lead.accessToken))
      .attach('file', big, 'big.csv');

    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
    const after = await t.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM metric_imports');
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('should keep the format and the templates from people who cannot import', async () => {
    for (const who of [viewer, agency]) {
      expect((await t.http().get('/api/metric-imports/format').set(bearer(who.accessToken))).status).toBe(
        403,
      );
      expect((await t.http().get('/api/metric-imports/template').set(bearer(who.accessToken))).status).toBe(
        403,
      );
    }
  });
});
