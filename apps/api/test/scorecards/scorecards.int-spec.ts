import type { AgencyScorecardDto, GoalDto, ScorecardPage } from '@agency-portal/shared';
import { quarterOf, shiftQuarter } from '@agency-portal/shared';
import { randomUUID } from 'node:crypto';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

/**
 * Scorecards on a small hand-checked dataset in 2025-Q1, a quarter the demo leaves empty.
 * The briefs were sent on 1 January 2025, 00:00 UTC.
 *
 * Northwind (KRW), brief B1 (completed, estimate ₩1,000,000), goal "Scorecard reach" (impressions):
 * | deliverable | due    | versions: submitted → decision                                  | delivered   |
 * | D1          | 20 Jan | v1 6 Jan → approve +10 h                                         | on time, first pass |
 * | D2          | 10 Feb | v1 11 Jan → changes +24 h; v2 9 Feb → approve +12 h               | on time, 1 round |
 * | D3          | 15 Feb | v1 21 Jan → changes +48 h; v2 14 Feb → changes +48 h; v3 20 Feb → approve +6 h | late, 2 rounds |
 * | D4          | 1 Mar  | v1 31 Jan, still in review                                       | not delivered, past due: late |
 * | D6 (cancelled brief B2, estimate ₩5,000,000) | 1 Feb | v1 5 Jan → approve | left out |
 *
 * On time 2 of 4 = 50 %; first pass 1 of 3 approved; revision rounds 3 ÷ 3 = 1.0; days to first
 * version 5, 10, 20, 30 → median 15; ended reviews 10, 24, 12, 48, 48, 6 h → median 18 h.
 * Budget (KRW): committed 1,000,000; invoiced (paid invoice, D1 400,000 + D2 500,000 + D3 300,000)
 * 1,200,000 → variance +200,000 (+20 %); a rejected invoice's line for D4 does not count.
 * KPI: D1 30,000 impressions on 10 March (99,999 on 2 April are the next quarter's), D2 6,000 →
 * 36,000 per ₩1,200,000 of approved spend = 30 per ₩1,000.
 *
 * Southpeak (IDR): S1 and S2 each approved first time on time: 2 deliverables, below the minimum
 * sample of 3, so its rates say "too little data" (null), not 100 %.
 */
