import type {
  ApprovalPolicyDto,
  BriefDetailDto,
  BriefDto,
  ContractDetailDto,
  ContractDto,
  DeliverableDetailDto,
  DeliverableSummaryDto,
  GoalDetailDto,
  InvoiceDetailDto,
  InvoiceDto,
  Page,
  Permission,
  Role,
  UserDto,
} from '@agency-portal/shared';
import { can } from '@agency-portal/shared';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { DEMO_PASSWORD } from '../../src/app/seed/demo-organisation';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { seedDemoSpend } from '../../src/app/seed/demo-spend';
import { PasswordService } from '../../src/app/auth/password.service';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';
import { acceptedBrief, submittedVersion } from '../support/work';

/**
 * The nested-read authorization matrix: every record id that appears inside a list or detail
 * answer must be one the same actor can open on its own route. Starting from every list an actor
 * may read, the walk opens every record it finds, collects the ids inside that answer and opens
 * those too, until nothing new turns up. Person references (owner, uploader, approver) are display
 * data, not records to open, and ids of a kind the role has no read route for (a unit's id on an
 * agency's contract) are not followed.
 */

type Kind =
  'goal' | 'contract' | 'brief' | 'deliverable' | 'version' | 'file' | 'agency' | 'business_unit' | 'invoice';

interface Ref {
  kind: Kind;
  id: string;
  from: string;
}

const ROUTE: Record<Kind, (id: string) => string> = {
  goal: (id) => `/api/goals/${id}`,
  contract: (id) => `/api/contracts/${id}`,
  brief: (id) => `/api/briefs/${id}`,
  deliverable: (id) => `/api/deliverables/${id}`,
  version: (id) => `/api/versions/${id}/comments`,
  file: (id) => `/api/files/${id}/content`,
  agency: (id) => `/api/agencies/${id}`,
  business_unit: (id) => `/api/business-units/${id}`,
  invoice: (id) => `/api/invoices/${id}`,
};

const READ: Record<Kind, Permission> = {
  goal: 'goal:read',
  contract: 'contract:read',
  brief: 'brief:read',
  deliverable: 'deliverable:read',
  version: 'deliverable:read',
  file: 'deliverable:read',
  agency: 'agency:read',
  business_unit: 'business_unit:read',
  invoice: 'invoice:read',
};

/** The lists an actor starts from, and the kind of record each lists (null: refs only). */
const LISTS: { path: string; permission: Permission; kind: Kind | null }[] = [
  { path: '/api/goals', permission: 'goal:read', kind: 'goal' },
  { path: '/api/contracts', permission: 'contract:read', kind: 'contract' },
  { path: '/api/briefs', permission: 'brief:read', kind: 'brief' },
  { path: '/api/deliverables', permission: 'deliverable:read', kind: 'deliverable' },
  { path: '/api/deliverables?awaitingMe=true', permission: 'deliverable:read', kind: 'deliverable' },
  { path: '/api/agencies', permission: 'agency:read', kind: 'agency' },
  { path: '/api/business-units', permission: 'business_unit:read', kind: 'business_unit' },
  { path: '/api/approval-policies', permission: 'approval_policy:read', kind: null },
  { path: '/api/users', permission: 'user:read', kind: null },
  { path: '/api/invoices', permission: 'invoice:read', kind: 'invoice' },
  { path: '/api/invoices/finance-queue?queue=to_decide', permission: 'invoice:read', kind: 'invoice' },
  { path: '/api/spend/lines', permission: 'invoice:read', kind: null },
];

function ref(kind: Kind, id: string | null | undefined, from: string): Ref[] {
  return id ? [{ kind, id, from }] : [];
}

