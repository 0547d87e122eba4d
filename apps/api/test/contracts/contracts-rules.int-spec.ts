import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  AgencyDto,
  ApiErrorBody,
  ContractDetailDto,
  ContractDto,
  CreateContractRequest,
  InvitationDto,
  NotificationListDto,
  Page,
  RateCardItemInput,
  UpdateContractRequest,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

/**
 * Issue 3, contracts: the rules of a draft, the signed document upload and download, the
 * lifecycle (activate, terminate, locked terms once active, audited budget and rate card changes
 * that notify the agency) and what an agency may see of its contracts.
 */

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const NORTHWIND_NOTES = 'Rates negotiated 8 % under Northwind list price; renewal depends on Q4 reach.';

type Actor =
  'admin' | 'lead' | 'finance' | 'reviewer' | 'northwindAdmin' | 'northwindMember' | 'southpeakMember';

interface Seeded {
  northwindActive: string;
  northwindDraft: string;
  southpeakActive: string;
  southpeakExpired: string;
  southpeakTerminated: string;
  krAwareness: string;
  krConversions: string;
  globalRevenue: string;
}

interface Fixture {
  tokens: Record<Actor, string>;
  koreaId: string;
  coeId: string;
  leadId: string;
  northwindId: string;
  southpeakId: string;
  northwindMemberId: string;
  offboardedAgencyId: string;
  inactiveInHouseId: string;
  inactiveNorthwindId: string;
  seeded: Seeded;
}

interface WriteCounts {
  contracts: number;
  rateCardItems: number;
  allocations: number;
  audit: number;
  storedFiles: number;
  notifications: number;
}