describe('scorecards: figures, sorting and authorization', () => {
  let t: TestApp;
  const who: Record<string, SignedIn> = {};
  let northwindId: string;
  let southpeakId: string;
  let goalId: string;
  const Q = '2025-Q1';

  const get = (actor: string, path: string) =>
    t
      .http()
      .get(path)
      .set(bearer(who[actor]?.accessToken ?? ''));

  async function contractOf(agencyId: string): Promise<{ id: string; currency: string }> {
    const rows: { id: string; currency: string }[] = await t.dataSource.query(
      `SELECT id, currency FROM contracts WHERE agency_id = $1 AND status = 'active' ORDER BY created_at LIMIT 1`,
      [agencyId],
    );
    return rows[0];
  }

  async function brief(contractId: string, status: string, estimate: number): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO briefs (contract_id, title, channels, funnel_stage, due_date, budget_estimate_minor, status,
                           created_by, sent_at, answered_at)
       VALUES ($1, 'Scorecard brief', '{instagram}', 'awareness', '2025-03-31', $2, $3, $4,
               '2025-01-01T00:00:00Z', '2025-01-01T02:00:00Z') RETURNING id`,
      [contractId, estimate, status, who['lead']?.userId],
    );
    const id = rows[0].id;
    await t.dataSource.query(`INSERT INTO brief_goals (brief_id, goal_id) VALUES ($1, $2)`, [id, goalId]);
    return id;
  }

  interface VersionSeed {
    at: string;
    decision?: { decision: 'approve' | 'request_changes'; afterHours: number };
  }

  async function deliverable(
    briefId: string,
    dueDate: string,
    status: 'approved' | 'published' | 'in_review',
    uploader: string,
    versions: VersionSeed[],
  ): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO deliverables (brief_id, title, channel, due_date, status, current_step)
       VALUES ($1, 'Scorecard post', 'instagram', $2, 'draft', NULL) RETURNING id`,
      [briefId, dueDate],
    );
    const id = rows[0].id;
    let current = '';
    for (const [index, seed] of versions.entries()) {
      const made: { id: string }[] = await t.dataSource.query(
        `INSERT INTO deliverable_versions (deliverable_id, number, uploaded_by, submitted_at)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [id, index + 1, uploader, seed.at],
      );
      current = made[0].id;
      if (seed.decision) {
        await t.dataSource.query(
          `INSERT INTO approval_decisions (version_id, step_index, step_name, approver_id, decision, comment, decided_at)
           VALUES ($1, 0, 'Lead review', $2, $3, $4, CAST($5 AS timestamptz) + make_interval(hours => $6))`,
          [
            current,
            who['lead']?.userId,
            seed.decision.decision,
            seed.decision.decision === 'approve' ? null : 'Tighten the copy.',
            seed.at,
            seed.decision.afterHours,
          ],
        );
      }
    }
    await t.dataSource.query(
      `UPDATE deliverables SET status = $2, current_version_id = $3,
              current_step = CASE WHEN $2 = 'in_review' THEN 0 END,
              published_at = CASE WHEN $2 = 'published' THEN CAST('2025-02-20T00:00:00Z' AS timestamptz) END,
              post_url = CASE WHEN $2 = 'published' THEN 'https://www.instagram.com/p/' || left(id::text, 8) || '/' END
        WHERE id = $1`,
      [id, status, current],
    );
    return id;
  }

  async function invoice(
    agencyId: string,
    contractId: string,
    status: 'paid' | 'rejected',
    lines: { deliverableId: string; amount: number }[],
  ): Promise<void> {
    const submitter = who[agencyId === northwindId ? 'northwind' : 'southpeak']?.userId;
    const files: { id: string }[] = await t.dataSource.query(
      `INSERT INTO stored_files (storage_key, original_name, content_type, size_bytes, sha256, uploaded_by)
       VALUES ($1, 'invoice.pdf', 'application/pdf', 10, repeat('0', 64), $2) RETURNING id`,
      [`test/${randomUUID()}.pdf`, submitter],
    );
    const net = lines.reduce((sum, line) => sum + line.amount, 0);
    const made: { id: string }[] = await t.dataSource.query(
      `INSERT INTO invoices (agency_id, contract_id, number, issue_date, due_date, currency, net_minor, tax_rate_bp,
                             tax_minor, gross_minor, status, approvals_required, document_id, submitted_by,
                             payment_date, payment_reference, rejection_reason)
       SELECT $1, $2, $3, '2025-03-15', '2025-04-15', c.currency, $4, 0, 0, $4, $5, 1, $6, $7,
              CASE WHEN $5 = 'paid' THEN CAST('2025-04-01' AS date) END,
              CASE WHEN $5 = 'paid' THEN 'TRF-1' END,
              CASE WHEN $5 = 'rejected' THEN 'Not agreed.' END
         FROM contracts c WHERE c.id = $2 RETURNING id`,
      [agencyId, contractId, `SC-${randomUUID().slice(0, 8)}`, net, status, files[0]?.id, submitter],
    );
    for (const [position, line] of lines.entries()) {
      await t.dataSource.query(
        `INSERT INTO invoice_lines (invoice_id, position, item_code, description, unit, quantity, unit_price_minor,
                                    rate_card_price_minor, amount_minor, deliverable_id, goal_id, live)
         VALUES ($1, $2, 'POST', 'Post', 'deliverable', 1, $3, $3, $3, $4, $5, $6)`,
        [made[0]?.id, position, line.amount, line.deliverableId, goalId, status === 'paid'],
      );
    }
  }

  async function metrics(
    rows: { deliverableId: string; date: string; impressions: number }[],
  ): Promise<void> {
    const imports: { id: string }[] = await t.dataSource.query(
      `INSERT INTO metric_imports (source, status, created_by) VALUES ('api', 'imported', $1) RETURNING id`,
      [who['lead']?.userId],
    );
    for (const row of rows) {
      await t.dataSource.query(
        `INSERT INTO performance_metrics (deliverable_id, metric_date, channel, impressions, import_id)
         VALUES ($1, $2, 'instagram', $3, $4)`,
        [row.deliverableId, row.date, row.impressions, imports[0]?.id],
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const [key, email] of Object.entries({
      admin: DEMO.admin,
      lead: DEMO.lead,
      reviewer: DEMO.reviewer,
      finance: DEMO.finance,
      viewer: DEMO.viewer,
      northwind: DEMO.northwindMember,
      northwindAdmin: DEMO.northwindAdmin,
      southpeak: DEMO.southpeakMember,
      southpeakAdmin: DEMO.southpeakAdmin,
    })) {
      who[key] = await t.login(email);
    }
    northwindId = await t.agencyId('Northwind Social');
    southpeakId = await t.agencyId('Southpeak Media');
    const nw = await contractOf(northwindId);
    const sp = await contractOf(southpeakId);
    const units: { business_unit_id: string }[] = await t.dataSource.query(
      `SELECT business_unit_id FROM contracts WHERE id = $1`,
      [nw.id],
    );
    const created = await t
      .http()
      .post('/api/goals')
      .set(bearer(who['lead']?.accessToken ?? ''))
      .send({
        businessUnitId: units[0]?.business_unit_id,
        ownerId: who['lead']?.userId,
        name: 'Scorecard reach',
        kpiMetric: 'impressions',
        targetValue: 100_000,
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        channels: ['instagram'],
        funnelStage: 'awareness',
        status: 'active',
      });
    expect(created.status).toBe(201);
    goalId = (created.body as GoalDto).id;

    const nwUser = who['northwind']?.userId ?? '';
    const b1 = await brief(nw.id, 'completed', 1_000_000);
    const d1 = await deliverable(b1, '2025-01-20', 'published', nwUser, [
      { at: '2025-01-06T00:00:00Z', decision: { decision: 'approve', afterHours: 10 } },
    ]);
    const d2 = await deliverable(b1, '2025-02-10', 'published', nwUser, [
      { at: '2025-01-11T00:00:00Z', decision: { decision: 'request_changes', afterHours: 24 } },
      { at: '2025-02-09T00:00:00Z', decision: { decision: 'approve', afterHours: 12 } },
    ]);
    const d3 = await deliverable(b1, '2025-02-15', 'approved', nwUser, [
      { at: '2025-01-21T00:00:00Z', decision: { decision: 'request_changes', afterHours: 48 } },
      { at: '2025-02-14T00:00:00Z', decision: { decision: 'request_changes', afterHours: 48 } },
      { at: '2025-02-20T00:00:00Z', decision: { decision: 'approve', afterHours: 6 } },
    ]);
    const d4 = await deliverable(b1, '2025-03-01', 'in_review', nwUser, [{ at: '2025-01-31T00:00:00Z' }]);
    const b2 = await brief(nw.id, 'cancelled', 5_000_000);
    await deliverable(b2, '2025-02-01', 'approved', nwUser, [
      { at: '2025-01-05T00:00:00Z', decision: { decision: 'approve', afterHours: 1 } },
    ]);
    await invoice(northwindId, nw.id, 'paid', [
      { deliverableId: d1, amount: 400_000 },
      { deliverableId: d2, amount: 500_000 },
      { deliverableId: d3, amount: 300_000 },
    ]);
    await invoice(northwindId, nw.id, 'rejected', [{ deliverableId: d4, amount: 999 }]);
    await metrics([
      { deliverableId: d1, date: '2025-03-10', impressions: 30_000 },
      { deliverableId: d1, date: '2025-04-02', impressions: 99_999 },
      { deliverableId: d2, date: '2025-03-11', impressions: 6_000 },
    ]);

    const spUser = who['southpeak']?.userId ?? '';
    const s = await brief(sp.id, 'completed', 2_000_000_00);
    await deliverable(s, '2025-02-01', 'approved', spUser, [
      { at: '2025-01-10T00:00:00Z', decision: { decision: 'approve', afterHours: 2 } },
    ]);
    await deliverable(s, '2025-03-01', 'approved', spUser, [
      { at: '2025-02-01T00:00:00Z', decision: { decision: 'approve', afterHours: 4 } },
    ]);
  });

  afterAll(async () => {
    await t.close();
  });

  async function page(actor: string, query: string): Promise<ScorecardPage> {
    const response = await get(actor, `/api/scorecards?${query}`);
    expect(response.status).toBe(200);
    return response.body as ScorecardPage;
  }

  it('should compute every figure of the hand-checked quarter when an in-house reader compares agencies', async () => {
    const result = await page('lead', `quarter=${Q}`);
    expect(result).toMatchObject({ quarter: Q, start: '2025-01-01', end: '2025-04-01', open: false });
    const northwind = result.items.find((row) => row.agencyId === northwindId);
    expect(northwind?.figures).toEqual({
      onTimeRate: { value: 0.5, count: 2, sample: 4 },
      firstPassRate: { value: 1 / 3, count: 1, sample: 3 },
      averageRevisionRounds: { value: 1, sample: 3 },
      medianDaysToFirstVersion: { value: 15, sample: 4 },
      medianReviewHours: { value: 18, sample: 6 },
      budgetVariance: [
        {
          currency: 'KRW',
          committedMinor: 1_000_000,
          invoicedMinor: 1_200_000,
          varianceMinor: 200_000,
          varianceRatio: 0.2,
        },
      ],
      kpiContribution: [
        {
          kpiMetric: 'impressions',
          currency: 'KRW',
          value: 36_000,
          approvedSpendMinor: 1_200_000,
          perThousand: 30,
        },
      ],
    });
  });

  it('should say too little data instead of a rate when an agency has fewer deliverables than the minimum', async () => {
    const result = await page('viewer', `quarter=${Q}`);
    const southpeak = result.items.find((row) => row.agencyId === southpeakId);
    expect(southpeak?.figures.onTimeRate).toEqual({ value: null, count: 2, sample: 2 });
    expect(southpeak?.figures.firstPassRate.value).toBeNull();
    expect(southpeak?.figures.medianReviewHours).toEqual({ value: null, sample: 2 });
    expect(southpeak?.figures.budgetVariance).toEqual([
      {
        currency: 'IDR',
        committedMinor: 2_000_000_00,
        invoicedMinor: 0,
        varianceMinor: -2_000_000_00,
        varianceRatio: -1,
      },
    ]);
  });

  it('should sort by a figure with too little data last in both directions when asked', async () => {
    for (const sort of ['onTimeRate', '-onTimeRate']) {
      const result = await page('finance', `quarter=${Q}&sort=${sort}`);
      expect(result.items.map((row) => row.agencyId).slice(0, 2)).toEqual([northwindId, southpeakId]);
    }
    const byName = await page('finance', `quarter=${Q}&sort=-name`);
    expect(byName.items.map((row) => row.agencyName)).toEqual(['Southpeak Media', 'Northwind Social']);
  });

  it('should page with a cursor and search by agency name when asked', async () => {
    const first = await page('admin', `quarter=${Q}&limit=1&sort=-medianReviewHours&withTotal=true`);
    expect(first.items).toHaveLength(1);
    expect(first.total).toEqual({ count: 2, exact: true });
    expect(first.nextCursor).not.toBeNull();
    const second = await page(
      'admin',
      `quarter=${Q}&limit=1&sort=-medianReviewHours&cursor=${first.nextCursor ?? ''}`,
    );
    expect(second.items.map((row) => row.agencyId)).toEqual([southpeakId]);
    expect(second.nextCursor).toBeNull();
    const wrongSort = await get(
      'admin',
      `/api/scorecards?quarter=${Q}&sort=name&cursor=${first.nextCursor ?? ''}`,
    );
    expect(wrongSort.status).toBe(400);
    const search = await page('admin', `quarter=${Q}&q=NORTH`);
    expect(search.items.map((row) => row.agencyId)).toEqual([northwindId]);
  });

  it('should give one agency its trend over the last quarters, oldest first, when asked', async () => {
    const response = await get('lead', `/api/scorecards/agencies/${northwindId}?quarter=2025-Q2&quarters=3`);
    expect(response.status).toBe(200);
    const body = response.body as AgencyScorecardDto;
    expect(body.agencyName).toBe('Northwind Social');
    expect(body.minimumSample).toBe(3);
    expect(body.quarters.map((quarter) => quarter.quarter)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(body.quarters[1]?.figures.onTimeRate.value).toBe(0.5);
    expect(body.quarters[0]?.figures.onTimeRate).toEqual({ value: null, count: 0, sample: 0 });
    // The April figures belong to 2025-Q2; the approved spend was invoiced in Q1.
    expect(body.quarters[2]?.figures.kpiContribution).toEqual([
      { kpiMetric: 'impressions', currency: 'KRW', value: 99_999, approvedSpendMinor: 0, perThousand: null },
    ]);
  });

  it('should default to the current quarter and refuse a malformed, future or too long range with 400', async () => {
    const current = await page('lead', '');
    expect(current.quarter).toBe(quarterOf(new Date()));
    expect(current.open).toBe(true);
    for (const path of [
      '/api/scorecards?quarter=2025-Q5',
      '/api/scorecards?quarter=2025-3',
      `/api/scorecards?quarter=${shiftQuarter(quarterOf(new Date()), 1)}`,
      '/api/scorecards?sort=budgetVariance',
      '/api/scorecards?limit=101',
      `/api/scorecards/agencies/${northwindId}?quarters=9`,
      `/api/scorecards/agencies/${northwindId}?quarters=0`,
      '/api/scorecards/agencies/not-a-uuid',
    ]) {
      const response = await get('lead', path);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect((response.body as { code: string }).code).toBe('validation_failed');
    }
  });

  describe('authorization', () => {
    const inHouse = ['admin', 'lead', 'reviewer', 'finance', 'viewer'];

    it('should let every in-house role compare and open both demo agencies when asked', async () => {
      for (const actor of inHouse) {
        const result = await page(actor, `quarter=${Q}`);
        expect({ actor, ids: result.items.map((row) => row.agencyId).sort() }).toEqual({
          actor,
          ids: [northwindId, southpeakId].sort(),
        });
        for (const agencyId of [northwindId, southpeakId]) {
          const detail = await get(actor, `/api/scorecards/agencies/${agencyId}`);
          expect({ actor, agencyId, status: detail.status }).toEqual({ actor, agencyId, status: 200 });
        }
      }
    });

    it("should show agency users only their own agency, and answer another agency's id like a missing one", async () => {
      const cases = [
        { actor: 'northwind', own: () => northwindId, other: () => southpeakId },
        { actor: 'northwindAdmin', own: () => northwindId, other: () => southpeakId },
        { actor: 'southpeak', own: () => southpeakId, other: () => northwindId },
        { actor: 'southpeakAdmin', own: () => southpeakId, other: () => northwindId },
      ];
      for (const { actor, own, other } of cases) {
        for (const sort of ['name', '-onTimeRate']) {
          const result = await page(actor, `quarter=${Q}&sort=${sort}&withTotal=true`);
          expect({ actor, ids: result.items.map((row) => row.agencyId) }).toEqual({ actor, ids: [own()] });
          expect(result.total?.count).toBe(1);
        }
        const searchOther = await page(
          actor,
          `quarter=${Q}&q=${actor.startsWith('north') ? 'south' : 'north'}`,
        );
        expect(searchOther.items).toEqual([]);
        const mine = await get(actor, `/api/scorecards/agencies/${own()}`);
        expect(mine.status).toBe(200);
        expect((mine.body as AgencyScorecardDto).agencyId).toBe(own());
        const theirs = await get(actor, `/api/scorecards/agencies/${other()}`);
        const missing = await get(actor, `/api/scorecards/agencies/${randomUUID()}`);
        expect(theirs.status).toBe(404);
        expect(missing.status).toBe(404);
        expect({ ...(theirs.body as object), correlationId: null }).toEqual({
          ...(missing.body as object),
          correlationId: null,
        });
      }
    });

    it('should refuse both routes without a sign-in', async () => {
      expect((await t.http().get('/api/scorecards')).status).toBe(401);
      expect((await t.http().get(`/api/scorecards/agencies/${northwindId}`)).status).toBe(401);
    });
  });
});
