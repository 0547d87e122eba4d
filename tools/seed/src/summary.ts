import { Client } from 'pg';
import type { Organisation, Volumes } from './context';
import { LARGE_PASSWORD } from './domains/organisation';

/** The tables the generator fills, in the order it reports them. */
export const SEEDED_TABLES = [
  'business_units',
  'users',
  'agencies',
  'marketing_goals',
  'contracts',
  'rate_card_items',
  'contract_goals',
  'approval_policies',
  'briefs',
  'brief_goals',
  'deliverable_specs',
  'deliverables',
  'deliverable_versions',
  'stored_files',
  'approval_decisions',
  'comments',
  'notifications',
  'mail_outbox',
  'audit_events',
  'invoices',
  'invoice_lines',
  'invoice_goal_totals',
  'invoice_approvals',
  'exchange_rates',
  'budget_alerts',
  'metric_imports',
  'performance_metrics',
  'goal_outcomes',
  'goal_metric_days',
] as const;

export interface AgencyFacts {
  id: string;
  name: string;
  /** Users of an offboarded agency cannot sign in. */
  status: 'active' | 'offboarded';
  admin: string;
  member: string;
  contracts: number;
  briefs: number;
  deliverables: number;
}

export interface LargeSummary {
  generatedAt: string;
  historyEndsAt: string;
  scale: number;
  seed: number;
  volumes: Volumes;
  seconds: number;
  password: string;
  accounts: Record<string, { email: string; role: string; note: string }>;
  agencies: {
    biggest: AgencyFacts;
    smallest: AgencyFacts;
    all: { name: string; admin: string; member: string }[];
  };
  ids: Record<string, unknown>;
  rows: Record<string, number>;
}

const NOTES: Record<string, string> = {
  admin: 'administers the organisation, policies and the audit log',
  lead: 'social lead: owns the biggest agency and many contracts, sees everything in-house',
  reviewer: 'brand reviewer: decides "Brand review" steps (by role) of the CoE template and its markets',
  legal: "named approver of the CoE template's legal step",
  'hr-reviewer':
    'reviewer named by one policy only (Employer Brand): reads the contracts of that unit and those whose policy names the reviewer role',
  finance: 'finance: reads contracts and briefs',
  viewer: 'viewer: reads goals and reports',
};

async function one<T>(client: Client, sql: string): Promise<T> {
  const { rows } = await client.query(sql);
  if (!rows[0]) throw new Error(`no row for: ${sql}`);
  return rows[0] as T;
}

/** The first row, or null (a small run may not have, say, a deliverable in review with comments). */
async function first(client: Client, sql: string): Promise<unknown> {
  const { rows } = await client.query(sql);
  return rows[0] ?? null;
}

/**
 * Accounts and the ids a benchmark or a person exploring the data wants (the biggest agency, a
 * brief with many deliverables, a deliverable with many versions, …), read back from the database.
 */