/** The record ids inside one answer of a kind's own route. */
function refsInDetail(kind: Kind, body: unknown, from: string): Ref[] {
  switch (kind) {
    case 'goal': {
      const goal = body as GoalDetailDto;
      return [
        ...ref('business_unit', goal.businessUnitId, from),
        // Every allocation is shown; the contract is linked (so opened) only where `mayOpen`.
        ...goal.contracts.flatMap((contract) => [
          ...(contract.mayOpen ? ref('contract', contract.contractId, from) : []),
          ...ref('agency', contract.agencyId, from),
        ]),
      ];
    }
    case 'contract': {
      const contract = body as ContractDetailDto;
      return [
        ...refsInListItem('contract', contract, from),
        ...contract.allocations.flatMap((allocation) => ref('goal', allocation.goalId, from)),
      ];
    }
    case 'brief': {
      const brief = body as BriefDetailDto;
      return [
        ...refsInListItem('brief', brief, from),
        ...brief.deliverables.flatMap((deliverable) => [
          ...ref('deliverable', deliverable.id, from),
          ...ref('deliverable', deliverable.derivedFromId, from),
        ]),
      ];
    }
    case 'deliverable': {
      const deliverable = body as DeliverableDetailDto;
      return [
        ...refsInListItem('deliverable', deliverable, from),
        ...ref('contract', deliverable.contractId, from),
        ...ref('agency', deliverable.agencyId, from),
        ...ref('deliverable', deliverable.derivedFrom?.id, from),
        ...deliverable.derivatives.flatMap((child) => ref('deliverable', child.id, from)),
        ...deliverable.versions.flatMap((version) => [
          ...ref('version', version.id, from),
          ...version.files.flatMap((file) => ref('file', file.id, from)),
        ]),
        ...deliverable.decisions.flatMap((decision) => ref('version', decision.versionId, from)),
      ];
    }
    case 'invoice': {
      const invoice = body as InvoiceDetailDto;
      return [
        ...refsInListItem('invoice', invoice, from),
        ...invoice.lines.flatMap((line) => [
          ...ref('deliverable', line.deliverableId, from),
          ...ref('brief', line.briefId, from),
          ...ref('goal', line.goalId, from),
        ]),
      ];
    }
    case 'version': {
      const comments = body as Page<{ versionId: string }>;
      return comments.items.flatMap((comment) => ref('version', comment.versionId, from));
    }
    default:
      return [];
  }
}

/** The record ids inside one item of a list (and the item itself when the list has a kind). */
function refsInListItem(kind: string, item: unknown, from: string): Ref[] {
  switch (kind) {
    case 'contract': {
      const contract = item as ContractDto;
      return [
        ...ref('agency', contract.agencyId, from),
        ...ref('business_unit', contract.businessUnitId, from),
      ];
    }
    case 'brief': {
      const brief = item as BriefDto;
      return [
        ...ref('contract', brief.contractId, from),
        ...ref('agency', brief.agencyId, from),
        ...brief.goals.flatMap((goal) => ref('goal', goal.id, from)),
      ];
    }
    case 'deliverable': {
      const deliverable = item as DeliverableSummaryDto;
      return [
        ...ref('brief', deliverable.briefId, from),
        ...ref('deliverable', deliverable.derivedFromId, from),
        ...ref('file', deliverable.thumbnail?.fileId, from),
      ];
    }
    case '/api/approval-policies': {
      const policy = item as ApprovalPolicyDto;
      return [
        ...ref('contract', policy.contractId, from),
        ...ref('business_unit', policy.businessUnitId, from),
      ];
    }
    case 'invoice': {
      const invoice = item as InvoiceDto;
      return [...ref('contract', invoice.contractId, from), ...ref('agency', invoice.agencyId, from)];
    }
    case '/api/spend/lines': {
      const line = item as {
        invoiceId: string;
        contractId: string;
        deliverableId: string | null;
        goalId: string;
      };
      return [
        ...ref('invoice', line.invoiceId, from),
        ...ref('contract', line.contractId, from),
        ...ref('deliverable', line.deliverableId, from),
        ...ref('goal', line.goalId, from),
      ];
    }
    case '/api/users': {
      const user = item as UserDto;
      return [...ref('agency', user.agencyId, from), ...ref('business_unit', user.businessUnitId, from)];
    }
    default:
      return [];
  }
}

interface Walk {
  /** Ids the actor was shown but could not open. */
  failures: string[];
  /** The kinds of record the walk opened. */
  opened: Set<Kind>;
}