interface AuditRow {
  action: string;
  actor_id: string | null;
  actor_email: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Every file below a directory, however deep. */
function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function fieldsOf(response: Response): string[] {
  return ((response.body as ApiErrorBody).details?.fields ?? []).map((field) => field.field);
}

function codeOf(response: Response): string {
  return (response.body as ApiErrorBody).code;
}

describe('contracts: rules, documents, lifecycle and agency visibility', () => {
  let t: TestApp;
  let fx: Fixture;
  let sequence = 0;

  const next = (): number => ++sequence;

  async function writeCounts(): Promise<WriteCounts> {
    await t.deliverEvents();
    const rows: WriteCounts[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM contracts) AS contracts,
              (SELECT count(*)::int FROM rate_card_items) AS "rateCardItems",
              (SELECT count(*)::int FROM contract_goals) AS allocations,
              (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM stored_files) AS "storedFiles",
              (SELECT count(*)::int FROM notifications) AS notifications`,
    );
    return rows[0];
  }

  async function auditOf(contractId: string, action?: string): Promise<AuditRow[]> {
    return t.dataSource.query(
      `SELECT action, actor_id, actor_email, before, after FROM audit_events
        WHERE entity = 'contract' AND entity_id = $1 AND ($2::text IS NULL OR action = $2)
        ORDER BY at, action`,
      [contractId, action ?? null],
    );
  }

  function contractInput(overrides: Partial<CreateContractRequest> = {}): CreateContractRequest {
    return {
      agencyId: fx.northwindId,
      businessUnitId: fx.koreaId,
      ownerId: fx.leadId,
      reference: `RULES-${next()}`,
      title: 'Rules suite statement of work',
      scope: 'Reels and carousels for Korea.',
      startDate: '2097-01-01',
      endDate: '2098-12-31',
      currency: 'KRW',
      budgetCapMinor: 50_000_000,
      renewalNoticeDays: 30,
      internalNotes: 'Rules suite: confidential negotiation notes.',
      rateCard: [
        { code: 'REEL', description: 'Reel up to 30 s', unit: 'deliverable', unitPriceMinor: 1_500_000 },
        { code: 'HOUR', description: 'Strategy hour', unit: 'hour', unitPriceMinor: 120_000 },
      ],
      allocations: [
        { goalId: fx.seeded.krAwareness, percent: 40 },
        { goalId: fx.seeded.krConversions, percent: 20 },
      ],
      ...overrides,
    };
  }

  function createAs(actor: Actor, body: object): Promise<Response> {
    return t.http().post('/api/contracts').set(bearer(fx.tokens[actor])).send(body);
  }

  async function createDraft(overrides: Partial<CreateContractRequest> = {}): Promise<ContractDetailDto> {
    const response = await createAs('lead', contractInput(overrides));
    expect(response.status).toBe(201);
    return response.body as ContractDetailDto;
  }

  function upload(
    contractId: string,
    content: Buffer,
    fileName = 'signed.pdf',
    token = fx.tokens.lead,
  ): Promise<Response> {
    return t
      .http()
      .put(`/api/contracts/${contractId}/document`)
      .set(bearer(token))
      .attach('file', content, { filename: fileName, contentType: 'application/pdf' });
  }

  function post(path: string, body?: object, actor: Actor = 'lead'): Promise<Response> {
    const request = t.http().post(path).set(bearer(fx.tokens[actor]));
    return body === undefined ? request : request.send(body);
  }

  function patch(contractId: string, body: UpdateContractRequest | object): Promise<Response> {
    return t.http().patch(`/api/contracts/${contractId}`).set(bearer(fx.tokens.lead)).send(body);
  }

  function getAs(actor: Actor, path: string): Promise<Response> {
    return t.http().get(path).set(bearer(fx.tokens[actor]));
  }

  /** Reads the answer as raw bytes, whatever its type: `body` is a Buffer. */
  function downloadAs(actor: Actor, path: string): Promise<Response> {
    return t.http().get(path).set(bearer(fx.tokens[actor])).responseType('blob');
  }

  async function createActive(overrides: Partial<CreateContractRequest> = {}): Promise<ContractDetailDto> {
    const draft = await createDraft(overrides);
    expect((await upload(draft.id, PDF)).status).toBe(200);
    const activated = await post(`/api/contracts/${draft.id}/activate`);
    expect(activated.status).toBe(200);
    return activated.body as ContractDetailDto;
  }

  async function statusOf(contractId: string): Promise<string> {
    const rows: { status: string }[] = await t.dataSource.query(
      'SELECT status FROM contracts WHERE id = $1',
      [contractId],
    );
    return rows[0].status;
  }

  beforeAll(async () => {
    t = await createTestApp();
    // Reviewers read the contracts they review: as in the demo, the CoE template names them all.
    await t.useDemoReviewTemplate();
    const emails: Record<Actor, string> = {
      admin: DEMO.admin,
      lead: DEMO.lead,
      finance: DEMO.finance,
      reviewer: DEMO.reviewer,
      northwindAdmin: DEMO.northwindAdmin,
      northwindMember: DEMO.northwindMember,
      southpeakMember: DEMO.southpeakMember,
    };
    const tokens = {} as Record<Actor, string>;
    for (const actor of Object.keys(emails) as Actor[]) {
      tokens[actor] = (await t.login(emails[actor])).accessToken;
    }
    const contracts: { id: string; agency: string; status: string }[] = await t.dataSource.query(
      'SELECT c.id, a.name AS agency, c.status FROM contracts c JOIN agencies a ON a.id = c.agency_id',
    );
    const contractId = (agency: string, status: string): string => {
      const row = contracts.find((candidate) => candidate.agency === agency && candidate.status === status);
      if (!row) throw new Error(`seeded ${status} contract of ${agency} missing`);
      return row.id;
    };
    // Each demo goal measures its own KPI, which names it in any language.
    const goals: { id: string; metric: string }[] = await t.dataSource.query(
      'SELECT id, kpi_metric AS metric FROM marketing_goals',
    );
    const goalId = (metric: string): string => {
      const row = goals.find((candidate) => candidate.metric === metric);
      if (!row) throw new Error(`seeded ${metric} goal missing`);
      return row.id;
    };
    const northwindId = await t.agencyId('Northwind Social');
    const leadId = await t.userId(DEMO.lead);

    const agency = await t
      .http()
      .post('/api/agencies')
      .set(bearer(tokens.admin))
      .send({
        name: 'Bygone Creative',
        legalName: 'Bygone Creative Ltd.',
        services: ['creative'],
        relationshipOwnerId: leadId,
      });
    expect(agency.status).toBe(201);
    const offboardedAgencyId = (agency.body as AgencyDto).id;
    const offboarded = await t
      .http()
      .post(`/api/agencies/${offboardedAgencyId}/offboard`)
      .set(bearer(tokens.admin))
      .send({ reason: 'Relationship ended' });
    expect(offboarded.status).toBe(200);

    const inactive = async (body: object): Promise<string> => {
      const invited = await t.http().post('/api/users').set(bearer(tokens.admin)).send(body);
      expect(invited.status).toBe(201);
      const id = (invited.body as InvitationDto).user.id;
      const deactivated = await t.http().post(`/api/users/${id}/deactivate`).set(bearer(tokens.admin));
      expect(deactivated.status).toBe(200);
      return id;
    };

    fx = {
      tokens,
      koreaId: await t.unitId('Korea Consumer Marketing'),
      coeId: await t.unitId('Global Social Centre of Excellence'),
      leadId,
      northwindId,
      southpeakId: await t.agencyId('Southpeak Media'),
      northwindMemberId: await t.userId(DEMO.northwindMember),
      offboardedAgencyId,
      inactiveInHouseId: await inactive({
        email: 'gone-lead@demo.local',
        name: 'Gone Lead',
        role: 'social_lead',
      }),
      inactiveNorthwindId: await inactive({
        email: 'gone@northwind.demo.local',
        name: 'Gone Northwind',
        role: 'agency_member',
        agencyId: northwindId,
      }),
      seeded: {
        northwindActive: contractId('Northwind Social', 'active'),
        northwindDraft: contractId('Northwind Social', 'draft'),
        southpeakActive: contractId('Southpeak Media', 'active'),
        southpeakExpired: contractId('Southpeak Media', 'expired'),
        southpeakTerminated: contractId('Southpeak Media', 'terminated'),
        krAwareness: goalId('reach'),
        krConversions: goalId('conversions'),
        globalRevenue: goalId('revenue'),
      },
    };
  });

  afterAll(async () => {
    await t.close();
  });

  describe('creating a draft', () => {
    it('should create a draft with its rate card, allocations and budget and audit contract.created once when the lead posts a valid contract', async () => {
      const input = contractInput();
      const before = await writeCounts();

      const response = await createAs('lead', input);

      expect(response.status).toBe(201);
      const contract = response.body as ContractDetailDto;
      expect(contract).toMatchObject({
        agencyId: fx.northwindId,
        agencyName: 'Northwind Social',
        businessUnitId: fx.koreaId,
        owner: { id: fx.leadId, email: DEMO.lead },
        reference: input.reference,
        status: 'draft',
        currency: 'KRW',
        budgetCapMinor: 50_000_000,
        signedDocument: null,
        activatedAt: null,
        internalNotes: input.internalNotes,
      });
      expect(contract.rateCard.map(({ id: _id, ...item }) => item)).toEqual(input.rateCard);
      expect(contract.allocations).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ goalId: fx.seeded.krAwareness, percent: 40, allocatedMinor: 20_000_000 }),
          expect.objectContaining({
            goalId: fx.seeded.krConversions,
            percent: 20,
            allocatedMinor: 10_000_000,
          }),
        ]),
      );
      expect(await writeCounts()).toEqual({
        ...before,
        contracts: before.contracts + 1,
        rateCardItems: before.rateCardItems + 2,
        allocations: before.allocations + 2,
        audit: before.audit + 1,
      });
      const audit = await auditOf(contract.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'contract.created',
        actor_id: fx.leadId,
        actor_email: DEMO.lead,
        after: { reference: input.reference, status: 'draft', budgetCapMinor: 50_000_000 },
      });
    });

    it('should accept an admin as author and a contract with no rate card or allocations', async () => {
      const response = await createAs('admin', contractInput({ rateCard: [], allocations: [] }));

      expect(response.status).toBe(201);
      expect(response.body as ContractDetailDto).toMatchObject({ rateCard: [], allocations: [] });
    });

    interface BadContract {
      what: string;
      body: () => object;
      field: string;
    }

    const rateCard = (...items: Partial<RateCardItemInput>[]): RateCardItemInput[] =>
      items.map((item, index) => ({
        code: `ITEM-${index}`,
        description: 'Item',
        unit: 'deliverable',
        unitPriceMinor: 1000,
        ...item,
      }));

    const BAD_CONTRACTS: BadContract[] = [
      {
        what: 'the end date is before the start date',
        body: () => contractInput({ startDate: '2097-06-01', endDate: '2097-05-31' }),
        field: 'endDate',
      },
      {
        what: 'the budget cap is negative',
        body: () => contractInput({ budgetCapMinor: -1 }),
        field: 'budgetCapMinor',
      },
      {
        what: 'the budget cap is not a whole number',
        body: () => contractInput({ budgetCapMinor: 1.5 }),
        field: 'budgetCapMinor',
      },
      {
        what: 'the budget cap is beyond the safe integers',
        body: () => contractInput({ budgetCapMinor: 1e20 }),
        field: 'budgetCapMinor',
      },
      {
        what: 'the budget cap is a string',
        body: () => ({ ...contractInput(), budgetCapMinor: '50000000' }),
        field: 'budgetCapMinor',
      },
      { what: 'the currency is unknown', body: () => contractInput({ currency: 'XYZ' }), field: 'currency' },
      {
        what: 'the allocations add up to more than 100',
        body: () =>
          contractInput({
            allocations: [
              { goalId: fx.seeded.krAwareness, percent: 60 },
              { goalId: fx.seeded.krConversions, percent: 50 },
            ],
          }),
        field: 'allocations',
      },
      {
        what: 'a goal belongs to another business unit',
        body: () =>
          contractInput({
            allocations: [
              { goalId: fx.seeded.krAwareness, percent: 10 },
              { goalId: fx.seeded.globalRevenue, percent: 10 },
            ],
          }),
        field: 'allocations.1.goalId',
      },
      {
        what: 'a goal is allocated twice',
        body: () =>
          contractInput({
            allocations: [
              { goalId: fx.seeded.krAwareness, percent: 10 },
              { goalId: fx.seeded.krAwareness, percent: 20 },
            ],
          }),
        field: 'allocations.1.goalId',
      },
      {
        what: 'an allocated goal does not exist',
        body: () => contractInput({ allocations: [{ goalId: randomUUID(), percent: 10 }] }),
        field: 'allocations.0.goalId',
      },
      {
        what: 'an allocation is 0 %',
        body: () => contractInput({ allocations: [{ goalId: fx.seeded.krAwareness, percent: 0 }] }),
        field: 'allocations.0.percent',
      },
      {
        what: 'an allocation is a fraction of a percent',
        body: () => contractInput({ allocations: [{ goalId: fx.seeded.krAwareness, percent: 12.5 }] }),
        field: 'allocations.0.percent',
      },
      {
        what: 'two rate card codes differ only in case',
        body: () => contractInput({ rateCard: rateCard({ code: 'REEL' }, { code: 'reel' }) }),
        field: 'rateCard.1.code',
      },
      {
        what: 'a rate card price is negative',
        body: () => contractInput({ rateCard: rateCard({ unitPriceMinor: -1 }) }),
        field: 'rateCard.0.unitPriceMinor',
      },
      {
        what: 'a rate card price is not a whole number',
        body: () => contractInput({ rateCard: rateCard({}, { unitPriceMinor: 99.5 }) }),
        field: 'rateCard.1.unitPriceMinor',
      },
      {
        what: 'a rate card unit is unknown',
        body: () => ({ ...contractInput(), rateCard: [{ ...rateCard({})[0], unit: 'day' }] }),
        field: 'rateCard.0.unit',
      },
      {
        what: 'the agency is offboarded',
        body: () => contractInput({ agencyId: fx.offboardedAgencyId }),
        field: 'agencyId',
      },
      {
        what: 'the agency does not exist',
        body: () => contractInput({ agencyId: randomUUID() }),
        field: 'agencyId',
      },
      {
        what: 'the owner is an agency user',
        body: () => contractInput({ ownerId: fx.northwindMemberId }),
        field: 'ownerId',
      },
      {
        what: 'the owner is a deactivated in-house user',
        body: () => contractInput({ ownerId: fx.inactiveInHouseId }),
        field: 'ownerId',
      },
      {
        what: 'the business unit does not exist',
        body: () => contractInput({ businessUnitId: randomUUID(), allocations: [] }),
        field: 'businessUnitId',
      },
      {
        what: 'the renewal notice is longer than a year',
        body: () => contractInput({ renewalNoticeDays: 366 }),
        field: 'renewalNoticeDays',
      },
      {
        what: 'a date does not exist',
        body: () => contractInput({ startDate: '2097-02-30' }),
        field: 'startDate',
      },
      {
        what: 'the status is sent by the client',
        body: () => ({ ...contractInput(), status: 'active' }),
        field: 'status',
      },
    ];

    it.each(BAD_CONTRACTS)(
      'should answer 400 on $field and write nothing when $what',
      async ({ body, field }: BadContract) => {
        const input = body();
        const before = await writeCounts();

        const response = await createAs('lead', input);

        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('validation_failed');
        expect(fieldsOf(response)).toContain(field);
        expect(await writeCounts()).toEqual(before);
      },
    );

    it('should answer 409 conflict on reference and write nothing when the reference is taken in another case', async () => {
      const first = await createDraft({ reference: 'SOW-DUPLICATE-7' });
      const before = await writeCounts();

      const response = await createAs('lead', contractInput({ reference: 'sow-duplicate-7' }));

      expect(first.reference).toBe('SOW-DUPLICATE-7');
      expect(response.status).toBe(409);
      expect(codeOf(response)).toBe('conflict');
      expect(fieldsOf(response)).toEqual(['reference']);
      expect(await writeCounts()).toEqual(before);
    });

    it('should answer 409 conflict on reference and change nothing when a draft takes a used reference', async () => {
      const taken = await createDraft();
      const draft = await createDraft();
      const before = await writeCounts();

      const response = await patch(draft.id, { reference: taken.reference.toLowerCase() });

      expect(response.status).toBe(409);
      expect(codeOf(response)).toBe('conflict');
      expect(fieldsOf(response)).toEqual(['reference']);
      expect(await writeCounts()).toEqual(before);
      const stored = (await getAs('lead', `/api/contracts/${draft.id}`)).body as ContractDetailDto;
      expect(stored.reference).toBe(draft.reference);
    });
  });

  describe('signed document', () => {
    async function stored(): Promise<{ rows: number; files: number }> {
      return { rows: (await writeCounts()).storedFiles, files: filesUnder(t.config.storageDir).length };
    }

    it('should store the PDF and answer its name, size and sha256 when the lead uploads a real PDF', async () => {
      const draft = await createDraft();
      const before = await stored();

      const response = await upload(draft.id, PDF, 'SOW signed.pdf');

      expect(response.status).toBe(200);
      const contract = response.body as ContractDetailDto;
      expect(contract.signedDocument).toMatchObject({
        fileName: 'SOW signed.pdf',
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
      });
      expect(await stored()).toEqual({ rows: before.rows + 1, files: before.files + 1 });
      expect(await auditOf(draft.id, 'contract.document_uploaded')).toEqual([
        expect.objectContaining({
          actor_id: fx.leadId,
          after: expect.objectContaining({ sha256: sha256(PDF) }),
        }),
      ]);
    });

    it('should accept a PDF with bytes before its signature and detect it by content when the client claims another type', async () => {
      const draft = await createDraft();
      const content = Buffer.concat([Buffer.from('\n\n'), PDF]);

      const response = await t
        .http()
        .put(`/api/contracts/${draft.id}/document`)
        .set(bearer(fx.tokens.lead))
        .attach('file', content, { filename: 'scan.bin', contentType: 'application/octet-stream' });

      expect(response.status).toBe(200);
      expect((response.body as ContractDetailDto).signedDocument?.sha256).toBe(sha256(content));
    });

    it('should serve the same bytes as an attachment that is never sniffed when the document is downloaded', async () => {
      const draft = await createDraft();
      const content = Buffer.concat([PDF, Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255])]);
      expect((await upload(draft.id, content, 'binary tail.pdf')).status).toBe(200);

      const response = await downloadAs('lead', `/api/contracts/${draft.id}/document`);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(/^attachment/);
      expect(response.headers['content-disposition']).toContain('binary tail.pdf');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(response.body as Buffer, content)).toBe(0);
    });

    it('should replace the document and keep the new bytes when a second PDF is uploaded', async () => {
      const draft = await createDraft();
      expect((await upload(draft.id, PDF, 'first.pdf')).status).toBe(200);
      const second = Buffer.concat([PDF, Buffer.from('% amended\n')]);

      const response = await upload(draft.id, second, 'second.pdf');
      const download = await downloadAs('finance', `/api/contracts/${draft.id}/document`);

      expect(response.status).toBe(200);
      expect((response.body as ContractDetailDto).signedDocument).toMatchObject({
        fileName: 'second.pdf',
        sha256: sha256(second),
      });
      expect(Buffer.compare(download.body as Buffer, second)).toBe(0);
    });

    it.each([
      ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)])],
      ['an HTML page', Buffer.from('<html><body><script>alert(1)</script></body></html>')],
      ['an empty file', Buffer.alloc(0)],
    ])(
      'should answer 415 unsupported_media_type and store nothing when %s is named contract.pdf',
      async (_what, content) => {
        const draft = await createDraft();
        const before = await stored();
        const audit = (await writeCounts()).audit;

        const response = await upload(draft.id, content, 'contract.pdf');

        expect(response.status).toBe(415);
        expect(codeOf(response)).toBe('unsupported_media_type');
        expect(await stored()).toEqual(before);
        expect((await writeCounts()).audit).toBe(audit);
        const contract = (await getAs('lead', `/api/contracts/${draft.id}`)).body as ContractDetailDto;
        expect(contract.signedDocument).toBeNull();
      },
    );

    it('should answer 400 on file and store nothing when the request carries no file', async () => {
      const draft = await createDraft();
      const before = await stored();

      const response = await t.http().put(`/api/contracts/${draft.id}/document`).set(bearer(fx.tokens.lead));

      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('validation_failed');
      expect(fieldsOf(response)).toEqual(['file']);
      expect(await stored()).toEqual(before);
    });

    it('should answer 400 and store nothing when the file comes in another multipart field', async () => {
      const draft = await createDraft();
      const before = await stored();

      const response = await t
        .http()
        .put(`/api/contracts/${draft.id}/document`)
        .set(bearer(fx.tokens.lead))
        .attach('document', PDF, { filename: 'signed.pdf', contentType: 'application/pdf' });

      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('validation_failed');
      expect(await stored()).toEqual(before);
    });

    it('should answer 404 and leave no file behind when the contract does not exist', async () => {
      const before = await stored();

      const response = await upload(randomUUID(), PDF);

      expect(response.status).toBe(404);
      expect(codeOf(response)).toBe('not_found');
      expect(await stored()).toEqual(before);
    });

    it.each([
      ['expired', 'southpeakExpired'],
      ['terminated', 'southpeakTerminated'],
    ] as const)(
      'should answer 409 invalid_state and leave no file behind when the contract is %s',
      async (_status, key) => {
        const before = await stored();
        const audit = (await writeCounts()).audit;

        const response = await upload(fx.seeded[key], PDF);

        expect(response.status).toBe(409);
        expect(codeOf(response)).toBe('invalid_state');
        expect(await stored()).toEqual(before);
        expect((await writeCounts()).audit).toBe(audit);
      },
    );

    it('should answer 404 not_found when a contract without a document is downloaded', async () => {
      const draft = await createDraft();

      const response = await getAs('lead', `/api/contracts/${draft.id}/document`);

      expect(response.status).toBe(404);
      expect(codeOf(response)).toBe('not_found');
    });

    describe('with a 2 KB size limit', () => {
      let small: TestApp;
      let token: string;

      beforeAll(async () => {
        // A second Nest app in this process would re-register the global passport JWT strategy with
        // its own secret and sign everyone out of the first app; its own module registry keeps both apart.
        await jest.isolateModulesAsync(async () => {
          const support = await import('../support/test-app');
          small = await support.createTestApp({ SIGNED_DOCUMENT_MAX_BYTES: '2048' });
        });
        token = (await small.login(DEMO.lead)).accessToken;
      });

      afterAll(async () => {
        await small.close();
      });

      async function smallDraft(): Promise<string> {
        const response = await small
          .http()
          .post('/api/contracts')
          .set(bearer(token))
          .send({
            ...contractInput(),
            allocations: [],
            businessUnitId: await small.unitId('Korea Consumer Marketing'),
            agencyId: await small.agencyId('Northwind Social'),
            ownerId: await small.userId(DEMO.lead),
          });
        expect(response.status).toBe(201);
        return (response.body as ContractDetailDto).id;
      }

      async function smallStored(): Promise<{ rows: number; files: number }> {
        const rows: { count: number }[] = await small.dataSource.query(
          'SELECT count(*)::int AS count FROM stored_files',
        );
        return { rows: rows[0].count, files: filesUnder(small.config.storageDir).length };
      }

      it('should answer 413 payload_too_large and store nothing when the PDF is 4 KB', async () => {
        const id = await smallDraft();
        const big = Buffer.concat([PDF, Buffer.alloc(4096 - PDF.length, 0x20)]);
        const before = await smallStored();

        const response = await small
          .http()
          .put(`/api/contracts/${id}/document`)
          .set(bearer(token))
          .attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' });

        expect(big.length).toBe(4096);
        expect(response.status).toBe(413);
        expect(codeOf(response)).toBe('payload_too_large');
        expect(await smallStored()).toEqual(before);
        const contract = await small.http().get(`/api/contracts/${id}`).set(bearer(token));
        expect((contract.body as ContractDetailDto).signedDocument).toBeNull();
      });

      it('should store the PDF when it fits the limit', async () => {
        const id = await smallDraft();
        const before = await smallStored();

        const response = await small
          .http()
          .put(`/api/contracts/${id}/document`)
          .set(bearer(token))
          .attach('file', PDF, { filename: 'small.pdf', contentType: 'application/pdf' });

        expect(response.status).toBe(200);
        expect(await smallStored()).toEqual({ rows: before.rows + 1, files: before.files + 1 });
      });
    });
  });

  describe('lifecycle', () => {
    it('should answer 409 invalid_state and stay a draft when a draft without a signed document is activated', async () => {
      const draft = await createDraft();
      const before = await writeCounts();

      const response = await post(`/api/contracts/${draft.id}/activate`);

      expect(response.status).toBe(409);
      expect(codeOf(response)).toBe('invalid_state');
      expect(await statusOf(draft.id)).toBe('draft');
      expect(await writeCounts()).toEqual(before);
    });

    it('should activate, audit contract.activated and notify the agency when a signed draft is activated', async () => {
      const draft = await createDraft();
      expect((await upload(draft.id, PDF)).status).toBe(200);

      const response = await post(`/api/contracts/${draft.id}/activate`);

      expect(response.status).toBe(200);
      const contract = response.body as ContractDetailDto;
      expect(contract.status).toBe('active');
      expect(contract.activatedAt).not.toBeNull();
      expect(await auditOf(draft.id, 'contract.activated')).toEqual([
        expect.objectContaining({
          actor_id: fx.leadId,
          before: expect.objectContaining({ status: 'draft' }),
        }),
      ]);
      await t.deliverEvents();
      const notified: { count: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM notifications WHERE entity_id = $1 AND kind = 'contract_activated'
            AND user_id = $2`,
        [draft.id, fx.northwindMemberId],
      );
      expect(notified[0].count).toBe(1);
    });