export async function summarise(
  databaseUrl: string,
  run: { org: Organisation; volumes: Volumes; scale: number; seed: number; now: Date; ms: number },
): Promise<LargeSummary> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows: Record<string, number> = {};
    for (const table of SEEDED_TABLES) {
      const { count } = await one<{ count: string }>(client, `SELECT count(*) AS count FROM ${table}`);
      rows[table] = Number(count);
    }
    const agencyFacts = await client.query<{
      id: string;
      contracts: string;
      briefs: string;
      deliverables: string;
    }>(`
      WITH per_contract AS (
        SELECT c.id, c.agency_id,
               (SELECT count(*) FROM briefs b WHERE b.contract_id = c.id) AS briefs
          FROM contracts c
      ), delivered AS (
        SELECT c.agency_id, count(*) AS deliverables
          FROM deliverables d JOIN briefs b ON b.id = d.brief_id JOIN contracts c ON c.id = b.contract_id
         GROUP BY c.agency_id
      )
      SELECT a.id, count(pc.id) AS contracts, COALESCE(sum(pc.briefs), 0) AS briefs,
             COALESCE(max(delivered.deliverables), 0) AS deliverables
        FROM agencies a
        LEFT JOIN per_contract pc ON pc.agency_id = a.id
        LEFT JOIN delivered ON delivered.agency_id = a.id
       GROUP BY a.id
       ORDER BY deliverables DESC, a.id`);
    const facts = (row: {
      id: string;
      contracts: string;
      briefs: string;
      deliverables: string;
    }): AgencyFacts => {
      const agency = run.org.agencies.find((candidate) => candidate.id === row.id);
      if (!agency) throw new Error(`agency ${row.id} is not in the plan`);
      return {
        id: agency.id,
        name: agency.name,
        status: agency.offboarded ? 'offboarded' : 'active',
        admin: `admin@${agency.slug}.large.local`,
        member: `member@${agency.slug}.large.local`,
        contracts: Number(row.contracts),
        briefs: Number(row.briefs),
        deliverables: Number(row.deliverables),
      };
    };
    const ranked = agencyFacts.rows.map(facts);
    const ids = {
      briefWithMostDeliverables: await first(
        client,
        `
        SELECT brief_id AS id, count(*)::int AS deliverables FROM deliverables GROUP BY brief_id ORDER BY 2 DESC, 1 LIMIT 1`,
      ),
      deliverableWithMostVersions: await first(
        client,
        `
        SELECT deliverable_id AS id, count(*)::int AS versions FROM deliverable_versions GROUP BY deliverable_id ORDER BY 2 DESC, 1 LIMIT 1`,
      ),
      contractWithMostBriefs: await first(
        client,
        `
        SELECT c.id, c.reference, count(*)::int AS briefs FROM briefs b JOIN contracts c ON c.id = b.contract_id
         GROUP BY c.id ORDER BY 3 DESC, 1 LIMIT 1`,
      ),
      goalWithMostBriefs: await first(
        client,
        `
        SELECT goal_id AS id, count(*)::int AS briefs FROM brief_goals GROUP BY goal_id ORDER BY 2 DESC, 1 LIMIT 1`,
      ),
      deliverableInReviewWithComments: await first(
        client,
        `
        SELECT d.id, count(*)::int AS comments FROM deliverables d JOIN comments k ON k.version_id = d.current_version_id
         WHERE d.status = 'in_review' GROUP BY d.id ORDER BY 2 DESC, 1 LIMIT 1`,
      ),
      derivedDeliverable: await first(
        client,
        `
        SELECT id, derived_from_id AS "derivedFromId" FROM deliverables WHERE derived_from_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
      ),
      hrReviewerPolicy: await first(
        client,
        `
        SELECT p.id, p.name FROM approval_policies p JOIN users u ON p.steps::text LIKE '%' || u.id::text || '%'
         WHERE u.email = 'hr-reviewer@large.local' LIMIT 1`,
      ),
    };
    const accounts: LargeSummary['accounts'] = {};
    for (const [key, user] of Object.entries(run.org.accounts)) {
      accounts[key] = { email: user.email, role: user.role, note: NOTES[key] ?? user.role };
    }
    const active = ranked.filter((agency) => agency.status === 'active');
    const biggest = active[0];
    const smallest = active.at(-1);
    if (!biggest || !smallest) throw new Error('no agencies');
    return {
      generatedAt: new Date().toISOString(),
      historyEndsAt: run.now.toISOString(),
      scale: run.scale,
      seed: run.seed,
      volumes: run.volumes,
      seconds: Math.round(run.ms / 100) / 10,
      password: LARGE_PASSWORD,
      accounts,
      agencies: {
        biggest,
        smallest,
        all: ranked.map((agency) => ({
          name: agency.name,
          status: agency.status,
          admin: agency.admin,
          member: agency.member,
        })),
      },
      ids,
      rows,
    };
  } finally {
    await client.end();
  }
}