/** Walks everything reachable from an actor's lists, opening each record on its own route. */
async function walk(t: TestApp, token: string, role: Role): Promise<Walk> {
  const failures: string[] = [];
  const opened = new Set<Kind>();
  const seen = new Set<string>();
  let frontier: Ref[] = [];
  for (const list of LISTS.filter((entry) => can(role, entry.permission))) {
    const response = await t
      .http()
      .get(`${list.path}${list.path.includes('?') ? '&' : '?'}limit=100`)
      .set(bearer(token));
    expect(response.status).toBe(200);
    const page = response.body as Page<{ id: string }>;
    expect(page.nextCursor).toBeNull();
    for (const item of page.items) {
      if (list.kind) frontier.push({ kind: list.kind, id: item.id, from: list.path });
      frontier.push(...refsInListItem(list.kind ?? list.path, item, list.path));
    }
  }
  while (frontier.length > 0) {
    const next = frontier.filter(
      (entry) => can(role, READ[entry.kind]) && !seen.has(`${entry.kind}:${entry.id}`),
    );
    for (const entry of next) seen.add(`${entry.kind}:${entry.id}`);
    const unique = [...new Map(next.map((entry) => [`${entry.kind}:${entry.id}`, entry])).values()];
    const answers = await Promise.all(
      unique.map(async (entry) => ({
        entry,
        response: await t.http().get(ROUTE[entry.kind](entry.id)).set(bearer(token)),
      })),
    );
    frontier = [];
    for (const { entry, response } of answers) {
      if (response.status !== 200) {
        failures.push(`${entry.kind} ${entry.id} answered ${response.status} (shown in ${entry.from})`);
        continue;
      }
      opened.add(entry.kind);
      if (entry.kind !== 'file') {
        frontier.push(...refsInDetail(entry.kind, response.body, `${entry.kind} ${entry.id}`));
      }
    }
  }
  return { failures, opened };
}

type Who = keyof typeof DEMO;
const WHO = Object.keys(DEMO) as Who[];

