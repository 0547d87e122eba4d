import { can, ROLES, type Permission, type Role } from '@agency-portal/shared';
import { FILE_STORAGE, type FileStorage } from '../src/app/files/file-storage';
import { seedDemoReviews } from '../src/app/seed/demo-reviews';
import { seedDemoSpend } from '../src/app/seed/demo-spend';
import { bearer, createTestApp, DEMO, type TestApp } from './support/test-app';

/**
 * Who may call which invoice and spend route, from the shared permission table: a role without the
 * permission gets 403, a role with it never does (its answer depends on the record and body).
 */
const ACTOR_EMAIL: Record<Role, string> = {
  admin: DEMO.admin,
  social_lead: DEMO.lead,
  reviewer: DEMO.reviewer,
  finance: DEMO.finance,
  viewer: DEMO.viewer,
  agency_admin: DEMO.northwindAdmin,
  agency_member: DEMO.northwindMember,
};

interface Route {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: (ids: Ids) => string;
  permission: Permission;
  body?: object;
}

interface Ids {
  invoice: string;
  rate: string;
  contract: string;
}

const ROUTES: Route[] = [
  { method: 'get', path: () => '/api/invoices', permission: 'invoice:read' },
  { method: 'get', path: () => '/api/invoices/finance-queue?queue=to_decide', permission: 'invoice:read' },
  { method: 'get', path: () => '/api/invoices/finance-queue/counts', permission: 'invoice:read' },
  { method: 'get', path: (ids) => `/api/invoices/${ids.invoice}`, permission: 'invoice:read' },
  { method: 'get', path: (ids) => `/api/invoices/${ids.invoice}/document`, permission: 'invoice:read' },
  { method: 'post', path: () => '/api/invoices/documents', permission: 'invoice:submit' },
  { method: 'post', path: (ids) => '/api/invoices/draft', permission: 'invoice:submit', body: {} },
  { method: 'post', path: () => '/api/invoices', permission: 'invoice:submit', body: {} },
  { method: 'post', path: (ids) => `/api/invoices/${ids.invoice}/approve`, permission: 'invoice:decide' },
  {
    method: 'post',
    path: (ids) => `/api/invoices/${ids.invoice}/reject`,
    permission: 'invoice:decide',
    body: {},
  },
  {
    method: 'post',
    path: (ids) => `/api/invoices/${ids.invoice}/pay`,
    permission: 'invoice:decide',
    body: {},
  },
  { method: 'post', path: (ids) => `/api/invoices/${ids.invoice}/withdraw`, permission: 'invoice:submit' },
  { method: 'get', path: () => '/api/spend/report?groupBy=month', permission: 'spend:read' },
  { method: 'get', path: () => '/api/spend/lines', permission: 'invoice:read' },
  { method: 'get', path: () => '/api/spend/export?groupBy=month&format=csv', permission: 'spend:read' },
  { method: 'get', path: () => '/api/budget-ledger?level=contract', permission: 'spend:read' },
  { method: 'get', path: () => '/api/exchange-rates', permission: 'spend:read' },
  { method: 'get', path: (ids) => `/api/exchange-rates/${ids.rate}`, permission: 'spend:read' },
  { method: 'post', path: () => '/api/exchange-rates', permission: 'exchange_rate:manage', body: {} },
  {
    method: 'patch',
    path: (ids) => `/api/exchange-rates/${ids.rate}`,
    permission: 'exchange_rate:manage',
    body: {},
  },
  {
    method: 'delete',
    path: () => '/api/exchange-rates/00000000-0000-4000-8000-000000000000',
    permission: 'exchange_rate:manage',
  },
];

describe('authorization of the invoice and spend routes', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  let ids: Ids;

  beforeAll(async () => {
    t = await createTestApp();
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    await seedDemoReviews(t.dataSource, storage);
    await seedDemoSpend(t.dataSource, storage, t.config.invoiceDualApprovalThresholds);
    for (const role of ROLES) tokens[role] = (await t.login(ACTOR_EMAIL[role])).accessToken;
    const [invoice] = await t.dataSource.query(
      `SELECT i.id, i.contract_id FROM invoices i JOIN agencies a ON a.id = i.agency_id
        WHERE a.name = 'Northwind Social' AND i.status = 'rejected' LIMIT 1`,
    );
    const [rate] = await t.dataSource.query('SELECT id FROM exchange_rates LIMIT 1');
    ids = { invoice: invoice.id, rate: rate.id, contract: invoice.contract_id };
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  it.each(ROLES)('should answer 403 exactly where the permission table says no, for %s', async (role) => {
    const answers: string[] = [];
    for (const route of ROUTES) {
      const request = t.http()[route.method](route.path(ids)).set(bearer(tokens[role]));
      const response = route.body ? await request.send(route.body) : await request;
      const allowed = can(role, route.permission);
      const refused = response.status === 403 && response.body.code === 'forbidden';
      if (allowed === refused || response.status >= 500) {
        answers.push(
          `${route.method.toUpperCase()} ${route.path(ids)}: ${response.status} (allowed: ${allowed})`,
        );
      }
    }
    expect(answers).toEqual([]);
  });

  it("should keep each agency to its own invoices in lists and the report's lines", async () => {
    const own: { id: string }[] = await t.dataSource.query(
      `SELECT i.id FROM invoices i JOIN agencies a ON a.id = i.agency_id WHERE a.name = 'Northwind Social' ORDER BY i.id`,
    );
    const list = await t.http().get('/api/invoices?limit=100').set(bearer(tokens.agency_member));
    expect(list.body.items.map((item: { id: string }) => item.id).sort()).toEqual(own.map((row) => row.id));
    const lines = await t.http().get('/api/spend/lines?limit=100').set(bearer(tokens.agency_member));
    expect(lines.status).toBe(200);
    expect(
      lines.body.items.every((line: { agencyName: string }) => line.agencyName === 'Northwind Social'),
    ).toBe(true);
  });
});
