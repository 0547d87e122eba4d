import type {
  ApiErrorBody,
  ContractDetailDto,
  CreateContractRequest,
  NotificationKind,
  NotificationListDto,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { ContractJobs, type LifecycleRun } from '../src/app/contracts/contract-jobs';
import { bearer, createTestApp, DEMO, type TestApp } from './support/test-app';

/**
 * The daily contract lifecycle run, called directly with chosen dates (jobs are off in tests).
 * Each case works in its own far-future years, so a run for one case never reaches the
 * contracts of a later one, whatever order the cases run in.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Fixture {
  leadToken: string;
  memberToken: string;
  koreaId: string;
  northwindId: string;
  leadId: string;
  financeId: string;
  northwindMemberId: string;
  northwindDraftId: string;
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_email: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

interface Terms {
  startDate: string;
  endDate: string;
  renewalNoticeDays?: number;
  ownerId?: string;
}

describe('contracts: daily lifecycle job', () => {
  let t: TestApp;
  let fx: Fixture;
  let sequence = 0;

  /** The job's run on `today`, and the notices it raised delivered as the queue would. */
  async function run(today: string): Promise<LifecycleRun> {
    const result = await t.app.get(ContractJobs).runDailyLifecycle(today);
    await t.deliverEvents();
    return result;
  }

  function asLead(method: 'get' | 'post' | 'patch' | 'put', path: string) {
    return t.http()[method](path).set(bearer(fx.leadToken));
  }

  async function createDraft(terms: Terms): Promise<string> {
    const body: CreateContractRequest = {
      agencyId: fx.northwindId,
      businessUnitId: fx.koreaId,
      ownerId: terms.ownerId ?? fx.leadId,
      reference: `JOB-${++sequence}`,
      title: `Lifecycle contract ${sequence}`,
      scope: 'Lifecycle job cases.',
      startDate: terms.startDate,
      endDate: terms.endDate,
      currency: 'USD',
      budgetCapMinor: 1_000_000,
      renewalNoticeDays: terms.renewalNoticeDays ?? 30,
      rateCard: [],
      allocations: [],
    };
    const response = await asLead('post', '/api/contracts').send(body);
    expect(response.status).toBe(201);
    return (response.body as ContractDetailDto).id;
  }

  async function createActive(terms: Terms): Promise<string> {
    const id = await createDraft(terms);
    const upload = await asLead('put', `/api/contracts/${id}/document`).attach('file', PDF, {
      filename: 'signed.pdf',
      contentType: 'application/pdf',
    });
    expect(upload.status).toBe(200);
    const activated = await asLead('post', `/api/contracts/${id}/activate`);
    expect(activated.status).toBe(200);
    return id;
  }

  async function statusOf(id: string): Promise<string> {
    const response = await asLead('get', `/api/contracts/${id}`);
    expect(response.status).toBe(200);
    return (response.body as ContractDetailDto).status;
  }

  /** Recipients of the notices of one kind about one contract, one entry per notice. */
  async function recipients(contractId: string, kind: NotificationKind): Promise<string[]> {
    const rows: { user_id: string }[] = await t.dataSource.query(
      `SELECT user_id FROM notifications WHERE entity_id = $1 AND kind = $2 ORDER BY user_id`,
      [contractId, kind],
    );
    return rows.map((row) => row.user_id);
  }

  async function auditOf(contractId: string, action: string): Promise<AuditRow[]> {
    return t.dataSource.query(
      `SELECT action, actor_id, actor_email, before, after FROM audit_events
        WHERE entity = 'contract' AND entity_id = $1 AND action = $2`,
      [contractId, action],
    );
  }

  async function activeNorthwindUsers(): Promise<string[]> {
    const rows: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM users WHERE agency_id = $1 AND active ORDER BY id',
      [fx.northwindId],
    );
    return rows.map((row) => row.id);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const lead = await t.login(DEMO.lead);
    const member = await t.login(DEMO.northwindMember);
    const drafts: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = 'Northwind Social' AND c.status = 'draft'`,
    );
    fx = {
      leadToken: lead.accessToken,
      memberToken: member.accessToken,
      koreaId: await t.unitId('Korea Consumer Marketing'),
      northwindId: await t.agencyId('Northwind Social'),
      leadId: lead.userId,
      financeId: await t.userId(DEMO.finance),
      northwindMemberId: member.userId,
      northwindDraftId: drafts[0].id,
    };
  });

  afterAll(async () => {
    await t.close();
  });

  it('should expire an active contract, audit contract.expired without an actor and notify owner and agency when its end date has passed', async () => {
    const id = await createActive({
      startDate: '2060-01-01',
      endDate: '2060-06-30',
      ownerId: fx.financeId,
    });

    await run('2060-07-01');

    expect(await statusOf(id)).toBe('expired');
    const audit = await auditOf(id, 'contract.expired');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: null,
      actor_email: null,
      before: { status: 'active' },
      after: { status: 'expired' },
    });
    expect(await recipients(id, 'contract_expired')).toEqual(
      [fx.financeId, ...(await activeNorthwindUsers())].sort(),
    );
    const inbox = await t.http().get('/api/notifications').set(bearer(fx.memberToken));
    expect((inbox.body as NotificationListDto).items).toContainEqual(
      expect.objectContaining({ kind: 'contract_expired', link: `/contracts/${id}`, readAt: null }),
    );
  });

  it('should keep a contract active on its last day and expire it the day after', async () => {
    const id = await createActive({ startDate: '2062-01-01', endDate: '2062-06-30', renewalNoticeDays: 0 });

    await run('2062-06-30');
    const onLastDay = await statusOf(id);
    await run('2062-07-01');

    expect(onLastDay).toBe('active');
    expect(await statusOf(id)).toBe('expired');
    expect(await auditOf(id, 'contract.expired')).toHaveLength(1);
  });

  it('should expire a contract only once when the job runs again on a later day', async () => {
    const id = await createActive({ startDate: '2064-01-01', endDate: '2064-06-30' });

    await run('2064-07-01');
    await run('2064-07-01');
    await run('2064-07-02');

    expect(await statusOf(id)).toBe('expired');
    expect(await auditOf(id, 'contract.expired')).toHaveLength(1);
    expect(await recipients(id, 'contract_expired')).toHaveLength(1 + (await activeNorthwindUsers()).length);
  });

  it('should let the agency still read an expired contract and refuse to edit it when the job has expired it', async () => {
    const id = await createActive({ startDate: '2066-01-01', endDate: '2066-06-30' });
    await run('2066-07-01');

    const seen = await t.http().get(`/api/contracts/${id}`).set(bearer(fx.memberToken));
    const edit: Response = await asLead('patch', `/api/contracts/${id}`).send({ title: 'Too late' });

    expect(seen.status).toBe(200);
    expect((seen.body as ContractDetailDto).status).toBe('expired');
    expect(edit.status).toBe(409);
    expect((edit.body as ApiErrorBody).code).toBe('invalid_state');
  });

  it('should never expire drafts or terminated contracts when their end date has passed', async () => {
    const draftId = await createDraft({ startDate: '2068-01-01', endDate: '2068-06-30' });
    const terminatedId = await createActive({ startDate: '2068-01-01', endDate: '2068-06-30' });
    const terminated = await asLead('post', `/api/contracts/${terminatedId}/terminate`).send({
      reason: 'Stopped early',
    });
    expect(terminated.status).toBe(200);

    await run('2068-07-01');

    expect(await statusOf(draftId)).toBe('draft');
    expect(await statusOf(terminatedId)).toBe('terminated');
    expect(await statusOf(fx.northwindDraftId)).toBe('draft');
    for (const id of [draftId, terminatedId, fx.northwindDraftId]) {
      expect(await auditOf(id, 'contract.expired')).toEqual([]);
      expect(await recipients(id, 'contract_expired')).toEqual([]);
      expect(await recipients(id, 'contract_renewal_due')).toEqual([]);
    }
  });

  it('should raise exactly one renewal notice to the owner from the first day of the notice window', async () => {
    const id = await createActive({
      startDate: '2070-01-01',
      endDate: '2070-12-31',
      renewalNoticeDays: 30,
      ownerId: fx.financeId,
    });

    await run('2070-11-30');
    const beforeWindow = await recipients(id, 'contract_renewal_due');
    await run('2070-12-01');
    const onFirstDay = await recipients(id, 'contract_renewal_due');
    const again = await run('2070-12-01');
    await run('2070-12-15');

    expect(beforeWindow).toEqual([]);
    expect(onFirstDay).toEqual([fx.financeId]);
    expect(again).toEqual({ expired: 0, renewalNotices: 0 });
    expect(await recipients(id, 'contract_renewal_due')).toEqual([fx.financeId]);
    expect(await statusOf(id)).toBe('active');
    const audit = await auditOf(id, 'contract.renewal_notice_raised');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor_id: null,
      after: { endDate: '2070-12-31', noticeFrom: '2070-12-01' },
    });
    const notices: { link: string; title: string }[] = await t.dataSource.query(
      `SELECT link, title FROM notifications WHERE entity_id = $1 AND kind = 'contract_renewal_due'`,
      [id],
    );
    expect(notices[0].link).toBe(`/contracts/${id}`);
    expect(notices[0].title).toContain('2070-12-31');
  });

  it('should notify only the contracts inside their own notice window when several end on the same day', async () => {
    const shortNotice = await createActive({
      startDate: '2072-01-01',
      endDate: '2072-12-31',
      renewalNoticeDays: 10,
    });
    const longNotice = await createActive({
      startDate: '2072-01-01',
      endDate: '2072-12-31',
      renewalNoticeDays: 60,
    });
    const laterEnd = await createActive({
      startDate: '2072-01-01',
      endDate: '2073-12-31',
      renewalNoticeDays: 60,
    });

    await run('2072-12-01');

    expect(await recipients(longNotice, 'contract_renewal_due')).toEqual([fx.leadId]);
    expect(await recipients(shortNotice, 'contract_renewal_due')).toEqual([]);
    expect(await recipients(laterEnd, 'contract_renewal_due')).toEqual([]);
    expect(await recipients(longNotice, 'contract_expired')).toEqual([]);
  });

  it('should send renewal notices to the owner only, never to the agency', async () => {
    const id = await createActive({ startDate: '2074-01-01', endDate: '2074-12-31', renewalNoticeDays: 45 });

    await run('2074-11-20');

    const northwind = await activeNorthwindUsers();
    const notified = await recipients(id, 'contract_renewal_due');
    expect(notified).toEqual([fx.leadId]);
    expect(notified.some((userId) => northwind.includes(userId))).toBe(false);
    const inbox = await t.http().get('/api/notifications').set(bearer(fx.memberToken));
    expect(
      (inbox.body as NotificationListDto).items.some(
        (item) => item.kind === 'contract_renewal_due' && item.link === `/contracts/${id}`,
      ),
    ).toBe(false);
  });

  it('should expire a contract without a renewal notice when the job first runs after its end date', async () => {
    const id = await createActive({ startDate: '2076-01-01', endDate: '2076-06-30', renewalNoticeDays: 30 });

    await run('2076-07-05');

    expect(await statusOf(id)).toBe('expired');
    expect(await recipients(id, 'contract_renewal_due')).toEqual([]);
    expect(await recipients(id, 'contract_expired')).toContain(fx.leadId);
  });
});