describe('nested reads', () => {
  describe('on the demo organisation with its reviews', () => {
    let t: TestApp;
    const tokens = {} as Record<Who, string>;
    const roles = {} as Record<Who, Role>;

    beforeAll(async () => {
      t = await createTestApp();
      await seedDemoReviews(t.dataSource, t.app.get<FileStorage>(FILE_STORAGE));
      await seedDemoSpend(
        t.dataSource,
        t.app.get<FileStorage>(FILE_STORAGE),
        t.config.invoiceDualApprovalThresholds,
      );
      for (const who of WHO) {
        const response = await t
          .http()
          .post('/api/auth/login')
          .send({ email: DEMO[who], password: DEMO_PASSWORD });
        const body = response.body as { accessToken: string; user: { role: Role } };
        tokens[who] = body.accessToken;
        roles[who] = body.user.role;
      }
    }, 120_000);

    afterAll(async () => {
      await t.close();
    });

    it.each(WHO)('should let %s open every record shown to them', async (who) => {
      expect((await walk(t, tokens[who], roles[who])).failures).toEqual([]);
    });

    it('should reach every kind of record on the walk of one who sees all', async () => {
      const { opened } = await walk(t, tokens.admin, 'admin');
      expect([...opened].sort()).toEqual(Object.keys(ROUTE).sort());
    });

    it('should answer 404 for every invoice of another agency, as for one that does not exist', async () => {
      const theirs: { id: string }[] = await t.dataSource.query(
        `SELECT i.id FROM invoices i JOIN agencies a ON a.id = i.agency_id WHERE a.name = 'Southpeak Media'`,
      );
      expect(theirs.length).toBeGreaterThan(0);
      for (const { id } of theirs) {
        for (const path of [`/api/invoices/${id}`, `/api/invoices/${id}/document`]) {
          const response = await t.http().get(path).set(bearer(tokens.northwindMember));
          expect(`${path} ${response.status}`).toBe(`${path} 404`);
        }
        const withdraw = await t
          .http()
          .post(`/api/invoices/${id}/withdraw`)
          .set(bearer(tokens.northwindAdmin));
        expect(withdraw.status).toBe(404);
      }
    });

    it("should reach the work below the briefs on an agency member's walk", async () => {
      const { opened } = await walk(t, tokens.northwindMember, 'agency_member');
      expect([...opened].sort()).toEqual([
        'agency',
        'brief',
        'contract',
        'deliverable',
        'file',
        'goal',
        'invoice',
        'version',
      ]);
    });
  });

  describe('with a reviewer named by one contract policy only', () => {
    let t: TestApp;
    let lead: string;
    let admin: string;
    let soloReviewer: string;
    let reviewer: string;
    let northwindKorea: ContractDetailDto;
    let southpeakIndonesia: ContractDetailDto;

    /** A demo contract by the end of its reference (`KR-01`), found through the list's search. */
    async function contractByReference(suffix: string): Promise<ContractDetailDto> {
      const list = await t.http().get(`/api/contracts?q=${suffix}`).set(bearer(lead));
      const found = (list.body as Page<ContractDto>).items.find((contract) =>
        contract.reference.endsWith(suffix),
      );
      if (!found) throw new Error(`no contract ${suffix}`);
      return (await t.http().get(`/api/contracts/${found.id}`).set(bearer(lead))).body as ContractDetailDto;
    }

    beforeAll(async () => {
      t = await createTestApp();
      const hash = await t.app.get(PasswordService).hash(DEMO_PASSWORD);
      await t.dataSource.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ('solo.reviewer@demo.local', 'Solo Reviewer', 'reviewer', $1)`,
        [hash],
      );
      lead = (await t.login(DEMO.lead)).accessToken;
      admin = (await t.login(DEMO.admin)).accessToken;
      reviewer = (await t.login(DEMO.reviewer)).accessToken;
      const solo = await t.login('solo.reviewer@demo.local');
      soloReviewer = solo.accessToken;
      northwindKorea = await contractByReference('KR-01');
      southpeakIndonesia = await contractByReference('ID-01');
      const named = await t
        .http()
        .put(`/api/contracts/${southpeakIndonesia.id}/approval-policy`)
        .set(bearer(admin))
        .send({
          name: 'Solo sign-off',
          steps: [{ name: 'Solo', approverRole: null, approverUserIds: [solo.userId], slaHours: 24 }],
        });
      expect(named.status).toBe(200);
      // Work on both contracts, so there is something to hide as well as something to show.
      const northwindMember = await t.login(DEMO.northwindMember);
      const southpeakMember = await t.login(DEMO.southpeakMember);
      for (const [contract, member] of [
        [northwindKorea, northwindMember],
        [southpeakIndonesia, southpeakMember],
      ] as const) {
        if (contract.status !== 'active') continue;
        const brief = await acceptedBrief(
          t,
          contract,
          { lead, agency: member.accessToken },
          { title: `Work for ${contract.reference}` },
        );
        const version = await submittedVersion(t, brief.deliverables[0].id, member, 'First cut');
        const commented = await t
          .http()
          .post(`/api/versions/${version.versions[0].id}/comments`)
          .set(bearer(lead))
          .send({ body: 'Looks good' });
        expect(commented.status).toBe(201);
      }
    });

    afterAll(async () => {
      await t.close();
    });

    it('should show a reviewer every allocation of a goal, marking as openable only the contracts they can open', async () => {
      const goalId = northwindKorea.allocations[0].goalId;
      for (const token of [reviewer, soloReviewer]) {
        const goal = await t.http().get(`/api/goals/${goalId}`).set(bearer(token));
        expect(goal.status).toBe(200);
        const contracts = (goal.body as GoalDetailDto).contracts;
        for (const contract of contracts) {
          expect(
            (await t.http().get(`/api/contracts/${contract.contractId}`).set(bearer(token))).status,
          ).toBe(contract.mayOpen ? 200 : 404);
        }
        expect(contracts.find((contract) => contract.contractId === northwindKorea.id)?.mayOpen).toBe(false);
      }
    });

    it('should let the solo reviewer open every record shown to them, and see the contract that names them', async () => {
      expect((await walk(t, soloReviewer, 'reviewer')).failures).toEqual([]);
      const contracts = await t.http().get('/api/contracts').set(bearer(soloReviewer));
      expect((contracts.body as Page<ContractDto>).items.map((contract) => contract.id)).toEqual([
        southpeakIndonesia.id,
      ]);
    });

    it('should let a reviewer no policy names open every record shown to them', async () => {
      expect((await walk(t, reviewer, 'reviewer')).failures).toEqual([]);
    });
  });
});