    it('should answer 409 invalid_state when a signed draft whose end date has passed is activated', async () => {
      const draft = await createDraft({ startDate: '2020-01-01', endDate: '2020-12-31' });
      expect((await upload(draft.id, PDF)).status).toBe(200);
      const before = await writeCounts();

      const response = await post(`/api/contracts/${draft.id}/activate`);

      expect(response.status).toBe(409);
      expect(codeOf(response)).toBe('invalid_state');
      expect(await statusOf(draft.id)).toBe('draft');
      expect(await writeCounts()).toEqual(before);
    });

    it('should answer 409 invalid_state when an active contract is activated again', async () => {
      const active = await createActive();

      const response = await post(`/api/contracts/${active.id}/activate`);

      expect(response.status).toBe(409);
      expect(codeOf(response)).toBe('invalid_state');
    });

    it.each([
      ['no reason', {}],
      ['a blank reason', { reason: '   ' }],
    ])(
      'should answer 400 on reason and keep the contract active when it is terminated with %s',
      async (_what, body) => {
        const active = await createActive();
        const before = await writeCounts();

        const response = await post(`/api/contracts/${active.id}/terminate`, body);

        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('validation_failed');
        expect(fieldsOf(response)).toContain('reason');
        expect(await statusOf(active.id)).toBe('active');
        expect(await writeCounts()).toEqual(before);
      },
    );

