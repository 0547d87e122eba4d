import { randomUUID } from 'node:crypto';
import type {
  ApiErrorBody,
  BriefDetailDto,
  BriefDto,
  BriefStatus,
  ContractDetailDto,
  CreateBriefRequest,
  ErrorCode,
  OutboxMessageDto,
  Page,
} from '@agency-portal/shared';
import type { Response } from 'supertest';
import { bearer, createTestApp, DEMO, type SignedIn, type TestApp } from '../support/test-app';

/**
 * The rules of briefs beyond the happy path: what a brief may point at, who may move it in which
 * state, what counts against the budget, who sees drafts, and who hears of it (in-app and e-mail).
 */

type Who = keyof typeof DEMO;

interface Counts {
  briefs: number;
  briefGoals: number;
  specs: number;
  deliverables: number;
  audit: number;
  notifications: number;
  outbox: number;
}

interface Seeded {
  northwindActive: ContractDetailDto;
  northwindDraft: ContractDetailDto;
  southpeakActive: ContractDetailDto;
  southpeakExpired: ContractDetailDto;
  northwindId: string;
}

describe('brief rules', () => {
  let t: TestApp;
  let users: Record<Who, SignedIn>;
  let seeded: Seeded;
  let sequence = 0;

  const tokenOf = (who: Who): string => users[who].accessToken;

  function fieldsOf(response: Response): string[] {
    return ((response.body as ApiErrorBody).details?.fields ?? []).map((field) => field.field);
  }

  async function counts(): Promise<Counts> {
    await t.deliverEvents();
    const rows: Counts[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM briefs) AS briefs,
              (SELECT count(*)::int FROM brief_goals) AS "briefGoals",
              (SELECT count(*)::int FROM deliverable_specs) AS specs,
              (SELECT count(*)::int FROM deliverables) AS deliverables,
              (SELECT count(*)::int FROM audit_events) AS audit,
              (SELECT count(*)::int FROM notifications) AS notifications,
              (SELECT count(*)::int FROM mail_outbox) AS outbox`,
    );
    return rows[0];
  }

  async function auditActions(entityId: string): Promise<string[]> {
    const rows: { action: string }[] = await t.dataSource.query(
      'SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY at, id',
      [entityId],
    );
    return rows.map((row) => row.action);
  }

  async function contract(id: string): Promise<ContractDetailDto> {
    const response = await t
      .http()
      .get(`/api/contracts/${id}`)
      .set(bearer(tokenOf('lead')));
    expect(response.status).toBe(200);
    return response.body as ContractDetailDto;
  }

  async function contractId(agency: string, status: string): Promise<string> {
    const rows: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM contracts c JOIN agencies a ON a.id = c.agency_id
        WHERE a.name = $1 AND c.status = $2 LIMIT 1`,
      [agency, status],
    );
    if (!rows[0]) throw new Error(`seeded ${status} contract of ${agency} missing`);
    return rows[0].id;
  }

  async function committed(): Promise<number> {
    return (await contract(seeded.northwindActive.id)).budget.committedMinor;
  }

  function briefInput(
    on: ContractDetailDto,
    overrides: Partial<CreateBriefRequest> = {},
  ): CreateBriefRequest {
    return {
      contractId: on.id,
      goalIds: [on.allocations[0].goalId],
      title: `Rules brief ${++sequence}`,
      objective: 'Announce the spring range',
      audience: '18–34 in Busan',
      keyMessages: ['Fresh', 'Local'],
      channels: ['instagram'],
      funnelStage: 'awareness',
      dueDate: '2031-03-31',
      specs: [
        { rateCardItemId: on.rateCard[0].id, quantity: 1, dueDate: '2031-03-20', channel: 'instagram' },
      ],
      ...overrides,
    };
  }

  async function createBrief(
    overrides: Partial<CreateBriefRequest> = {},
    as: Who = 'lead',
  ): Promise<BriefDetailDto> {
    const response = await t
      .http()
      .post('/api/briefs')
      .set(bearer(tokenOf(as)))
      .send(briefInput(seeded.northwindActive, overrides));
    expect(response.status).toBe(201);
    return response.body as BriefDetailDto;
  }

  async function act(who: Who, briefId: string, action: string, body?: object): Promise<Response> {
    const request = t
      .http()
      .post(`/api/briefs/${briefId}/${action}`)
      .set(bearer(tokenOf(who)));
    return body === undefined ? request : request.send(body);
  }

  /** A brief of the Northwind active contract brought to `status` through the API. */
  async function briefIn(status: 'draft' | 'sent' | 'accepted'): Promise<BriefDetailDto> {
    const brief = await createBrief();
    if (status === 'draft') return brief;
    expect((await act('lead', brief.id, 'send')).status).toBe(200);
    if (status === 'sent') return { ...brief, status: 'sent' };
    expect((await act('northwindMember', brief.id, 'accept')).status).toBe(200);
    return { ...brief, status: 'accepted' };
  }

  async function statusOf(briefId: string): Promise<BriefStatus> {
    const rows: { status: BriefStatus }[] = await t.dataSource.query(
      'SELECT status FROM briefs WHERE id = $1',
      [briefId],
    );
    return rows[0].status;
  }

  async function noticesFor(entityId: string, kind: string): Promise<string[]> {
    await t.deliverEvents();
    const rows: { user_id: string }[] = await t.dataSource.query(
      'SELECT user_id FROM notifications WHERE entity_id = $1 AND kind = $2 ORDER BY user_id',
      [entityId, kind],
    );
    return rows.map((row) => row.user_id);
  }

  async function outbox(): Promise<OutboxMessageDto[]> {
    await t.deliverEvents();
    const response = await t
      .http()
      .get('/api/mail-outbox?limit=100')
      .set(bearer(tokenOf('admin')));
    expect(response.status).toBe(200);
    return (response.body as Page<OutboxMessageDto>).items;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const signedIn = {} as Record<Who, SignedIn>;
    for (const who of Object.keys(DEMO) as Who[]) {
      signedIn[who] = await t.login(DEMO[who]);
    }
    users = signedIn;
    seeded = {
      northwindActive: await contract(await contractId('Northwind Social', 'active')),
      northwindDraft: await contract(await contractId('Northwind Social', 'draft')),
      southpeakActive: await contract(await contractId('Southpeak Media', 'active')),
      southpeakExpired: await contract(await contractId('Southpeak Media', 'expired')),
      northwindId: await t.agencyId('Northwind Social'),
    };
    // Room under the cap for every acceptance in this suite; the cap itself is covered elsewhere.
    const raised = await t
      .http()
      .patch(`/api/contracts/${seeded.northwindActive.id}`)
      .set(bearer(tokenOf('lead')))
      .send({ budgetCapMinor: 50_000_000_000 });
    expect(raised.status).toBe(200);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('creating a brief', () => {
    it.each([
      ['draft', 'northwindDraft'],
      ['expired', 'southpeakExpired'],
    ] as const)(
      'should refuse with 400 on contractId and write nothing when the contract is %s',
      async (_status, key) => {
        const target = seeded[key];
        const before = await counts();

        const response = await t
          .http()
          .post('/api/briefs')
          .set(bearer(tokenOf('lead')))
          .send(briefInput(target));

        expect(response.status).toBe(400);
        expect((response.body as ApiErrorBody).code).toBe('validation_failed');
        expect(fieldsOf(response)).toEqual(['contractId']);
        expect(await counts()).toEqual(before);
      },
    );

    it('should refuse with 400 on goalIds.1 and write nothing when a goal is not allocated to the contract', async () => {
      const foreignGoal = seeded.southpeakActive.allocations.find(
        (allocation) => !seeded.northwindActive.allocations.some((own) => own.goalId === allocation.goalId),
      );
      if (!foreignGoal) throw new Error('seeded Southpeak goal missing');
      const before = await counts();

      const response = await t
        .http()
        .post('/api/briefs')
        .set(bearer(tokenOf('lead')))
        .send(
          briefInput(seeded.northwindActive, {
            goalIds: [seeded.northwindActive.allocations[0].goalId, foreignGoal.goalId],
          }),
        );

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response)).toEqual(['goalIds.1']);
      expect(await counts()).toEqual(before);
    });

    it("should refuse with 400 on specs.1.rateCardItemId and write nothing when a spec uses another contract's rate card", async () => {
      const own = seeded.northwindActive.rateCard[0];
      const foreign = seeded.southpeakActive.rateCard[0];
      const before = await counts();

      const response = await t
        .http()
        .post('/api/briefs')
        .set(bearer(tokenOf('lead')))
        .send(
          briefInput(seeded.northwindActive, {
            specs: [
              { rateCardItemId: own.id, quantity: 1, dueDate: '2031-03-20' },
              { rateCardItemId: foreign.id, quantity: 1, dueDate: '2031-03-20' },
            ],
          }),
        );

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response)).toEqual(['specs.1.rateCardItemId']);
      expect(await counts()).toEqual(before);
    });

    it('should refuse with 400 on specs.0.quantity and write nothing when a quantity is 0', async () => {
      const before = await counts();

      const response = await t
        .http()
        .post('/api/briefs')
        .set(bearer(tokenOf('lead')))
        .send(
          briefInput(seeded.northwindActive, {
            specs: [
              { rateCardItemId: seeded.northwindActive.rateCard[0].id, quantity: 0, dueDate: '2031-03-20' },
            ],
          }),
        );

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect(fieldsOf(response)).toEqual(['specs.0.quantity']);
      expect(await counts()).toEqual(before);
    });

    it('should price the estimate as the sum of unit price × quantity when no estimate is given', async () => {
      const [reel, carousel] = seeded.northwindActive.rateCard;

      const brief = await createBrief({
        specs: [
          { rateCardItemId: reel.id, quantity: 2, dueDate: '2031-03-20' },
          { rateCardItemId: carousel.id, quantity: 3, dueDate: '2031-03-25', channel: 'kakao' },
        ],
      });

      expect(brief.status).toBe('draft');
      expect(brief.budgetEstimateMinor).toBe(reel.unitPriceMinor * 2 + carousel.unitPriceMinor * 3);
      expect(brief.specs.map((spec) => [spec.rateCardCode, spec.quantity, spec.estimateMinor])).toEqual([
        [reel.code, 2, reel.unitPriceMinor * 2],
        [carousel.code, 3, carousel.unitPriceMinor * 3],
      ]);
      expect(brief.currency).toBe('KRW');
      expect(await auditActions(brief.id)).toEqual(['brief.created']);
    });

    it('should keep an explicit estimate when one is given', async () => {
      const brief = await createBrief({ budgetEstimateMinor: 1_234_000 });

      expect(brief.budgetEstimateMinor).toBe(1_234_000);
    });
  });

  describe('editing a brief', () => {
    it('should reprice the estimate and record brief.updated when a draft is edited', async () => {
      const draft = await createBrief();
      const carousel = seeded.northwindActive.rateCard[1];

      const response = await t
        .http()
        .patch(`/api/briefs/${draft.id}`)
        .set(bearer(tokenOf('lead')))
        .send({
          title: 'Renamed draft',
          specs: [{ rateCardItemId: carousel.id, quantity: 4, dueDate: '2031-03-22' }],
        });

      expect(response.status).toBe(200);
      const edited = response.body as BriefDetailDto;
      expect(edited.title).toBe('Renamed draft');
      expect(edited.budgetEstimateMinor).toBe(carousel.unitPriceMinor * 4);
      expect(edited.specs).toHaveLength(1);
      expect(await auditActions(draft.id)).toEqual(['brief.created', 'brief.updated']);
    });

    it("should refuse with 400 on specs.0.rateCardItemId and change nothing when a draft is edited to another contract's item", async () => {
      const draft = await createBrief();
      const before = await counts();

      const response = await t
        .http()
        .patch(`/api/briefs/${draft.id}`)
        .set(bearer(tokenOf('lead')))
        .send({
          specs: [
            { rateCardItemId: seeded.southpeakActive.rateCard[0].id, quantity: 1, dueDate: '2031-03-22' },
          ],
        });

      expect(response.status).toBe(400);
      expect(fieldsOf(response)).toEqual(['specs.0.rateCardItemId']);
      expect(await counts()).toEqual(before);
      const after = (
        await t
          .http()
          .get(`/api/briefs/${draft.id}`)
          .set(bearer(tokenOf('lead')))
      ).body as BriefDetailDto;
      expect(after.specs.map((spec) => spec.rateCardItemId)).toEqual(
        draft.specs.map((spec) => spec.rateCardItemId),
      );
    });

    it.each(['created', 'edited'] as const)(
      'should refuse with 400 on keyMessages and write nothing when a brief is %s with a key message over 500 characters',
      async (how) => {
        const draft = how === 'edited' ? await createBrief() : null;
        const keyMessages = ['Short', 'x'.repeat(501)];
        const before = await counts();

        const response = draft
          ? await t
              .http()
              .patch(`/api/briefs/${draft.id}`)
              .set(bearer(tokenOf('lead')))
              .send({ keyMessages })
          : await t
              .http()
              .post('/api/briefs')
              .set(bearer(tokenOf('lead')))
              .send(briefInput(seeded.northwindActive, { keyMessages }));

        expect(response.status).toBe(400);
        expect((response.body as ApiErrorBody).code).toBe('validation_failed');
        expect(fieldsOf(response)).toEqual(['keyMessages']);
        expect(await counts()).toEqual(before);
      },
    );

    it('should refuse with 409 invalid_state and change nothing when a sent brief is edited', async () => {
      const sent = await briefIn('sent');
      const before = await counts();

      const response = await t
        .http()
        .patch(`/api/briefs/${sent.id}`)
        .set(bearer(tokenOf('lead')))
        .send({ title: 'Too late to rename' });

      expect(response.status).toBe(409);
      expect((response.body as ApiErrorBody).code).toBe('invalid_state');
      expect(await counts()).toEqual(before);
      const after = (
        await t
          .http()
          .get(`/api/briefs/${sent.id}`)
          .set(bearer(tokenOf('lead')))
      ).body as BriefDetailDto;
      expect(after.title).toBe(sent.title);
    });
  });

  describe('workflow sides', () => {
    interface SideCase {
      who: Who;
      action: 'send' | 'accept' | 'decline' | 'cancel' | 'complete' | 'budget-override';
      from: 'draft' | 'sent' | 'accepted';
      status: number;
      code: ErrorCode;
      why: string;
    }

    const WITH_REASON = new Set(['decline', 'budget-override']);
    const ANY_ACTION: { action: SideCase['action']; from: SideCase['from'] }[] = [
      { action: 'send', from: 'draft' },
      { action: 'budget-override', from: 'draft' },
      { action: 'accept', from: 'sent' },
      { action: 'decline', from: 'sent' },
      { action: 'cancel', from: 'sent' },
      { action: 'complete', from: 'accepted' },
    ];

    const CASES: SideCase[] = [
      {
        who: 'northwindAdmin',
        action: 'send',
        from: 'draft',
        status: 403,
        code: 'forbidden',
        why: 'the agency cannot send',
      },
      {
        who: 'northwindMember',
        action: 'send',
        from: 'draft',
        status: 403,
        code: 'forbidden',
        why: 'the agency cannot send',
      },
      {
        who: 'northwindAdmin',
        action: 'cancel',
        from: 'sent',
        status: 403,
        code: 'forbidden',
        why: 'the agency cannot cancel',
      },
      {
        who: 'northwindMember',
        action: 'complete',
        from: 'accepted',
        status: 403,
        code: 'forbidden',
        why: 'the agency cannot complete',
      },
      {
        who: 'northwindMember',
        action: 'budget-override',
        from: 'sent',
        status: 403,
        code: 'forbidden',
        why: 'the agency cannot override the budget',
      },
      {
        who: 'lead',
        action: 'accept',
        from: 'sent',
        status: 403,
        code: 'forbidden',
        why: 'the brand cannot accept',
      },
      {
        who: 'lead',
        action: 'decline',
        from: 'sent',
        status: 403,
        code: 'forbidden',
        why: 'the brand cannot decline',
      },
      // admin holds every permission; the workflow refuses the agency's side to the brand.
      {
        who: 'admin',
        action: 'accept',
        from: 'sent',
        status: 409,
        code: 'invalid_state',
        why: 'the brand cannot accept',
      },
      {
        who: 'admin',
        action: 'decline',
        from: 'sent',
        status: 409,
        code: 'invalid_state',
        why: 'the brand cannot decline',
      },
      ...(['reviewer', 'finance', 'viewer'] as const).flatMap((who) =>
        ANY_ACTION.map(({ action, from }) => ({
          who,
          action,
          from,
          status: 403,
          code: 'forbidden' as const,
          why: `${who} has no brief actions`,
        })),
      ),
    ];

    it.each(CASES)(
      'should refuse with $status $code and leave the brief $from when $who calls $action ($why)',
      async ({ who, action, from, status, code }) => {
        const brief = await briefIn(from);
        const before = await counts();

        const response = await act(
          who,
          brief.id,
          action,
          WITH_REASON.has(action) ? { reason: 'Because' } : undefined,
        );

        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect(response.status).toBe(status);
        expect((response.body as ApiErrorBody).code).toBe(code);
        expect(await statusOf(brief.id)).toBe(from);
        expect(await counts()).toEqual(before);
      },
    );
  });

  describe('declining', () => {
    it.each([
      ['no reason', {}],
      ['a blank reason', { reason: '   ' }],
    ])(
      'should refuse with 400 on reason and leave the brief sent when the agency declines with %s',
      async (_label, body) => {
        const sent = await briefIn('sent');
        const before = await counts();

        const response = await act('northwindMember', sent.id, 'decline', body);

        expect(response.status).toBe(400);
        expect((response.body as ApiErrorBody).code).toBe('validation_failed');
        expect(fieldsOf(response)).toEqual(['reason']);
        expect(await statusOf(sent.id)).toBe('sent');
        expect(await counts()).toEqual(before);
      },
    );

    it('should store the reason and record brief.declined when the agency declines with a reason', async () => {
      const sent = await briefIn('sent');

      const response = await act('northwindMember', sent.id, 'decline', { reason: 'No capacity in March' });

      expect(response.status).toBe(200);
      const declined = response.body as BriefDetailDto;
      expect(declined.status).toBe('declined');
      expect(declined.declineReason).toBe('No capacity in March');
      expect(declined.answeredAt).not.toBeNull();
      expect(declined.deliverables).toEqual([]);
      expect(await auditActions(sent.id)).toEqual(['brief.created', 'brief.sent', 'brief.declined']);
    });
  });

  describe('budget commitments', () => {
    it('should leave committedMinor unchanged when a sent brief is declined', async () => {
      const before = await committed();
      const sent = await briefIn('sent');

      const response = await act('northwindAdmin', sent.id, 'decline', { reason: 'Out of scope' });

      expect(response.status).toBe(200);
      expect(await committed()).toBe(before);
    });

    it('should release the commitment when an accepted brief is cancelled', async () => {
      const before = await committed();
      const accepted = await briefIn('accepted');
      expect(await committed()).toBe(before + accepted.budgetEstimateMinor);

      const response = await act('lead', accepted.id, 'cancel');

      expect(response.status).toBe(200);
      expect((response.body as BriefDetailDto).status).toBe('cancelled');
      expect(await committed()).toBe(before);
    });

    it('should leave committedMinor unchanged when a sent brief is cancelled', async () => {
      const before = await committed();
      const sent = await briefIn('sent');

      const response = await act('lead', sent.id, 'cancel');

      expect(response.status).toBe(200);
      expect(await committed()).toBe(before);
    });
  });

  describe('agency visibility', () => {
    it.each(['northwindAdmin', 'northwindMember'] as const)(
      'should hide a draft from the list and answer 404 exactly as for a missing brief when %s asks for it',
      async (who) => {
        const draft = await createBrief();

        const list = await t
          .http()
          .get('/api/briefs?limit=100')
          .set(bearer(tokenOf(who)));
        const drafts = await t
          .http()
          .get('/api/briefs?status=draft')
          .set(bearer(tokenOf(who)));
        const byId = await t
          .http()
          .get(`/api/briefs/${draft.id}`)
          .set(bearer(tokenOf(who)));
        const missing = await t
          .http()
          .get(`/api/briefs/${randomUUID()}`)
          .set(bearer(tokenOf(who)));

        expect(list.status).toBe(200);
        expect((list.body as Page<BriefDto>).items.map((brief) => brief.id)).not.toContain(draft.id);
        expect(drafts.status).toBe(200);
        expect((drafts.body as Page<unknown>).items).toEqual([]);
        expect(byId.status).toBe(404);
        expect((byId.body as ApiErrorBody).code).toBe('not_found');
        expect(byId.body).toEqual(missing.body);
      },
    );

    it('should show the brief to the agency when it is sent', async () => {
      const sent = await briefIn('sent');

      const list = await t
        .http()
        .get('/api/briefs?limit=100')
        .set(bearer(tokenOf('northwindMember')));
      const byId = await t
        .http()
        .get(`/api/briefs/${sent.id}`)
        .set(bearer(tokenOf('northwindMember')));

      expect((list.body as Page<BriefDto>).items.map((brief) => brief.id)).toContain(sent.id);
      expect(byId.status).toBe(200);
      expect((byId.body as BriefDetailDto).status).toBe('sent');
    });
  });

  describe('notifications and e-mail', () => {
    it('should notify every active user of the agency and nobody else with brief_sent when a brief is sent', async () => {
      const draft = await createBrief();
      await t.dataSource.query(
        `INSERT INTO users (email, name, role, agency_id, active)
         VALUES ($1, 'Former Northwind', 'agency_member', $2, false)`,
        [`former-${randomUUID()}@northwind.demo.local`, seeded.northwindId],
      );
      const activeAgencyUsers: { id: string }[] = await t.dataSource.query(
        'SELECT id FROM users WHERE agency_id = $1 AND active ORDER BY id',
        [seeded.northwindId],
      );

      const response = await act('lead', draft.id, 'send');

      expect(response.status).toBe(200);
      expect(activeAgencyUsers.length).toBeGreaterThanOrEqual(2);
      expect(await noticesFor(draft.id, 'brief_sent')).toEqual(activeAgencyUsers.map((user) => user.id));
    });

    it('should notify the contract owner with brief_answered when the agency accepts', async () => {
      const sent = await briefIn('sent');

      const response = await act('northwindMember', sent.id, 'accept');

      expect(response.status).toBe(200);
      expect(await noticesFor(sent.id, 'brief_answered')).toEqual([seeded.northwindActive.owner.id]);
    });

    it('should notify the contract owner with brief_answered and the reason when the agency declines', async () => {
      const sent = await briefIn('sent');

      const response = await act('northwindAdmin', sent.id, 'decline', { reason: 'Team on leave' });

      expect(response.status).toBe(200);
      await t.deliverEvents();
      const notices: { user_id: string; body: string }[] = await t.dataSource.query(
        `SELECT user_id, body FROM notifications WHERE entity_id = $1 AND kind = 'brief_answered'`,
        [sent.id],
      );
      expect(notices.map((notice) => notice.user_id)).toEqual([seeded.northwindActive.owner.id]);
      expect(notices[0].body).toContain('Team on leave');
    });

    it('should keep the e-mails in the outbox as not_sent when SMTP is not configured', async () => {
      const draft = await createBrief();

      expect((await act('lead', draft.id, 'send')).status).toBe(200);
      expect((await act('northwindMember', draft.id, 'accept')).status).toBe(200);
      const messages = await outbox();

      // Each in the recipient's language: Jiwoo works in Korean.
      const sentMails = messages.filter((message) =>
        [`New brief: ${draft.title}`, `새 브리프: ${draft.title}`].includes(message.subject),
      );
      expect(sentMails.map((message) => `${message.to} ${message.subject}`).sort()).toEqual(
        [
          `${DEMO.northwindAdmin} New brief: ${draft.title}`,
          `${DEMO.northwindMember} New brief: ${draft.title}`,
          `${DEMO.northwindKoreanMember} 새 브리프: ${draft.title}`,
        ].sort(),
      );
      const acceptedMails = messages.filter(
        (message) => message.subject === `Brief accepted: ${draft.title}`,
      );
      expect(acceptedMails.map((message) => message.to)).toEqual([seeded.northwindActive.owner.email]);
      for (const message of [...sentMails, ...acceptedMails]) {
        expect(message.status).toBe('not_sent');
        expect(message.error).toMatch(/SMTP/);
      }
    });

    it.each(['lead', 'reviewer', 'finance', 'viewer', 'northwindAdmin', 'northwindMember'] as const)(
      'should refuse with 403 forbidden when %s reads the mail outbox',
      async (who) => {
        const response = await t
          .http()
          .get('/api/mail-outbox')
          .set(bearer(tokenOf(who)));

        expect(response.status).toBe(403);
        expect((response.body as ApiErrorBody).code).toBe('forbidden');
      },
    );
  });
});
