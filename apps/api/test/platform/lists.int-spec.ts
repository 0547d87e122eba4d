import type {
  ApiErrorBody,
  BriefDto,
  ContractDto,
  DeliverableSummaryDto,
  Page,
  UserDto,
} from '@agency-portal/shared';
import { approvalStep, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, stepRefusal } from '@agency-portal/shared';
import type { ApprovalStepInput, Role, StepDecision } from '@agency-portal/shared';
import { Client } from 'pg';
import { FILE_STORAGE, type FileStorage } from '../../src/app/files/file-storage';
import { seedDemoReviews } from '../../src/app/seed/demo-reviews';
import { bearer, createTestApp, DEMO, type TestApp } from '../support/test-app';

/**
 * The list convention, on every list route: a page object, a default and a maximum size, stable
 * keyset order over whitelisted sorts with the id as tie-breaker, cursors bound to their sort,
 * filters and text search.
 */

interface ListRoute {
  path: string;
  /** Sort values to walk (besides the default). */
  sorts: string[];
}

const ROUTES: ListRoute[] = [
  { path: '/api/business-units', sorts: ['-name', 'createdAt'] },
  { path: '/api/agencies', sorts: ['-name', '-createdAt'] },
  { path: '/api/users', sorts: ['email', '-createdAt'] },
  { path: '/api/goals', sorts: ['name', 'periodEnd'] },
  { path: '/api/contracts', sorts: ['reference', '-endDate'] },
  { path: '/api/briefs', sorts: ['-dueDate', 'title'] },
  { path: '/api/deliverables', sorts: ['-dueDate', 'title', 'createdAt'] },
  { path: '/api/approval-policies', sorts: ['-name'] },
  { path: '/api/notifications', sorts: ['createdAt'] },
  { path: '/api/mail-outbox', sorts: ['createdAt'] },
  { path: '/api/audit-events', sorts: ['at'] },
];