    it('should answer 409 invalid_state and write nothing when a draft is terminated', async () => {
      const draft = await createDraft();
      const before = await writeCounts();

      const response = await post(`/api/contracts/${draft.id}/terminate`, { reason: 'Never signed' });

      expect(response.status).toBe(409);
      expect(codeOf(response)).toBe('invalid_state');
      expect(await statusOf(draft.id)).toBe('draft');
      expect(await writeCounts()).toEqual(before);
    });

    it('should terminate with the reason, audit it and notify the agency when an active contract is terminated', async () => {
      const active = await createActive();

      const response = await post(`/api/contracts/${active.id}/terminate`, { reason: '  Budget cut  ' });

      expect(response.status).toBe(200);
      expect(response.body as ContractDetailDto).toMatchObject({
        status: 'terminated',
        terminationReason: 'Budget cut',
      });
      expect((response.body as ContractDetailDto).terminatedAt).not.toBeNull();
      expect(await auditOf(active.id, 'contract.terminated')).toEqual([
        expect.objectContaining({
          actor_id: fx.leadId,
          after: expect.objectContaining({ status: 'terminated', terminationReason: 'Budget cut' }),
        }),
      ]);
      await t.deliverEvents();
      const notified: { count: number }[] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM notifications WHERE entity_id = $1 AND kind = 'contract_terminated'`,
        [active.id],
      );
      expect(notified[0].count).toBeGreaterThan(0);
    });

    describe('a contract that has ended', () => {
      let terminatedId: string;

      beforeAll(async () => {
        const active = await createActive();
        const terminated = await post(`/api/contracts/${active.id}/terminate`, { reason: 'Ended early' });
        expect(terminated.status).toBe(200);
        terminatedId = active.id;
      });

      const ACTIONS: { what: string; call: (id: string) => Promise<Response> }[] = [
        { what: 'edited', call: (id) => patch(id, { title: 'Too late' }) },
        { what: 'given a new budget', call: (id) => patch(id, { budgetCapMinor: 1 }) },
        { what: 'activated', call: (id) => post(`/api/contracts/${id}/activate`) },
        { what: 'terminated', call: (id) => post(`/api/contracts/${id}/terminate`, { reason: 'Again' }) },
      ];

      for (const action of ACTIONS) {
        it(`should answer 409 invalid_state and write nothing when a terminated contract is ${action.what}`, async () => {
          const before = await writeCounts();

          const response = await action.call(terminatedId);

          expect(response.status).toBe(409);
          expect(codeOf(response)).toBe('invalid_state');
          expect(await writeCounts()).toEqual(before);
          expect(await statusOf(terminatedId)).toBe('terminated');
        });

        it(`should answer 409 invalid_state and write nothing when an expired contract is ${action.what}`, async () => {
          const before = await writeCounts();

          const response = await action.call(fx.seeded.southpeakExpired);

          expect(response.status).toBe(409);
          expect(codeOf(response)).toBe('invalid_state');
          expect(await writeCounts()).toEqual(before);
          expect(await statusOf(fx.seeded.southpeakExpired)).toBe('expired');
        });
      }
    });

    it('should change signed terms freely when the contract is still a draft', async () => {
      const draft = await createDraft();
      const change: UpdateContractRequest = {
        currency: 'USD',
        startDate: '2096-01-01',
        endDate: '2099-06-30',
        reference: `${draft.reference}-B`,
        businessUnitId: fx.coeId,
        allocations: [{ goalId: fx.seeded.globalRevenue, percent: 5 }],
      };

      const response = await patch(draft.id, change);

      expect(response.status).toBe(200);
      const { allocations: _allocations, ...terms } = change;
      expect(response.body as ContractDetailDto).toMatchObject(terms);
      expect(await auditOf(draft.id, 'contract.budget_changed')).toEqual([]);
    });

    describe('an active contract', () => {
      const LOCKED: { field: string; value: () => unknown }[] = [
        { field: 'currency', value: () => 'USD' },
        { field: 'startDate', value: () => '2096-01-01' },
        { field: 'endDate', value: () => '2099-06-30' },
        { field: 'reference', value: () => `LOCKED-${next()}` },
        { field: 'businessUnitId', value: () => fx.coeId },
      ];

      it.each(LOCKED)(
        'should answer 409 invalid_state on $field and change nothing when the $field of an active contract changes',
        async ({ field, value }) => {
          const active = await createActive();
          const before = await writeCounts();

          const response = await patch(active.id, { [field]: value() });

          expect(response.status).toBe(409);
          expect(codeOf(response)).toBe('invalid_state');
          expect(fieldsOf(response)).toEqual([field]);
          expect(await writeCounts()).toEqual(before);
          const after = (await getAs('lead', `/api/contracts/${active.id}`)).body as ContractDetailDto;
          expect(after).toMatchObject({
            currency: active.currency,
            startDate: active.startDate,
            endDate: active.endDate,
            reference: active.reference,
            businessUnitId: active.businessUnitId,
            updatedAt: active.updatedAt,
          });
        },
      );

      it('should answer 400 on agencyId and change nothing when the agency of a contract is sent', async () => {
        const active = await createActive();
        const before = await writeCounts();

        const response = await patch(active.id, { agencyId: fx.southpeakId });

        expect(response.status).toBe(400);
        expect(codeOf(response)).toBe('validation_failed');
        expect(fieldsOf(response)).toEqual(['agencyId']);
        expect(await writeCounts()).toEqual(before);
      });

      it('should change title, scope, notes, renewal notice and owner when those fields are edited', async () => {
        const active = await createActive();
        const adminId = await t.userId(DEMO.admin);

        const response = await patch(active.id, {
          title: 'Renamed',
          scope: 'Wider scope',
          internalNotes: 'New notes',
          renewalNoticeDays: 60,
          ownerId: adminId,
        });

        expect(response.status).toBe(200);
        expect(response.body as ContractDetailDto).toMatchObject({
          title: 'Renamed',
          scope: 'Wider scope',
          internalNotes: 'New notes',
          renewalNoticeDays: 60,
          owner: { id: adminId, email: DEMO.admin },
          status: 'active',
        });
      });

      it('should audit contract.budget_changed and notify every active Northwind user when the budget cap changes', async () => {
        const active = await createActive();
        await t.deliverEvents();
        const inbox = await getAs('northwindMember', '/api/notifications');
        const unreadBefore = (inbox.body as NotificationListDto).unread;

        const response = await patch(active.id, { budgetCapMinor: 75_000_000 });

        expect(response.status).toBe(200);
        const contract = response.body as ContractDetailDto;
        expect(contract.budgetCapMinor).toBe(75_000_000);
        expect(contract.budget).toMatchObject({ capMinor: 75_000_000, remainingMinor: 75_000_000 });
        expect(contract.allocations).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ goalId: fx.seeded.krAwareness, allocatedMinor: 30_000_000 }),
          ]),
        );
        const audit = await auditOf(active.id, 'contract.budget_changed');
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          actor_id: fx.leadId,
          actor_email: DEMO.lead,
          before: { budgetCapMinor: 50_000_000 },
          after: { budgetCapMinor: 75_000_000 },
        });
        await t.deliverEvents();
        const recipients: { user_id: string; count: number }[] = await t.dataSource.query(
          `SELECT user_id, count(*)::int AS count FROM notifications
            WHERE entity_id = $1 AND kind = 'contract_changed' GROUP BY user_id`,
          [active.id],
        );
        const northwindActive: { id: string }[] = await t.dataSource.query(
          'SELECT id FROM users WHERE agency_id = $1 AND active ORDER BY id',
          [fx.northwindId],
        );
        expect(recipients.map((row) => row.user_id).sort()).toEqual(northwindActive.map((row) => row.id));
        expect(recipients.every((row) => row.count === 1)).toBe(true);
        expect(recipients.map((row) => row.user_id)).not.toContain(fx.inactiveNorthwindId);
        const after = (await getAs('northwindMember', '/api/notifications')).body as NotificationListDto;
        expect(after.unread).toBe(unreadBefore + 1);
        expect(after.items).toContainEqual(
          expect.objectContaining({
            kind: 'contract_changed',
            link: `/contracts/${active.id}`,
            readAt: null,
          }),
        );
      });

      it('should neither audit a budget change nor notify when the same budget cap is sent again', async () => {
        const active = await createActive();

        const response = await patch(active.id, { budgetCapMinor: active.budgetCapMinor });

        expect(response.status).toBe(200);
        expect(await auditOf(active.id, 'contract.budget_changed')).toEqual([]);
        await t.deliverEvents();
        const notified: { count: number }[] = await t.dataSource.query(
          `SELECT count(*)::int AS count FROM notifications WHERE entity_id = $1 AND kind = 'contract_changed'`,
          [active.id],
        );
        expect(notified[0].count).toBe(0);
      });

      it('should audit contract.rate_card_changed with before and after and keep the ids of kept codes when the rate card changes', async () => {
        const active = await createActive();
        const reel = active.rateCard.find((item) => item.code === 'REEL');
        const hour = active.rateCard.find((item) => item.code === 'HOUR');
        const newCard: RateCardItemInput[] = [
          { code: 'STORY', description: 'Story frame', unit: 'deliverable', unitPriceMinor: 300_000 },
          { code: 'REEL', description: 'Reel up to 60 s', unit: 'deliverable', unitPriceMinor: 1_800_000 },
        ];

        const response = await patch(active.id, { rateCard: newCard });

        expect(response.status).toBe(200);
        const contract = response.body as ContractDetailDto;
        expect(contract.rateCard.map(({ id: _id, ...item }) => item)).toEqual(newCard);
        expect(contract.rateCard.find((item) => item.code === 'REEL')?.id).toBe(reel?.id);
        const story = contract.rateCard.find((item) => item.code === 'STORY');
        expect(story?.id).not.toBe(reel?.id);
        expect(story?.id).not.toBe(hour?.id);
        const stored: { id: string }[] = await t.dataSource.query(
          'SELECT id FROM rate_card_items WHERE contract_id = $1',
          [active.id],
        );
        expect(stored.map((row) => row.id)).not.toContain(hour?.id);
        const audit = await auditOf(active.id, 'contract.rate_card_changed');
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({
          actor_id: fx.leadId,
          before: {
            rateCard: [
              {
                code: 'REEL',
                description: 'Reel up to 30 s',
                unit: 'deliverable',
                unitPriceMinor: 1_500_000,
              },
              { code: 'HOUR', description: 'Strategy hour', unit: 'hour', unitPriceMinor: 120_000 },
            ],
          },
          after: { rateCard: newCard },
        });
        await t.deliverEvents();
        const notified: { count: number }[] = await t.dataSource.query(
          `SELECT count(*)::int AS count FROM notifications
            WHERE entity_id = $1 AND kind = 'contract_changed' AND user_id = $2`,
          [active.id, fx.northwindMemberId],
        );
        expect(notified[0].count).toBe(1);
      });

      it('should answer 400 on rateCard.1.code and change nothing when the new rate card repeats a code', async () => {
        const active = await createActive();
        const before = await writeCounts();

        const response = await patch(active.id, {
          rateCard: [
            { code: 'Reel', description: 'A', unit: 'deliverable', unitPriceMinor: 1 },
            { code: 'REEL', description: 'B', unit: 'deliverable', unitPriceMinor: 2 },
          ],
        });

        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toEqual(['rateCard.1.code']);
        expect(await writeCounts()).toEqual(before);
      });

      it('should answer 400 on allocations and change nothing when new allocations exceed 100 %', async () => {
        const active = await createActive();
        const before = await writeCounts();

        const response = await patch(active.id, {
          allocations: [
            { goalId: fx.seeded.krAwareness, percent: 70 },
            { goalId: fx.seeded.krConversions, percent: 31 },
          ],
        });

        expect(response.status).toBe(400);
        expect(fieldsOf(response)).toEqual(['allocations']);
        expect(await writeCounts()).toEqual(before);
      });
    });
  });

  describe('agency visibility', () => {
    it.each(['northwindAdmin', 'northwindMember'] as const)(
      "should list only Northwind's non-draft contracts without internal notes when %s lists contracts",
      async (actor) => {
        const expected: { id: string }[] = await t.dataSource.query(
          `SELECT id FROM contracts WHERE agency_id = $1 AND status <> 'draft'`,
          [fx.northwindId],
        );

        const response = await getAs(actor, '/api/contracts');

        expect(response.status).toBe(200);
        const contracts = (response.body as Page<ContractDto>).items;
        expect(contracts.map((contract) => contract.id).sort()).toEqual(expected.map((row) => row.id).sort());
        expect(contracts.map((contract) => contract.id)).toContain(fx.seeded.northwindActive);
        expect(contracts.map((contract) => contract.id)).not.toContain(fx.seeded.northwindDraft);
        for (const contract of contracts) {
          expect(contract.agencyId).toBe(fx.northwindId);
          expect(contract.status).not.toBe('draft');
          expect(contract).not.toHaveProperty('internalNotes');
        }
        expect(JSON.stringify(response.body)).not.toContain(NORTHWIND_NOTES);
        expect(response.text).not.toContain('Rules suite: confidential');
      },
    );

    it.each(['northwindAdmin', 'northwindMember'] as const)(
      'should show the active contract without internal notes when %s opens it',
      async (actor) => {
        const response = await getAs(actor, `/api/contracts/${fx.seeded.northwindActive}`);

        expect(response.status).toBe(200);
        const contract = response.body as ContractDetailDto;
        expect(contract.id).toBe(fx.seeded.northwindActive);
        expect(contract).not.toHaveProperty('internalNotes');
        expect(JSON.stringify(response.body)).not.toContain(NORTHWIND_NOTES);
        expect(response.text).not.toContain('8 % under Northwind list price');
        expect(contract.rateCard).toHaveLength(4);
      },
    );

    it('should hide internal notes from the agency on every answer that carries the contract', async () => {
      const draft = await createDraft({ internalNotes: 'SECRET-MARGIN-NOTE' });
      expect((await upload(draft.id, PDF)).status).toBe(200);
      expect((await post(`/api/contracts/${draft.id}/activate`)).status).toBe(200);

      const detail = await getAs('northwindMember', `/api/contracts/${draft.id}`);
      const list = await getAs('northwindMember', `/api/contracts?status=active`);
      const inbox = await getAs('northwindMember', '/api/notifications');

      expect(detail.status).toBe(200);
      expect(detail.body).not.toHaveProperty('internalNotes');
      for (const response of [detail, list, inbox]) {
        expect(response.text).not.toContain('SECRET-MARGIN-NOTE');
      }
    });

    it.each(['lead', 'finance', 'admin', 'reviewer'] as const)(
      'should include the internal notes in list and detail when %s reads contracts',
      async (actor) => {
        const list = await getAs(actor, '/api/contracts?limit=100');
        const detail = await getAs(actor, `/api/contracts/${fx.seeded.northwindActive}`);

        expect(list.status).toBe(200);
        const listed = (list.body as Page<ContractDto>).items.find(
          (contract) => contract.id === fx.seeded.northwindActive,
        );
        expect(listed?.internalNotes).toBe(NORTHWIND_NOTES);
        expect((detail.body as ContractDetailDto).internalNotes).toBe(NORTHWIND_NOTES);
      },
    );

    const HIDDEN: { what: string; key: keyof Seeded; path: (id: string) => string }[] = [
      { what: 'the Northwind draft', key: 'northwindDraft', path: (id) => `/api/contracts/${id}` },
      {
        what: "the Northwind draft's document",
        key: 'northwindDraft',
        path: (id) => `/api/contracts/${id}/document`,
      },
      { what: 'an active Southpeak contract', key: 'southpeakActive', path: (id) => `/api/contracts/${id}` },
      {
        what: "an active Southpeak contract's document",
        key: 'southpeakActive',
        path: (id) => `/api/contracts/${id}/document`,
      },
      {
        what: 'an expired Southpeak contract',
        key: 'southpeakExpired',
        path: (id) => `/api/contracts/${id}`,
      },
      {
        what: "a terminated Southpeak contract's document",
        key: 'southpeakTerminated',
        path: (id) => `/api/contracts/${id}/document`,
      },
    ];

    for (const actor of ['northwindAdmin', 'northwindMember'] as const) {
      for (const hidden of HIDDEN) {
        it(`should answer 404 exactly as for a missing contract when ${actor} asks for ${hidden.what}`, async () => {
          const response = await getAs(actor, hidden.path(fx.seeded[hidden.key]));
          const missing = await getAs(actor, hidden.path(randomUUID()));

          expect(response.status).toBe(404);
          expect(codeOf(response)).toBe('not_found');
          expect(response.body).toEqual(missing.body);
        });
      }
    }

    it('should list nothing when Northwind filters the list by Southpeak', async () => {
      const response = await getAs('northwindMember', `/api/contracts?agencyId=${fx.southpeakId}`);

      expect(response.status).toBe(200);
      expect((response.body as Page<unknown>).items).toEqual([]);
    });

    it('should let Northwind download the signed document of its active contract', async () => {
      const response = await downloadAs(
        'northwindMember',
        `/api/contracts/${fx.seeded.northwindActive}/document`,
      );

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('should summarise the budget as the cap with nothing spent when a contract has no briefs or invoices', async () => {
      const response = await getAs('northwindMember', `/api/contracts/${fx.seeded.northwindActive}`);

      const contract = response.body as ContractDetailDto;
      expect(contract.budget).toEqual({
        currency: 'KRW',
        capMinor: contract.budgetCapMinor,
        committedMinor: 0,
        invoicedMinor: 0,
        approvedMinor: 0,
        paidMinor: 0,
        remainingMinor: contract.budgetCapMinor,
      });
      expect(contract.budgetCapMinor).toBe(180_000_000);
    });
  });
});
