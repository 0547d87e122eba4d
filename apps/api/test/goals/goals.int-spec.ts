import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  ContractDetailDto,
  CreateContractRequest,
  CreateGoalRequest,
  GoalDetailDto,
  GoalDto,
  InvitationDto,
  Page,
  UpdateGoalRequest,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

/**
 * Issue 3, marketing goals: who may create, edit and read them, which goals an agency sees,
 * the list filters, input rules, the goal page's contract allocations and the audit trail.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Actor =
  | 'admin'
  | 'lead'
  | 'reviewer'
  | 'finance'
  | 'viewer'
  | 'northwindAdmin'
  | 'northwindMember'
  | 'southpeakMember';

interface SeededGoals {
  krAwareness: string;
  krConversions: string;
  globalRevenue: string;
  idCommunity: string;
  krHoliday: string;
}

interface Fixture {
  tokens: Record<Actor, string>;
  koreaId: string;
  coeId: string;
  leadId: string;
  adminId: string;
  northwindId: string;
  southpeakId: string;
  northwindMemberId: string;
  inactiveInHouseId: string;
  goals: SeededGoals;
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_email: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface Counts {
  goals: number;
  audit: number;
}

describe('marketing goals', () => {
  let t: TestApp;
  let fx: Fixture;
  let sequence = 0;

  const next = (): number => ++sequence;

  async function counts(): Promise<Counts> {
    const rows: Counts[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM marketing_goals) AS goals,
              (SELECT count(*)::int FROM audit_events) AS audit`,
    );
    return rows[0];
  }

  async function auditOf(goalId: string): Promise<AuditRow[]> {
    return t.dataSource.query(
      `SELECT action, actor_id, actor_email, before, after FROM audit_events
        WHERE entity = 'goal' AND entity_id = $1 ORDER BY at, action`,
      [goalId],
    );
  }

  function goalInput(overrides: Partial<CreateGoalRequest> = {}): CreateGoalRequest {
    return {
      businessUnitId: fx.koreaId,
      ownerId: fx.leadId,
      name: `Test goal ${next()}`,
      description: 'Created by the goals suite.',
      kpiMetric: 'reach',
      targetValue: 1_000_000,
      periodStart: '2031-01-01',
      periodEnd: '2031-12-31',
      channels: ['instagram'],
      funnelStage: 'awareness',
      status: 'active',
      ...overrides,
    };
  }

  async function createGoal(overrides: Partial<CreateGoalRequest> = {}): Promise<GoalDto> {
    const response = await t.http().post('/api/goals').set(bearer(fx.tokens.lead)).send(goalInput(overrides));
    expect(response.status).toBe(201);
    return response.body as GoalDto;
  }

  async function createContract(
    agencyId: string,
    allocations: CreateContractRequest['allocations'],
    overrides: Partial<CreateContractRequest> = {},
  ): Promise<ContractDetailDto> {
    const body: CreateContractRequest = {
      agencyId,
      businessUnitId: fx.koreaId,
      ownerId: fx.leadId,
      reference: `GOALS-${next()}`,
      title: 'Goals suite contract',
      scope: 'Serving goals in tests.',
      startDate: '2031-01-01',
      endDate: '2098-12-31',
      currency: 'KRW',
      budgetCapMinor: 10_000_000,
      renewalNoticeDays: 30,
      internalNotes: 'Goals suite notes',
      rateCard: [{ code: 'REEL', description: 'Reel', unit: 'deliverable', unitPriceMinor: 100_000 }],
      allocations,
      ...overrides,
    };
    const response = await t.http().post('/api/contracts').set(bearer(fx.tokens.lead)).send(body);
    expect(response.status).toBe(201);
    return response.body as ContractDetailDto;
  }

  async function activate(contractId: string): Promise<void> {
    const upload = await t
      .http()
      .put(`/api/contracts/${contractId}/document`)
      .set(bearer(fx.tokens.lead))
      .attach('file', PDF, { filename: 'signed.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(200);
    const activated = await t
      .http()
      .post(`/api/contracts/${contractId}/activate`)
      .set(bearer(fx.tokens.lead));
    expect(activated.status).toBe(200);
  }

  function getAs(actor: Actor, path: string): Promise<Response> {
    return t.http().get(path).set(bearer(fx.tokens[actor]));
  }

  async function listAs(actor: Actor, query = ''): Promise<GoalDto[]> {
    const response = await getAs(actor, `/api/goals${query}`);
    expect(response.status).toBe(200);
    return (response.body as Page<GoalDto>).items;
  }

  const idsOf = (goals: readonly { id: string }[]): string[] => goals.map((goal) => goal.id);

  function fieldsOf(response: Response): string[] {
    return ((response.body as ApiErrorBody).details?.fields ?? []).map((field) => field.field);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const emails: Record<Actor, string> = {
      admin: DEMO.admin,
      lead: DEMO.lead,
      reviewer: DEMO.reviewer,
      finance: DEMO.finance,
      viewer: DEMO.viewer,
      northwindAdmin: DEMO.northwindAdmin,
      northwindMember: DEMO.northwindMember,
      southpeakMember: DEMO.southpeakMember,
    };
    const tokens = {} as Record<Actor, string>;
    for (const actor of Object.keys(emails) as Actor[]) {
      tokens[actor] = (await t.login(emails[actor])).accessToken;
    }
    // Each demo goal measures its own KPI, which names it in any language.
    const rows: { id: string; metric: string }[] = await t.dataSource.query(
      'SELECT id, kpi_metric AS metric FROM marketing_goals',
    );
    const goalId = (metric: string): string => {
      const row = rows.find((candidate) => candidate.metric === metric);
      if (!row) throw new Error(`seeded ${metric} goal missing`);
      return row.id;
    };
    const invitation = await t
      .http()
      .post('/api/users')
      .set(bearer(tokens.admin))
      .send({ email: 'former-lead@demo.local', name: 'Former Lead', role: 'social_lead' });
    expect(invitation.status).toBe(201);
    const inactiveInHouseId = (invitation.body as InvitationDto).user.id;
    const deactivated = await t
      .http()
      .post(`/api/users/${inactiveInHouseId}/deactivate`)
      .set(bearer(tokens.admin));
    expect(deactivated.status).toBe(200);
    fx = {
      tokens,
      koreaId: await t.unitId('Korea Consumer Marketing'),
      coeId: await t.unitId('Global Social Centre of Excellence'),
      leadId: await t.userId(DEMO.lead),
      adminId: await t.userId(DEMO.admin),
      northwindId: await t.agencyId('Northwind Social'),
      southpeakId: await t.agencyId('Southpeak Media'),
      northwindMemberId: await t.userId(DEMO.northwindMember),
      inactiveInHouseId,
      goals: {
        krAwareness: goalId('reach'),
        krConversions: goalId('conversions'),
        globalRevenue: goalId('revenue'),
        idCommunity: goalId('followers'),
        krHoliday: goalId('engagements'),
      },
    };
  });

  afterAll(async () => {
    await t.close();
  });

  describe('creating and editing', () => {
    it.each([
      ['lead', DEMO.lead],
      ['admin', DEMO.admin],
    ] as const)(
      'should create the goal and audit goal.created with the actor when %s posts a valid goal',
      async (actor, email) => {
        const input = goalInput({ channels: ['instagram', 'youtube'], funnelStage: 'consideration' });
        const before = await counts();

        const response = await t.http().post('/api/goals').set(bearer(fx.tokens[actor])).send(input);

        expect(response.status).toBe(201);
        const goal = response.body as GoalDto;
        expect(goal).toMatchObject({
          businessUnitId: fx.koreaId,
          businessUnitName: 'Korea Consumer Marketing',
          owner: { id: fx.leadId, email: DEMO.lead },
          name: input.name,
          kpiMetric: 'reach',
          targetValue: 1_000_000,
          targetCurrency: null,
          periodStart: '2031-01-01',
          periodEnd: '2031-12-31',
          channels: ['instagram', 'youtube'],
          funnelStage: 'consideration',
          status: 'active',
        });
        expect(await counts()).toEqual({ goals: before.goals + 1, audit: before.audit + 1 });
        const audit = await auditOf(goal.id);
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          action: 'goal.created',
          actor_id: await t.userId(email),
          actor_email: email,
          before: null,
          after: { name: input.name, targetValue: 1_000_000, status: 'active' },
        });
      },
    );

    it('should default the status to draft when a goal is created without one', async () => {
      const { status: _status, ...input } = goalInput();

      const response = await t.http().post('/api/goals').set(bearer(fx.tokens.lead)).send(input);

      expect(response.status).toBe(201);
      expect((response.body as GoalDto).status).toBe('draft');
    });

    it('should keep the currency when a revenue goal names its target currency', async () => {
      const response = await t
        .http()
        .post('/api/goals')
        .set(bearer(fx.tokens.lead))
        .send(goalInput({ kpiMetric: 'revenue', targetValue: 5_000_000, targetCurrency: 'KRW' }));

      expect(response.status).toBe(201);
      expect(response.body as GoalDto).toMatchObject({ kpiMetric: 'revenue', targetCurrency: 'KRW' });
    });

    it.each([
      ['lead', DEMO.lead],
      ['admin', DEMO.admin],
    ] as const)(
      'should update the goal and audit goal.updated with before and after when %s renames it',
      async (actor, email) => {
        const goal = await createGoal();
        const patch: UpdateGoalRequest = { name: `${goal.name} (renamed)`, targetValue: 2_000_000 };

        const response = await t
          .http()
          .patch(`/api/goals/${goal.id}`)
          .set(bearer(fx.tokens[actor]))
          .send(patch);

        expect(response.status).toBe(200);
        expect(response.body as GoalDetailDto).toMatchObject({ id: goal.id, ...patch, status: 'active' });
        const audit = await auditOf(goal.id);
        expect(audit.map((row) => row.action)).toEqual(['goal.created', 'goal.updated']);
        expect(audit[1]).toMatchObject({
          actor_id: await t.userId(email),
          actor_email: email,
          before: { name: goal.name, targetValue: 1_000_000 },
          after: { name: patch.name, targetValue: 2_000_000 },
        });
      },
    );

    it('should audit goal.status_changed with the actor when the status changes', async () => {
      const goal = await createGoal({ status: 'draft' });

      const response = await t
        .http()
        .patch(`/api/goals/${goal.id}`)
        .set(bearer(fx.tokens.lead))
        .send({ status: 'active' });

      expect(response.status).toBe(200);
      expect((response.body as GoalDto).status).toBe('active');
      const audit = await auditOf(goal.id);
      expect(audit[audit.length - 1]).toMatchObject({
        action: 'goal.status_changed',
        actor_id: fx.leadId,
        actor_email: DEMO.lead,
        before: { status: 'draft' },
        after: { status: 'active' },
      });
    });

    it('should drop the currency when a revenue goal becomes a reach goal', async () => {
      const goal = await createGoal({ kpiMetric: 'revenue', targetCurrency: 'USD' });

      const response = await t
        .http()
        .patch(`/api/goals/${goal.id}`)
        .set(bearer(fx.tokens.lead))
        .send({ kpiMetric: 'reach' });

      expect(response.status).toBe(200);
      expect(response.body as GoalDto).toMatchObject({ kpiMetric: 'reach', targetCurrency: null });
    });
  });

  describe('refusing bad input', () => {
    interface BadGoal {
      what: string;
      body: () => object;
      field: string;
    }

    const BAD_GOALS: BadGoal[] = [
      {
        what: 'the period ends before it starts',
        body: () => goalInput({ periodStart: '2031-06-01', periodEnd: '2031-05-31' }),
        field: 'periodEnd',
      },
      {
        what: 'a revenue goal has no target currency',
        body: () => goalInput({ kpiMetric: 'revenue' }),
        field: 'targetCurrency',
      },
      {
        what: 'a revenue goal has a null target currency',
        body: () => goalInput({ kpiMetric: 'revenue', targetCurrency: null }),
        field: 'targetCurrency',
      },
      {
        what: 'a reach goal has a target currency',
        body: () => goalInput({ kpiMetric: 'reach', targetCurrency: 'USD' }),
        field: 'targetCurrency',
      },
      {
        what: 'the currency is unknown',
        body: () => goalInput({ kpiMetric: 'revenue', targetCurrency: 'XYZ' }),
        field: 'targetCurrency',
      },
      {
        what: 'the currency is lower case',
        body: () => goalInput({ kpiMetric: 'revenue', targetCurrency: 'usd' }),
        field: 'targetCurrency',
      },
      {
        what: 'the owner is an agency user',
        body: () => goalInput({ ownerId: fx.northwindMemberId }),
        field: 'ownerId',
      },
      {
        what: 'the owner is a deactivated in-house user',
        body: () => goalInput({ ownerId: fx.inactiveInHouseId }),
        field: 'ownerId',
      },
      {
        what: 'the owner does not exist',
        body: () => goalInput({ ownerId: randomUUID() }),
        field: 'ownerId',
      },
      {
        what: 'the business unit does not exist',
        body: () => goalInput({ businessUnitId: randomUUID() }),
        field: 'businessUnitId',
      },
      { what: 'the target is 0', body: () => goalInput({ targetValue: 0 }), field: 'targetValue' },
      { what: 'the target is 1.5', body: () => goalInput({ targetValue: 1.5 }), field: 'targetValue' },
      { what: 'the target is negative', body: () => goalInput({ targetValue: -10 }), field: 'targetValue' },
      {
        what: 'the target is a string',
        body: () => ({ ...goalInput(), targetValue: '1000' }),
        field: 'targetValue',
      },
      {
        what: 'the KPI is unknown',
        body: () => ({ ...goalInput(), kpiMetric: 'likes' }),
        field: 'kpiMetric',
      },
      { what: 'there are no channels', body: () => goalInput({ channels: [] }), field: 'channels' },
      {
        what: 'a channel is unknown',
        body: () => ({ ...goalInput(), channels: ['myspace'] }),
        field: 'channels',
      },
      {
        what: 'a date does not exist',
        body: () => goalInput({ periodStart: '2031-02-30' }),
        field: 'periodStart',
      },
      { what: 'the name is blank', body: () => goalInput({ name: '   ' }), field: 'name' },
      {
        what: 'an unknown field is sent',
        body: () => ({ ...goalInput(), agencyId: fx.northwindId }),
        field: 'agencyId',
      },
    ];

    it.each(BAD_GOALS)(
      'should answer 400 on $field and write nothing when $what',
      async ({ body, field }: BadGoal) => {
        const before = await counts();

        const response = await t.http().post('/api/goals').set(bearer(fx.tokens.lead)).send(body());

        expect(response.status).toBe(400);
        expect((response.body as ApiErrorBody).code).toBe('validation_failed');
        expect(fieldsOf(response)).toContain(field);
        expect(await counts()).toEqual(before);
      },
    );

    interface BadPatch {
      what: string;
      body: () => object;
      status: number;
      code: string;
      field?: string;
    }

    const BAD_PATCHES: BadPatch[] = [
      {
        what: 'the new end falls before the stored start',
        body: () => ({ periodEnd: '2030-12-31' }),
        status: 400,
        code: 'validation_failed',
        field: 'periodEnd',
      },
      {
        what: 'the goal becomes a revenue goal without a currency',
        body: () => ({ kpiMetric: 'revenue' }),
        status: 400,
        code: 'validation_failed',
        field: 'targetCurrency',
      },
      {
        what: 'the new owner is an agency user',
        body: () => ({ ownerId: fx.northwindMemberId }),
        status: 400,
        code: 'validation_failed',
        field: 'ownerId',
      },
      {
        what: 'the target becomes 0',
        body: () => ({ targetValue: 0 }),
        status: 400,
        code: 'validation_failed',
        field: 'targetValue',
      },
    ];

    it.each(BAD_PATCHES)(
      'should answer $status and change nothing when $what',
      async ({ body, status, code, field }: BadPatch) => {
        const goal = await createGoal();
        const before = await counts();

        const response = await t
          .http()
          .patch(`/api/goals/${goal.id}`)
          .set(bearer(fx.tokens.lead))
          .send(body());

        expect(response.status).toBe(status);
        expect((response.body as ApiErrorBody).code).toBe(code);
        if (field) expect(fieldsOf(response)).toContain(field);
        expect(await counts()).toEqual(before);
        const stored = await getAs('lead', `/api/goals/${goal.id}`);
        expect(stored.body as GoalDetailDto).toMatchObject({
          owner: { id: fx.leadId },
          kpiMetric: 'reach',
          targetValue: goal.targetValue,
          periodEnd: goal.periodEnd,
          updatedAt: goal.updatedAt,
        });
      },
    );

    it('should answer 409 invalid_state and change nothing when a goal allocated to a contract moves unit', async () => {
      const goal = await createGoal();
      await createContract(fx.northwindId, [{ goalId: goal.id, percent: 10 }]);
      const before = await counts();

      const response = await t
        .http()
        .patch(`/api/goals/${goal.id}`)
        .set(bearer(fx.tokens.lead))
        .send({ businessUnitId: fx.coeId });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('invalid_state');
      expect(await counts()).toEqual(before);
      expect(((await getAs('lead', `/api/goals/${goal.id}`)).body as GoalDto).businessUnitId).toBe(
        fx.koreaId,
      );
    });

    it('should answer 404 and write nothing when the goal to edit does not exist', async () => {
      const before = await counts();

      const response = await t
        .http()
        .patch(`/api/goals/${randomUUID()}`)
        .set(bearer(fx.tokens.lead))
        .send({ name: 'Ghost' });

      expect(response.status).toBe(404);
      expect((response.body as ApiErrorBody).code).toBe('not_found');
      expect(await counts()).toEqual(before);
    });
  });

  describe('reading', () => {
    it.each(['reviewer', 'finance', 'viewer', 'lead', 'admin'] as const)(
      'should list every goal and open any of them when %s reads goals',
      async (actor) => {
        const all: { id: string }[] = await t.dataSource.query('SELECT id FROM marketing_goals');

        const goals = await listAs(actor);
        const detail = await getAs(actor, `/api/goals/${fx.goals.idCommunity}`);

        expect(idsOf(goals).sort()).toEqual(idsOf(all).sort());
        expect(detail.status).toBe(200);
        expect((detail.body as GoalDetailDto).id).toBe(fx.goals.idCommunity);
      },
    );

    it.each(['northwindAdmin', 'northwindMember'] as const)(
      "should list only the goals Northwind's non-draft contracts serve when %s lists goals",
      async (actor) => {
        const served: { goal_id: string }[] = await t.dataSource.query(
          `SELECT DISTINCT cg.goal_id FROM contract_goals cg JOIN contracts c ON c.id = cg.contract_id
            WHERE c.agency_id = $1 AND c.status <> 'draft'`,
          [fx.northwindId],
        );

        const goals = await listAs(actor);

        const ids = idsOf(goals);
        expect(ids).toEqual(expect.arrayContaining([fx.goals.krAwareness, fx.goals.krConversions]));
        expect(ids).not.toContain(fx.goals.globalRevenue);
        expect(ids).not.toContain(fx.goals.idCommunity);
        expect(ids).not.toContain(fx.goals.krHoliday);
        expect([...ids].sort()).toEqual(served.map((row) => row.goal_id).sort());
      },
    );

    it('should list the goals of Southpeak contracts in every non-draft state when a Southpeak member lists goals', async () => {
      const goals = await listAs('southpeakMember');

      const ids = idsOf(goals);
      expect(ids).toEqual(
        expect.arrayContaining([fx.goals.idCommunity, fx.goals.globalRevenue, fx.goals.krHoliday]),
      );
      expect(ids).not.toContain(fx.goals.krAwareness);
      expect(ids).not.toContain(fx.goals.krConversions);
    });

    it.each(['northwindAdmin', 'northwindMember'] as const)(
      'should open the Korea goals served by the active Northwind contract when %s asks',
      async (actor) => {
        const awareness = await getAs(actor, `/api/goals/${fx.goals.krAwareness}`);
        const conversions = await getAs(actor, `/api/goals/${fx.goals.krConversions}`);

        expect(awareness.status).toBe(200);
        expect(conversions.status).toBe(200);
        expect((awareness.body as GoalDetailDto).id).toBe(fx.goals.krAwareness);
      },
    );

    it.each([
      ['northwindMember', 'the CoE goal served only by the Northwind draft', 'globalRevenue'],
      ['northwindMember', 'a goal served only by Southpeak', 'idCommunity'],
      ['northwindAdmin', 'the CoE goal served only by the Northwind draft', 'globalRevenue'],
      ['northwindAdmin', 'a goal served only by Southpeak', 'idCommunity'],
    ] as const)(
      'should answer 404 exactly as for a missing goal when %s opens %s',
      async (actor, _what, goal) => {
        const hidden = await getAs(actor, `/api/goals/${fx.goals[goal]}`);
        const missing = await getAs(actor, `/api/goals/${randomUUID()}`);

        expect(hidden.status).toBe(404);
        expect((hidden.body as ApiErrorBody).code).toBe('not_found');
        expect(hidden.body).toEqual(missing.body);
      },
    );

    it('should show a goal to Northwind only once a Northwind contract serving it is active', async () => {
      const goal = await createGoal({ name: 'Goal waiting for signature' });
      const contract = await createContract(fx.northwindId, [{ goalId: goal.id, percent: 50 }]);
      const whileDraft = await getAs('northwindMember', `/api/goals/${goal.id}`);
      expect(whileDraft.status).toBe(404);
      expect(idsOf(await listAs('northwindMember'))).not.toContain(goal.id);

      await activate(contract.id);

      const afterActivation = await getAs('northwindMember', `/api/goals/${goal.id}`);
      expect(afterActivation.status).toBe(200);
      expect(idsOf(await listAs('northwindMember'))).toContain(goal.id);
      expect(idsOf(await listAs('southpeakMember'))).not.toContain(goal.id);
    });
  });

  describe('list filters', () => {
    it('should list only the unit’s goals when filtered by businessUnitId', async () => {
      const goals = await listAs('lead', `?businessUnitId=${fx.koreaId}`);

      expect(goals.length).toBeGreaterThan(0);
      expect(goals.every((goal) => goal.businessUnitId === fx.koreaId)).toBe(true);
      expect(idsOf(goals)).toEqual(
        expect.arrayContaining([fx.goals.krAwareness, fx.goals.krConversions, fx.goals.krHoliday]),
      );
      expect(idsOf(goals)).not.toContain(fx.goals.globalRevenue);
    });

    it('should list only goals in that status when filtered by status', async () => {
      const goals = await listAs('viewer', '?status=achieved');

      expect(goals.every((goal) => goal.status === 'achieved')).toBe(true);
      expect(idsOf(goals)).toContain(fx.goals.krHoliday);
      expect(idsOf(goals)).not.toContain(fx.goals.krAwareness);
    });

    it('should list only goals on that channel when filtered by channel', async () => {
      const goals = await listAs('finance', '?channel=kakao');

      expect(goals.every((goal) => goal.channels.includes('kakao'))).toBe(true);
      expect(idsOf(goals)).toContain(fx.goals.krAwareness);
      expect(idsOf(goals)).not.toContain(fx.goals.krConversions);
    });

    it('should combine the filters with the agency scope when Northwind filters by channel', async () => {
      const goals = await listAs('northwindMember', '?channel=web');

      expect(idsOf(goals)).toContain(fx.goals.krConversions);
      expect(idsOf(goals)).not.toContain(fx.goals.krAwareness);
      expect(goals.every((goal) => goal.channels.includes('web'))).toBe(true);
    });

    it('should list the goals whose period overlaps the range, ends included, when filtered by period', async () => {
      const q1 = await createGoal({ name: 'Q1 2040', periodStart: '2040-01-01', periodEnd: '2040-03-31' });
      const spring = await createGoal({
        name: 'Spring 2040',
        periodStart: '2040-03-15',
        periodEnd: '2040-06-30',
      });
      const h2 = await createGoal({ name: 'H2 2040', periodStart: '2040-07-01', periodEnd: '2040-12-31' });
      const decade = await createGoal({
        name: 'Decade',
        periodStart: '2039-01-01',
        periodEnd: '2041-12-31',
      });
      const query = (from: string, to: string) =>
        `?periodFrom=${from}&periodTo=${to}&businessUnitId=${fx.koreaId}`;

      const edges = await listAs('lead', query('2040-03-31', '2040-07-01'));
      const inside = await listAs('lead', query('2040-04-01', '2040-06-30'));
      const day = await listAs('lead', query('2040-07-01', '2040-07-01'));
      const fromOnly = await listAs('lead', `?periodFrom=2040-07-01&businessUnitId=${fx.koreaId}`);
      const early = await listAs('lead', '?periodFrom=2038-01-01&periodTo=2039-06-30');

      expect(idsOf(edges).sort()).toEqual([q1.id, spring.id, h2.id, decade.id].sort());
      expect(idsOf(inside).sort()).toEqual([spring.id, decade.id].sort());
      expect(idsOf(day).sort()).toEqual([h2.id, decade.id].sort());
      expect(idsOf(fromOnly).sort()).toEqual([h2.id, decade.id].sort());
      expect(idsOf(early)).toEqual([decade.id]);
    });

    it.each([
      ['status', '?status=finished'],
      ['channel', '?channel=myspace'],
      ['periodFrom', '?periodFrom=2040-02-30'],
      ['periodTo', '?periodTo=yesterday'],
      ['businessUnitId', '?businessUnitId=korea'],
    ])('should answer 400 on %s when the filter value is not valid', async (field, query) => {
      const response = await getAs('lead', `/api/goals${query}`);

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response)).toContain(field);
    });
  });

  describe('goal page', () => {
    it('should list every contract with its percent and floor of cap × percent / 100 when the lead opens a goal', async () => {
      const response = await getAs('lead', `/api/goals/${fx.goals.globalRevenue}`);

      expect(response.status).toBe(200);
      const goal = response.body as GoalDetailDto;
      const byAgencyStatus = goal.contracts.map((contract) => ({
        agency: contract.agencyName,
        status: contract.status,
        currency: contract.currency,
        percent: contract.percent,
        allocatedMinor: contract.allocatedMinor,
      }));
      expect(byAgencyStatus).toEqual(
        expect.arrayContaining([
          {
            agency: 'Northwind Social',
            status: 'draft',
            currency: 'USD',
            percent: 100,
            allocatedMinor: 12_000_000,
          },
          {
            agency: 'Southpeak Media',
            status: 'active',
            currency: 'IDR',
            percent: 20,
            allocatedMinor: 50_000_000_000,
          },
          {
            agency: 'Southpeak Media',
            status: 'terminated',
            currency: 'USD',
            percent: 10,
            allocatedMinor: 400_000,
          },
        ]),
      );
      expect(goal.contracts).toHaveLength(3);
    });

    it('should round the allocated share down to a whole minor unit when the cap does not divide evenly', async () => {
      const goal = await createGoal();
      const contract = await createContract(fx.northwindId, [{ goalId: goal.id, percent: 33 }], {
        currency: 'USD',
        budgetCapMinor: 1001,
      });

      const response = await getAs('lead', `/api/goals/${goal.id}`);

      expect(response.status).toBe(200);
      expect((response.body as GoalDetailDto).contracts).toEqual([
        expect.objectContaining({ contractId: contract.id, percent: 33, allocatedMinor: 330 }),
      ]);
      expect(contract.allocations).toEqual([
        expect.objectContaining({ goalId: goal.id, percent: 33, allocatedMinor: 330 }),
      ]);
    });

    it.each([
      // IDR 1,000,000,000,000.01 at 99 %: cap × percent no longer fits a double exactly.
      [100_000_000_000_001, 99],
      [Number.MAX_SAFE_INTEGER, 33],
    ])(
      'should round down exactly in integer arithmetic when the cap is %d minor units at %d %',
      async (cap, percent) => {
        const goal = await createGoal();
        const exact = Number((BigInt(cap) * BigInt(percent)) / 100n);
        const contract = await createContract(fx.northwindId, [{ goalId: goal.id, percent }], {
          currency: 'IDR',
          budgetCapMinor: cap,
        });

        const response = await getAs('lead', `/api/goals/${goal.id}`);

        expect(contract.budgetCapMinor).toBe(cap);
        expect((response.body as GoalDetailDto).contracts[0].allocatedMinor).toBe(exact);
        expect(contract.allocations[0].allocatedMinor).toBe(exact);
      },
    );

    describe('with contracts of both agencies in every visibility', () => {
      let goalId: string;
      let northwindDraftId: string;
      let northwindActiveId: string;
      let southpeakActiveId: string;

      beforeAll(async () => {
        goalId = (await createGoal({ name: 'Shared goal' })).id;
        northwindDraftId = (await createContract(fx.northwindId, [{ goalId, percent: 10 }])).id;
        northwindActiveId = (await createContract(fx.northwindId, [{ goalId, percent: 25 }])).id;
        southpeakActiveId = (
          await createContract(fx.southpeakId, [{ goalId, percent: 30 }], { budgetCapMinor: 3_333_333 })
        ).id;
        await activate(northwindActiveId);
        await activate(southpeakActiveId);
      });

      async function contractsOf(actor: Actor): Promise<GoalDetailDto['contracts']> {
        const response = await getAs(actor, `/api/goals/${goalId}`);
        expect(response.status).toBe(200);
        return (response.body as GoalDetailDto).contracts;
      }

      it('should show a reviewer every allocation but open none when no policy names reviewers', async () => {
        const contracts = await contractsOf('reviewer');

        expect(
          contracts.map((contract) => [contract.contractId, contract.percent, contract.mayOpen]).sort(),
        ).toEqual(
          [
            [northwindDraftId, 10, false],
            [northwindActiveId, 25, false],
            [southpeakActiveId, 30, false],
          ].sort(),
        );
        for (const id of [northwindDraftId, northwindActiveId, southpeakActiveId]) {
          expect((await getAs('reviewer', `/api/contracts/${id}`)).status).toBe(404);
        }
      });

      it.each(['lead', 'admin', 'finance'] as const)(
        'should list all three contracts when %s opens the goal page',
        async (actor) => {
          const contracts = await contractsOf(actor);

          expect(contracts.map((contract) => contract.contractId).sort()).toEqual(
            [northwindDraftId, northwindActiveId, southpeakActiveId].sort(),
          );
          expect(contracts.find((contract) => contract.contractId === southpeakActiveId)).toMatchObject({
            agencyId: fx.southpeakId,
            agencyName: 'Southpeak Media',
            status: 'active',
            currency: 'KRW',
            percent: 30,
            allocatedMinor: 999_999,
          });
        },
      );

      it.each(['northwindAdmin', 'northwindMember'] as const)(
        'should list only the active Northwind contract when %s opens the goal page',
        async (actor) => {
          const contracts = await contractsOf(actor);

          expect(contracts).toEqual([
            expect.objectContaining({
              contractId: northwindActiveId,
              agencyId: fx.northwindId,
              status: 'active',
              percent: 25,
              allocatedMinor: 2_500_000,
              mayOpen: true,
            }),
          ]);
        },
      );

      it('should list only the Southpeak contract when a Southpeak member opens the goal page', async () => {
        const contracts = await contractsOf('southpeakMember');

        expect(contracts.map((contract) => contract.contractId)).toEqual([southpeakActiveId]);
      });

      it('should show a viewer every allocation of the goal, as finance sees it, without opening contracts', async () => {
        const seen = await contractsOf('viewer');
        const finance = await contractsOf('finance');

        expect(seen).toHaveLength(3);
        expect(seen.map(({ mayOpen: _mayOpen, ...rest }) => rest)).toEqual(
          finance.map(({ mayOpen: _mayOpen, ...rest }) => rest),
        );
        expect(seen.reduce((sum, contract) => sum + contract.percent, 0)).toBe(65);
        expect(seen.every((contract) => !contract.mayOpen)).toBe(true);
        expect(finance.every((contract) => contract.mayOpen)).toBe(true);
      });
    });
  });
});