function withQuery(path: string, query: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

describe('lists', () => {
  let t: TestApp;
  let admin: string;
  let lead: string;
  let northwind: string;
  /** The brief that was given 30 extra deliverables. */
  let busyBriefId: string;

  async function get(path: string, token = admin) {
    return t.http().get(path).set(bearer(token));
  }

  async function page<T = { id: string }>(path: string, token = admin): Promise<Page<T>> {
    const response = await get(path, token);
    expect(response.status).toBe(200);
    return response.body as Page<T>;
  }

  /** Every page of a list at `limit` rows a page, following the cursors. */
  async function walk<T extends { id: string }>(path: string, limit: number, token = admin): Promise<T[][]> {
    const pages: T[][] = [];
    let cursor: string | null = null;
    do {
      const current: Page<T> = await page<T>(
        withQuery(path, `limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
        token,
      );
      expect(current.items.length).toBeLessThanOrEqual(limit);
      pages.push(current.items);
      cursor = current.nextCursor;
      if (cursor !== null) expect(current.items).toHaveLength(limit);
    } while (cursor !== null && pages.length < 500);
    return pages;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoReviews(t.dataSource, t.app.get<FileStorage>(FILE_STORAGE));
    admin = (await t.login(DEMO.admin)).accessToken;
    lead = (await t.login(DEMO.lead)).accessToken;
    northwind = (await t.login(DEMO.northwindMember)).accessToken;
    // Enough rows for several pages of everything, with equal sort values to exercise the tie-breaker.
    await t.dataSource.query(`
      INSERT INTO business_units (name, operating_model, created_at)
      SELECT 'Unit ' || lpad(n::text, 3, '0'), 'centralised', now() - interval '1 day'
        FROM generate_series(1, 30) n`);
    await t.dataSource.query(`
      INSERT INTO notifications (user_id, kind, title, body, created_at)
      SELECT u.id, 'brief_sent', 'Notice ' || n, 'Body', now() - (n % 3) * interval '1 minute'
        FROM generate_series(1, 40) n, users u WHERE u.email = 'admin@demo.local'`);
    const busy: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM briefs WHERE status = 'in_progress' ORDER BY due_date, id LIMIT 1`,
    );
    busyBriefId = busy[0].id;
    await t.dataSource.query(
      `INSERT INTO deliverables (brief_id, title, due_date, status)
       SELECT $1, 'Extra cut ' || n, DATE '2031-01-01', 'draft' FROM generate_series(1, 30) n`,
      [busyBriefId],
    );
  });

  afterAll(async () => {
    await t.close();
  });

  describe.each(ROUTES)('$path', ({ path, sorts }) => {
    it('should answer a page of at most the default size with a cursor to read on', async () => {
      const first = await page(path);

      expect(Object.keys(first)).toEqual(expect.arrayContaining(['items', 'limit', 'nextCursor']));
      expect(Array.isArray(first.items)).toBe(true);
      expect(first.limit).toBe(DEFAULT_PAGE_SIZE);
      expect(first.items.length).toBeLessThanOrEqual(DEFAULT_PAGE_SIZE);
    });

    it.each(['', ...sorts])(
      'should give every row exactly once, in order, when walked in small pages (sort %s)',
      async (sort) => {
        const sorted = sort ? withQuery(path, `sort=${sort}`) : path;
        const whole = await page(withQuery(sorted, `limit=${MAX_PAGE_SIZE}`));
        const pages = await walk(sorted, 7);

        const walked = pages.flat().map((row) => row.id);
        expect(new Set(walked).size).toBe(walked.length);
        if (whole.nextCursor === null) expect(walked).toEqual(whole.items.map((row) => row.id));
        else expect(walked.slice(0, MAX_PAGE_SIZE)).toEqual(whole.items.map((row) => row.id));
      },
    );

    it('should refuse a page larger than the maximum with 400 on limit', async () => {
      const response = await get(withQuery(path, `limit=${MAX_PAGE_SIZE + 1}`));

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).code).toBe('validation_failed');
      expect((response.body as ApiErrorBody).details?.fields?.map((field) => field.field)).toEqual(['limit']);
    });

    it('should refuse a sort the route does not offer with 400 on sort', async () => {
      const response = await get(withQuery(path, 'sort=password'));

      expect(response.status).toBe(400);
      expect((response.body as ApiErrorBody).details?.fields?.map((field) => field.field)).toEqual(['sort']);
    });

    it('should refuse a cursor that is not one, or belongs to another sort, with 400 on cursor', async () => {
      const first = await page(withQuery(path, 'limit=1'));
      const garbage = await get(withQuery(path, 'cursor=not-a-cursor'));
      expect(garbage.status).toBe(400);
      expect((garbage.body as ApiErrorBody).details?.fields?.map((field) => field.field)).toEqual(['cursor']);
      if (first.nextCursor) {
        const otherSort = await get(
          withQuery(path, `sort=${sorts[0]}&cursor=${encodeURIComponent(first.nextCursor)}`),
        );
        expect(otherSort.status).toBe(400);
      }
    });

    it('should count the matching rows when asked withTotal', async () => {
      const counted = await page(withQuery(path, `withTotal=true&limit=${MAX_PAGE_SIZE}`));
      const rows = (await walk(path, MAX_PAGE_SIZE)).flat();

      expect(counted.total).toEqual({ count: rows.length, exact: true });
    });
  });

  it('should document the page parameters of every list route in OpenAPI', async () => {
    const document = (await t.http().get('/api/docs-json')).body as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const paths = [...ROUTES.map((route) => route.path), '/api/versions/{versionId}/comments'];
    for (const path of paths) {
      const names = (document.paths[path]?.get?.parameters ?? []).map((parameter) => parameter.name);
      expect({ path, names }).toEqual({
        path,
        names: expect.arrayContaining(['limit', 'cursor', 'sort', 'q', 'withTotal']),
      });
    }
  });

  it('should keep an agency member to their own agency on every page', async () => {
    const briefs = (await walk<BriefDto>('/api/briefs', 1, northwind)).flat();
    const agencies = new Set(briefs.map((brief) => brief.agencyId));

    expect(briefs.length).toBeGreaterThan(1);
    expect([...agencies]).toEqual([await t.agencyId('Northwind Social')]);
  });

  it('should search briefs by contract reference and title', async () => {
    const contracts = await page<ContractDto>('/api/contracts?q=KR-01', lead);
    expect(contracts.items).toHaveLength(1);
    const reference = contracts.items[0].reference;

    const byReference = await page<BriefDto>(
      `/api/briefs?q=${encodeURIComponent(reference.toLowerCase())}`,
      lead,
    );
    expect(byReference.items.length).toBeGreaterThan(0);
    expect(byReference.items.every((brief) => brief.contractReference === reference)).toBe(true);

    const title = byReference.items[0].title;
    const byTitle = await page<BriefDto>(`/api/briefs?q=${encodeURIComponent(title.slice(2, 12))}`, lead);
    expect(byTitle.items.map((brief) => brief.id)).toContain(byReference.items[0].id);
  });

  it('should match a search literally, wildcards included', async () => {
    const everything = await page<UserDto>('/api/users?q=%25');
    expect(everything.items).toEqual([]);
  });

  it('should find people by part of their e-mail', async () => {
    const found = await page<UserDto>('/api/users?q=NORTHWIND.demo');

    expect(found.items.map((user) => user.email).sort()).toEqual(
      [DEMO.northwindAdmin, DEMO.northwindMember, DEMO.northwindKoreanMember].sort(),
    );
  });

  it('should filter deliverables by brief and by due date', async () => {
    const briefId = busyBriefId;

    const ofBrief = (
      await walk<DeliverableSummaryDto>(`/api/deliverables?briefId=${briefId}`, 10, lead)
    ).flat();
    const late = await page<DeliverableSummaryDto>(
      `/api/deliverables?briefId=${briefId}&dueFrom=2031-01-01&limit=100`,
      lead,
    );

    expect(ofBrief.every((deliverable) => deliverable.briefId === briefId)).toBe(true);
    expect(late.items).toHaveLength(30);
    expect(late.items.every((deliverable) => deliverable.dueDate >= '2031-01-01')).toBe(true);
  });

  it("should bound a brief's nested deliverables and say how many there are", async () => {
    const detail = await get(`/api/briefs/${busyBriefId}`, lead);
    const all = (
      await walk<DeliverableSummaryDto>(`/api/deliverables?briefId=${busyBriefId}`, 100, lead)
    ).flat();

    expect(detail.body.deliverableCount).toBe(all.length);
    expect(detail.body.deliverables.map((deliverable: { id: string }) => deliverable.id)).toEqual(
      all.slice(0, 100).map((deliverable) => deliverable.id),
    );
  });

  it('should read each detail page in a fixed number of statements, however much it holds', async () => {
    /** Statements sent to PostgreSQL while one request runs (the session check included). */
    async function statementsOf(path: string): Promise<number> {
      const counting = jest.spyOn(Client.prototype, 'query');
      try {
        expect((await get(path, lead)).status).toBe(200);
        return counting.mock.calls.length;
      } finally {
        counting.mockRestore();
      }
    }
    const small: { id: string }[] = await t.dataSource.query(
      `SELECT b.id FROM briefs b JOIN deliverables d ON d.brief_id = b.id WHERE b.id <> $1
        GROUP BY b.id ORDER BY count(*) ASC, b.id LIMIT 1`,
      [busyBriefId],
    );
    const reviewed: { id: string }[] = await t.dataSource.query(
      `SELECT d.id FROM deliverables d WHERE d.review_policy IS NOT NULL
        ORDER BY (SELECT count(*) FROM deliverable_versions v WHERE v.deliverable_id = d.id) DESC LIMIT 1`,
    );
    const fresh: { id: string }[] = await t.dataSource.query(
      `SELECT d.id FROM deliverables d WHERE d.current_version_id IS NULL LIMIT 1`,
    );

    const busyBrief = await statementsOf(`/api/briefs/${busyBriefId}`);
    expect(await statementsOf(`/api/briefs/${small[0].id}`)).toBe(busyBrief);
    expect(busyBrief).toBeLessThanOrEqual(1 + 4);
    // A deliverable's detail: itself, then versions, derivatives, files, the files' renditions,
    // decisions, the goals it serves (and its policy when it has none of its own) in one round.
    expect(await statementsOf(`/api/deliverables/${reviewed[0].id}`)).toBeLessThanOrEqual(1 + 7);
    expect(await statementsOf(`/api/deliverables/${fresh[0].id}`)).toBeLessThanOrEqual(1 + 8);
    const contracts = await page<ContractDto>('/api/contracts', lead);
    expect(await statementsOf(`/api/contracts/${contracts.items[0].id}`)).toBeLessThanOrEqual(1 + 4);
    const goals = await page<{ id: string }>('/api/goals', lead);
    expect(await statementsOf(`/api/goals/${goals.items[0].id}`)).toBeLessThanOrEqual(1 + 2);
  });

  it('should list exactly the deliverables whose current step the caller may decide in the review queue', async () => {
    // Every in-review row with what the shared rule needs: its steps, the contract's owner and the
    // decisions on its current version; the queue's SQL must agree with stepRefusal on each.
    const inReview: {
      id: string;
      steps: ApprovalStepInput[];
      current_step: number;
      owner_id: string;
      decisions: StepDecision[];
    }[] = await t.dataSource.query(
      `SELECT d.id, d.review_policy->'steps' AS steps, d.current_step, c.owner_id,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('stepIndex', a.step_index, 'approverId', a.approver_id))
                          FROM approval_decisions a WHERE a.version_id = d.current_version_id), '[]'::jsonb) AS decisions
         FROM deliverables d JOIN briefs b ON b.id = d.brief_id JOIN contracts c ON c.id = b.contract_id
        WHERE d.status = 'in_review'`,
    );
    for (const email of [DEMO.lead, DEMO.reviewer, DEMO.legal, DEMO.admin]) {
      const token = (await t.login(email)).accessToken;
      const queue = (
        await walk<DeliverableSummaryDto>('/api/deliverables?awaitingMe=true', 100, token)
      ).flat();
      const [person] = await t.dataSource.query<{ id: string; role: Role }[]>(
        'SELECT id, role FROM users WHERE email = $1',
        [email],
      );
      if (!person) throw new Error(`${email} missing`);
      const expected = inReview.filter(
        (row) =>
          stepRefusal(row.steps.map(approvalStep), row.current_step, person, {
            contractOwnerId: row.owner_id,
            decisions: row.decisions,
          }) === null,
      );
      expect(queue.map((deliverable) => deliverable.id).sort()).toEqual(expected.map((row) => row.id).sort());
    }
  });

  it('should show the notifications of the caller only, with the unread count', async () => {
    const mine = await page<{ id: string }>('/api/notifications?limit=100');
    const theirs = await page<{ id: string }>('/api/notifications?limit=100', lead);
    const unreadOnly = await get('/api/notifications?unread=true&limit=100');

    expect(mine.items.length).toBeGreaterThanOrEqual(40);
    expect(theirs.items.map((notice) => notice.id)).not.toEqual(expect.arrayContaining([mine.items[0].id]));
    expect(unreadOnly.body.unread).toBe(unreadOnly.body.items.length);
  });
});
