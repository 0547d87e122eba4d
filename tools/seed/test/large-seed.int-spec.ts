import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../../apps/api/src/app/app.module';
import { loadConfig } from '../../../apps/api/src/app/config/app-config';
import { configureApp } from '../../../apps/api/src/app/configure-app';
import { ContractJobs } from '../../../apps/api/src/app/contracts/contract-jobs';
import { ReviewsService } from '../../../apps/api/src/app/reviews/reviews.service';
import { brokenForeignKeys } from '../src/constraints';
import { volumesFor } from '../src/context';
import { LARGE_PASSWORD } from '../src/domains/organisation';
import { generateLargeOrganisation, migrate, type GenerateResult } from '../src/generate';
import { replaceMetrics } from '../src/only-metrics';
import { SEEDED_TABLES } from '../src/summary';

/**
 * The generator at a tiny scale against real PostgreSQL, once with PostgreSQL checking every row
 * (per-row triggers) and once the fast way (triggers off, keys verified at the end): both must
 * give the same, consistent organisation, one the app's workflow could have reached.
 */
const SCALE = 0.003;
const NOW = new Date('2026-06-15T10:00:00Z');

function adminUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through jest.config.cjs');
  return url;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(): Promise<{ name: string; url: string }> {
  const name = `seed_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl(), (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

interface Built {
  url: string;
  name: string;
  storage: string;
  result: GenerateResult;
}

async function build(checks: 'per-row' | 'at-end'): Promise<Built> {
  const { name, url } = await createDatabase();
  const storage = mkdtempSync(join(tmpdir(), 'seed-large-files-'));
  await migrate(url);
  const result = await generateLargeOrganisation({
    databaseUrl: url,
    scale: SCALE,
    seed: 7,
    now: NOW,
    storageDir: storage,
    checks,
  });
  return { url, name, storage, result };
}

async function counts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const found: Record<string, number> = {};
    for (const table of SEEDED_TABLES) {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
      found[table] = Number(rows[0]?.count);
    }
    return found;
  });
}

/** Rows that break a rule; every query below must find none. */
const VIOLATIONS: Record<string, string> = {
  'a deliverable in review waits at a step of its policy, on its latest version, after approvals of every earlier step only': `
    SELECT d.id FROM deliverables d
      JOIN deliverable_versions v ON v.id = d.current_version_id
     WHERE d.status = 'in_review' AND (
           d.current_step >= jsonb_array_length(d.review_policy->'steps')
        OR d.review_started_at < v.submitted_at
        OR (SELECT count(*) FROM approval_decisions a WHERE a.version_id = v.id) <> d.current_step
        OR EXISTS (SELECT 1 FROM approval_decisions a WHERE a.version_id = v.id
                    AND (a.decision <> 'approve' OR a.step_index >= d.current_step)))`,
  'approved and published deliverables passed every step of their policy on their latest version': `
    SELECT d.id FROM deliverables d
     WHERE d.status IN ('approved', 'published')
       AND (SELECT count(*) FILTER (WHERE a.decision = 'approve') FROM approval_decisions a WHERE a.version_id = d.current_version_id)
           <> jsonb_array_length(d.review_policy->'steps')`,
  'changes requested or rejected on the latest version, at its last decision': `
    SELECT d.id FROM deliverables d
     WHERE d.status IN ('changes_requested', 'rejected')
       AND (SELECT a.decision FROM approval_decisions a WHERE a.version_id = d.current_version_id ORDER BY a.step_index DESC LIMIT 1)
           <> CASE d.status WHEN 'rejected' THEN 'reject' ELSE 'request_changes' END`,
  'only published deliverables carry a post and a publication time, after their approval': `
    SELECT d.id FROM deliverables d
     WHERE (d.status = 'published') <> (d.post_url IS NOT NULL AND d.published_at IS NOT NULL)
        OR d.published_at < (SELECT max(a.decided_at) FROM approval_decisions a WHERE a.version_id = d.current_version_id)`,
  'a deliverable without versions is a draft without a policy snapshot, and one with versions points at the latest': `
    SELECT d.id FROM deliverables d
      LEFT JOIN LATERAL (SELECT max(number) AS latest, count(*) AS versions FROM deliverable_versions v WHERE v.deliverable_id = d.id) v ON true
      LEFT JOIN deliverable_versions current ON current.id = d.current_version_id
     WHERE (v.versions = 0) <> (d.status = 'draft')
        OR (v.versions = 0) <> (d.current_version_id IS NULL)
        OR (v.versions = 0) <> (d.review_policy IS NULL)
        OR current.number <> v.latest OR v.latest <> v.versions`,
  'every superseded version was sent back, and a new version came after that decision': `
    SELECT v.id FROM deliverable_versions v
      JOIN deliverables d ON d.id = v.deliverable_id AND d.current_version_id <> v.id
      JOIN deliverable_versions next ON next.deliverable_id = v.deliverable_id AND next.number = v.number + 1
     WHERE NOT EXISTS (SELECT 1 FROM approval_decisions a WHERE a.version_id = v.id AND a.decision = 'request_changes'
                        AND a.decided_at < next.submitted_at)`,
  'decisions follow their version and each other in time': `
    SELECT a.id FROM approval_decisions a
      JOIN deliverable_versions v ON v.id = a.version_id
      LEFT JOIN approval_decisions before ON before.version_id = a.version_id AND before.step_index = a.step_index - 1
     WHERE a.decided_at <= v.submitted_at OR a.decided_at <= before.decided_at
        OR (a.step_index > 0 AND before.id IS NULL)`,
  'every approver may decide the step (its role, named, or the contract owner), by the policy snapshot of the deliverable': `
    SELECT a.id FROM approval_decisions a
      JOIN deliverable_versions v ON v.id = a.version_id
      JOIN deliverables d ON d.id = v.deliverable_id
      JOIN briefs b ON b.id = d.brief_id
      JOIN contracts c ON c.id = b.contract_id
      JOIN users u ON u.id = a.approver_id
     WHERE NOT (d.review_policy->'steps'->a.step_index->>'approverRole' = u.role AND u.agency_id IS NULL
                OR d.review_policy->'steps'->a.step_index->'approverUserIds' @> to_jsonb(ARRAY[u.id::text])
                OR (d.review_policy->'steps'->a.step_index->>'contractOwner' = 'true' AND c.owner_id = u.id))
        OR d.review_policy->'steps'->a.step_index->>'name' <> a.step_name`,
  'nobody decides two steps of a version unless the later step allows it': `
    SELECT a.id FROM approval_decisions a
      JOIN approval_decisions earlier ON earlier.version_id = a.version_id AND earlier.approver_id = a.approver_id
                                     AND earlier.step_index < a.step_index
      JOIN deliverable_versions v ON v.id = a.version_id
      JOIN deliverables d ON d.id = v.deliverable_id
     WHERE d.review_policy->'steps'->a.step_index->>'allowEarlierApprovers' IS DISTINCT FROM 'true'`,
  'the policy snapshot is the one that applies to the contract (effective_approval_policies)': `
    SELECT d.id FROM deliverables d
      JOIN briefs b ON b.id = d.brief_id
      JOIN effective_approval_policies e ON e.contract_id = b.contract_id
     WHERE d.review_policy IS NOT NULL
       AND (d.review_policy->>'source' <> e.source OR (d.review_policy->>'policyId')::uuid IS DISTINCT FROM e.policy_id)`,
  'versions are uploaded by their agency, with files bound to the same deliverable and uploader': `
    SELECT f.id FROM stored_files f
      JOIN deliverable_versions v ON v.id = f.version_id
      JOIN deliverables d ON d.id = v.deliverable_id
      JOIN briefs b ON b.id = d.brief_id
      JOIN contracts c ON c.id = b.contract_id
      JOIN users u ON u.id = v.uploaded_by
     WHERE f.deliverable_id <> v.deliverable_id OR f.uploaded_by <> v.uploaded_by OR u.agency_id <> c.agency_id
        OR f.created_at > v.submitted_at`,
  'deliverables exist only under briefs the agency accepted; accepted ones have no versions yet, running ones do': `
    SELECT b.id FROM briefs b
     WHERE (EXISTS (SELECT 1 FROM deliverables d WHERE d.brief_id = b.id)
            AND (b.answered_at IS NULL OR b.status NOT IN ('accepted', 'in_progress', 'completed', 'cancelled')))
        OR (b.status = 'accepted' AND EXISTS (SELECT 1 FROM deliverables d JOIN deliverable_versions v ON v.deliverable_id = d.id WHERE d.brief_id = b.id))
        OR (b.status IN ('in_progress', 'completed') AND NOT EXISTS (SELECT 1 FROM deliverables d JOIN deliverable_versions v ON v.deliverable_id = d.id WHERE d.brief_id = b.id))
        OR (b.status = 'draft' AND b.sent_at IS NOT NULL)
        OR (b.status IN ('sent', 'accepted', 'in_progress', 'completed', 'declined') AND b.sent_at IS NULL)
        OR (b.status IN ('accepted', 'in_progress', 'completed', 'declined') AND (b.answered_at IS NULL OR b.answered_at < b.sent_at))`,
  'a completed brief has nothing left to review': `
    SELECT d.id FROM deliverables d JOIN briefs b ON b.id = d.brief_id
     WHERE b.status = 'completed' AND d.status NOT IN ('approved', 'published', 'rejected')`,
  'briefs go to active contracts, and serve goals the contract is allocated to': `
    SELECT b.id FROM briefs b JOIN contracts c ON c.id = b.contract_id
     WHERE c.activated_at IS NULL OR b.created_at < c.activated_at
        OR b.answered_at >= COALESCE(c.terminated_at, c.expired_at, 'infinity')
        OR EXISTS (SELECT 1 FROM brief_goals g WHERE g.brief_id = b.id
                    AND NOT EXISTS (SELECT 1 FROM contract_goals cg WHERE cg.contract_id = c.id AND cg.goal_id = g.goal_id))
        OR NOT EXISTS (SELECT 1 FROM brief_goals g WHERE g.brief_id = b.id)`,
  'every acceptance fitted under the contract cap, unless the owner overrode it': `
    SELECT id FROM (
      SELECT b.id, b.override_reason, c.budget_cap_minor,
             sum(b.budget_estimate_minor) FILTER (WHERE b.override_reason IS NULL)
               OVER (PARTITION BY b.contract_id ORDER BY b.answered_at, b.id) AS committed
        FROM briefs b JOIN contracts c ON c.id = b.contract_id
       WHERE b.answered_at IS NOT NULL AND b.status <> 'declined') accepted
     WHERE override_reason IS NULL AND committed > budget_cap_minor`,
  'estimates are the specs priced from the contract rate card, each spec on its own contract': `
    SELECT b.id FROM briefs b
     WHERE b.budget_estimate_minor <> (SELECT sum(s.quantity * r.unit_price_minor) FROM deliverable_specs s
                                         JOIN rate_card_items r ON r.id = s.rate_card_item_id WHERE s.brief_id = b.id)
        OR EXISTS (SELECT 1 FROM deliverable_specs s JOIN rate_card_items r ON r.id = s.rate_card_item_id
                    WHERE s.brief_id = b.id AND r.contract_id <> b.contract_id)`,
  'contract allocations stay within 100 % and within the contract unit': `
    SELECT c.id FROM contracts c
     WHERE (SELECT COALESCE(sum(percent), 0) FROM contract_goals g WHERE g.contract_id = c.id) > 100
        OR EXISTS (SELECT 1 FROM contract_goals g JOIN marketing_goals m ON m.id = g.goal_id
                    WHERE g.contract_id = c.id AND m.business_unit_id <> c.business_unit_id)`,
  'contract states carry their own timestamps and a signed document once activated': `
    SELECT c.id FROM contracts c
     WHERE (c.status = 'draft') <> (c.activated_at IS NULL)
        OR (c.status <> 'draft' AND c.signed_document_id IS NULL)
        OR (c.status = 'expired') <> (c.expired_at IS NOT NULL)
        OR (c.status = 'terminated') <> (c.terminated_at IS NOT NULL)
        OR (c.status = 'active' AND c.end_date < DATE '2026-06-15')
        OR (c.status = 'expired' AND c.end_date >= DATE '2026-06-15')`,
  'money in the currency minor units: KRW caps and prices are whole won, USD and IDR in cents': `
    SELECT r.id FROM rate_card_items r JOIN contracts c ON c.id = r.contract_id
     WHERE c.currency NOT IN ('KRW', 'IDR', 'USD')
        OR (c.currency = 'KRW' AND r.unit_price_minor % 10000 <> 0)
        OR (c.currency = 'USD' AND r.unit_price_minor % 1000 <> 0)
        OR (c.currency = 'IDR' AND r.unit_price_minor % 10000000 <> 0)`,
  'comment pins point at a file of the same version: pages on PDFs, timecodes on videos': `
    SELECT k.id FROM comments k
      LEFT JOIN stored_files f ON f.id = (k.pin->>'fileId')::uuid
      LEFT JOIN comments parent ON parent.id = k.parent_id
     WHERE (k.pin IS NOT NULL AND (f.version_id IS DISTINCT FROM k.version_id
             OR (k.pin->>'kind' = 'timecode') <> (f.content_type LIKE 'video/%')
             OR (k.pin ? 'page') <> (f.content_type = 'application/pdf')))
        OR parent.version_id <> k.version_id
        OR k.resolved_at < k.created_at OR (k.resolved_at IS NULL) <> (k.resolved_by IS NULL)`,
  'nothing is dated after the end of the history': `
    SELECT 'late' FROM (
      SELECT max(created_at) AS at FROM deliverables UNION ALL SELECT max(submitted_at) FROM deliverable_versions
      UNION ALL SELECT max(decided_at) FROM approval_decisions UNION ALL SELECT max(created_at) FROM comments
      UNION ALL SELECT max(resolved_at) FROM comments UNION ALL SELECT max(published_at) FROM deliverables
      UNION ALL SELECT max(at) FROM audit_events UNION ALL SELECT max(created_at) FROM notifications
      UNION ALL SELECT max(read_at) FROM notifications UNION ALL SELECT max(updated_at) FROM briefs
      UNION ALL SELECT max(updated_at) FROM invoices UNION ALL SELECT max(approved_at) FROM invoice_approvals
      UNION ALL SELECT max(payment_date)::timestamptz FROM invoices UNION ALL SELECT max(created_at) FROM exchange_rates) times
     WHERE at > TIMESTAMPTZ '2026-06-15T10:00:00Z'`,
  'nobody acts before joining, after being deactivated, or for an agency after it was offboarded': `
    SELECT acts.id FROM (
      SELECT id, uploaded_by AS actor, submitted_at AS at FROM deliverable_versions
      UNION ALL SELECT id, approver_id, decided_at FROM approval_decisions
      UNION ALL SELECT id, author_id, created_at FROM comments) acts
      JOIN users u ON u.id = acts.actor
      LEFT JOIN agencies a ON a.id = u.agency_id
     WHERE acts.at < u.created_at OR (NOT u.active AND acts.at >= u.updated_at) OR acts.at >= a.offboarded_at
        OR u.created_at >= a.offboarded_at OR u.last_login_at > COALESCE(a.offboarded_at, 'infinity')`,
  'invoice totals follow the shared arithmetic: lines rounded half up, tax once per invoice, gross = net + tax': `
    SELECT i.id FROM invoices i
      JOIN LATERAL (SELECT sum(l.amount_minor) AS net, bool_or(l.amount_minor <> round(l.quantity * l.unit_price_minor)) AS off
                      FROM invoice_lines l WHERE l.invoice_id = i.id) lines ON true
     WHERE lines.net IS DISTINCT FROM i.net_minor OR lines.off
        OR i.tax_minor <> round(i.net_minor * i.tax_rate_bp / 10000.0)
        OR i.tax_rate_bp <> (SELECT c.tax_rate_bp FROM contracts c WHERE c.id = i.contract_id)
        OR i.currency <> (SELECT c.currency FROM contracts c WHERE c.id = i.contract_id)`,
  "each invoice's per-goal totals are its lines' count and sum by goal, nothing more or less": `
    SELECT COALESCE(t.invoice_id, l.invoice_id) AS id FROM invoice_goal_totals t
      FULL JOIN (SELECT invoice_id, goal_id, count(*) AS line_count, sum(amount_minor) AS amount_minor
                   FROM invoice_lines GROUP BY invoice_id, goal_id) l
        ON l.invoice_id = t.invoice_id AND l.goal_id = t.goal_id
     WHERE t.line_count IS DISTINCT FROM l.line_count OR t.amount_minor IS DISTINCT FROM l.amount_minor`,
  'invoices are submitted by their agency while the contract is active, and decided after': `
    SELECT i.id FROM invoices i JOIN contracts c ON c.id = i.contract_id JOIN users u ON u.id = i.submitted_by
     WHERE u.agency_id <> i.agency_id OR c.agency_id <> i.agency_id
        OR i.submitted_at < c.activated_at OR i.submitted_at >= COALESCE(c.terminated_at, c.expired_at, 'infinity')
        OR i.approved_at <= i.submitted_at OR i.rejected_at <= i.submitted_at OR i.withdrawn_at <= i.submitted_at
        OR i.paid_at <= i.approved_at OR i.due_date < i.issue_date
        OR (i.status IN ('approved', 'paid')) <> (i.approved_at IS NOT NULL)
        OR (i.status = 'paid') <> (i.paid_at IS NOT NULL)
        OR (i.status = 'rejected') <> (i.rejected_at IS NOT NULL)
        OR (i.status = 'withdrawn') <> (i.withdrawn_at IS NOT NULL)`,
  'lines bill approved deliverables of their own contract, approved before the invoice, live while the invoice is': `
    SELECT l.id FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
      LEFT JOIN deliverables d ON d.id = l.deliverable_id LEFT JOIN briefs b ON b.id = d.brief_id
      JOIN rate_card_items r ON r.id = l.rate_card_item_id
     WHERE l.live <> (i.status IN ('submitted', 'approved', 'paid'))
        OR r.contract_id <> i.contract_id OR r.unit <> l.unit OR r.code <> l.item_code
        OR (l.deliverable_id IS NOT NULL AND (b.contract_id <> i.contract_id OR d.status NOT IN ('approved', 'published')
            OR (SELECT max(a.decided_at) FROM approval_decisions a WHERE a.version_id = d.current_version_id) > i.submitted_at))
        OR NOT EXISTS (SELECT 1 FROM contract_goals g WHERE g.contract_id = i.contract_id AND g.goal_id = l.goal_id)`,
  'approved invoices have as many distinct finance approvers as they need, never the submitter': `
    SELECT i.id FROM invoices i
      LEFT JOIN LATERAL (SELECT count(*) AS approvals, bool_and(u.role = 'finance' AND u.id <> i.submitted_by) AS fine,
                                max(a.approved_at) AS last
                           FROM invoice_approvals a JOIN users u ON u.id = a.approver_id WHERE a.invoice_id = i.id) a ON true
     WHERE (i.status IN ('approved', 'paid') AND (a.approvals <> i.approvals_required OR a.last <> i.approved_at))
        OR (i.status = 'submitted' AND a.approvals >= i.approvals_required)
        OR (i.status IN ('rejected', 'withdrawn') AND a.approvals > 0 AND i.approvals_required = 1)
        OR NOT COALESCE(a.fine, true)
        OR i.approvals_required <> CASE WHEN i.gross_minor > CASE i.currency WHEN 'KRW' THEN 50000000 WHEN 'IDR' THEN 50000000000 ELSE 2500000 END THEN 2 ELSE 1 END`,
  'budget alerts are the thresholds the contract invoices reached (contract_budget_ledger)': `
    SELECT l.contract_id FROM contract_budget_ledger l
     WHERE ARRAY(SELECT t FROM unnest(ARRAY[80, 100]) t WHERE l.invoiced_minor * 100 >= l.cap_minor * t ORDER BY t)
           <> ARRAY(SELECT a.threshold_percent FROM budget_alerts a WHERE a.contract_id = l.contract_id ORDER BY 1)`,
  'daily figures are for published deliverables, from the day of publication to the day before the run': `
    SELECT m.deliverable_id FROM performance_metrics m JOIN deliverables d ON d.id = m.deliverable_id
     WHERE d.status <> 'published' OR m.metric_date < (d.published_at AT TIME ZONE 'UTC')::date
        OR m.metric_date >= DATE '2026-06-15'`,
  "revenue is in the currency of the revenue goals a deliverable serves, else its contract's": `
    SELECT m.deliverable_id FROM performance_metrics m JOIN deliverables d ON d.id = m.deliverable_id
      JOIN briefs b ON b.id = d.brief_id JOIN contracts c ON c.id = b.contract_id
     WHERE m.revenue_currency <> COALESCE(
             (SELECT min(g.target_currency) FROM brief_goals bg JOIN marketing_goals g ON g.id = bg.goal_id
               WHERE bg.brief_id = b.id AND g.kpi_metric = 'revenue'), c.currency)
        OR (m.revenue_minor > 0) <> (m.conversions > 0)`,
  "goal outcomes are the goal's KPI, on days of its period up to the day before the run, revenue in its currency": `
    SELECT o.goal_id FROM goal_outcomes o JOIN marketing_goals g ON g.id = o.goal_id
     WHERE o.metric <> g.kpi_metric OR o.outcome_date NOT BETWEEN g.period_start AND g.period_end
        OR o.outcome_date >= DATE '2026-06-15' OR o.currency IS DISTINCT FROM g.target_currency`,
  'every import counts the rows it wrote': `
    SELECT i.id FROM metric_imports i
      LEFT JOIN (SELECT import_id, count(*) AS n FROM performance_metrics GROUP BY 1) m ON m.import_id = i.id
      LEFT JOIN (SELECT import_id, count(*) AS n FROM goal_outcomes GROUP BY 1) o ON o.import_id = i.id
     WHERE i.rows_imported <> COALESCE(m.n, 0) + COALESCE(o.n, 0)
        OR i.status <> 'imported' OR (i.target = 'goal') <> (i.goal_id IS NOT NULL)`,
  'agency roles belong to an agency, in-house roles to none': `
    SELECT u.id FROM users u WHERE (u.role IN ('agency_admin', 'agency_member')) <> (u.agency_id IS NOT NULL)`,
};

describe('seed:large generator', () => {
  const built: Built[] = [];
  let strict: Built;
  let fast: Built;

  beforeAll(async () => {
    strict = await build('per-row');
    fast = await build('at-end');
    built.push(strict, fast);
  }, 120_000);

  afterAll(async () => {
    for (const database of built) {
      await withClient(adminUrl(), (client) =>
        client.query(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`),
      );
      rmSync(database.storage, { recursive: true, force: true });
    }
  });

  it('should build the volumes of the scale, the same rows whichever way keys are checked', async () => {
    const volumes = volumesFor(SCALE);
    const strictCounts = await counts(strict.url);
    expect(strictCounts).toMatchObject({
      agencies: volumes.agencies,
      contracts: volumes.contracts,
      briefs: volumes.briefs,
      deliverables: volumes.deliverables,
    });
    for (const table of SEEDED_TABLES)
      expect({ table, rows: strictCounts[table] ?? 0 }).toEqual({ table, rows: expect.any(Number) });
    expect(Object.entries(strictCounts).filter(([, rows]) => rows === 0)).toEqual([]);
    expect(await counts(fast.url)).toEqual(strictCounts);
  });

  it('should cover every contract, brief and deliverable state and all three currencies', async () => {
    await withClient(fast.url, async (client) => {
      const states = async (sql: string) =>
        (await client.query<{ value: string }>(sql)).rows.map((row) => row.value).sort();
      expect(await states('SELECT DISTINCT status AS value FROM contracts')).toEqual([
        'active',
        'draft',
        'expired',
        'terminated',
      ]);
      expect(await states('SELECT DISTINCT currency AS value FROM contracts')).toEqual(['IDR', 'KRW', 'USD']);
      expect(await states('SELECT DISTINCT status AS value FROM briefs')).toEqual(
        expect.arrayContaining(['cancelled', 'completed', 'declined', 'in_progress']),
      );
      expect(await states('SELECT DISTINCT status AS value FROM deliverables')).toEqual(
        expect.arrayContaining([
          'approved',
          'changes_requested',
          'draft',
          'in_review',
          'published',
          'rejected',
        ]),
      );
      expect(await states('SELECT DISTINCT status AS value FROM invoices')).toEqual([
        'approved',
        'paid',
        'rejected',
        'submitted',
        'withdrawn',
      ]);
      expect(await states('SELECT DISTINCT currency AS value FROM invoices')).toEqual(['IDR', 'KRW', 'USD']);
      const spend = await client.query<{ lines: string; billed: string; dual: string; deviations: string }>(`
        SELECT (SELECT count(*) FROM invoice_lines) AS lines,
               (SELECT count(*) FROM invoice_lines WHERE deliverable_id IS NOT NULL AND live) AS billed,
               (SELECT count(*) FROM invoices WHERE approvals_required = 2) AS dual,
               (SELECT count(*) FROM invoice_lines WHERE unit_price_minor <> rate_card_price_minor) AS deviations`);
      const volume = Number(spend.rows[0]?.lines);
      // The volume asked for, give or take the months the contracts really had.
      expect(volume).toBeGreaterThan(volumesFor(SCALE).invoiceLines * 0.8);
      expect(volume).toBeLessThan(volumesFor(SCALE).invoiceLines * 1.25);
      expect(Number(spend.rows[0]?.billed)).toBeGreaterThan(0);
      expect(Number(spend.rows[0]?.dual)).toBeGreaterThan(0);
      expect(Number(spend.rows[0]?.deviations)).toBeGreaterThan(0);
      const { rows } = await client.query<{ derived: string; pinned: string; resolved: string }>(`
        SELECT (SELECT count(*) FROM deliverables WHERE derived_from_id IS NOT NULL) AS derived,
               (SELECT count(*) FROM comments WHERE pin IS NOT NULL) AS pinned,
               (SELECT count(*) FROM comments WHERE resolved_at IS NOT NULL) AS resolved`);
      expect(Number(rows[0]?.derived)).toBeGreaterThan(0);
      expect(Number(rows[0]?.pinned)).toBeGreaterThan(0);
      expect(Number(rows[0]?.resolved)).toBeGreaterThan(0);
    });
  });

  it.each(Object.entries(VIOLATIONS))('should hold that %s', async (_rule, sql) => {
    for (const database of [strict, fast]) {
      const { rows } = await withClient(database.url, (client) => client.query(sql));
      expect(rows).toEqual([]);
    }
  });

  it('should leave every foreign key satisfied, and the indexes and constraints exactly as the migrations made them', async () => {
    const pristine = await createDatabase();
    built.push({
      ...pristine,
      storage: mkdtempSync(join(tmpdir(), 'seed-large-none-')),
      result: strict.result,
    });
    await migrate(pristine.url);
    const indexes = (url: string) =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ definition: string }>(
          `SELECT indexdef AS definition FROM pg_indexes WHERE schemaname = 'public'
           UNION ALL
           SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace
           ORDER BY 1`,
        );
        return rows.map((row) => row.definition);
      });
    const expected = await indexes(pristine.url);
    for (const database of [strict, fast]) {
      expect(await withClient(database.url, (client) => brokenForeignKeys(client))).toEqual([]);
      expect(await indexes(database.url)).toEqual(expected);
    }
  });

  it('should find a broken reference the fast load would otherwise commit', async () => {
    await withClient(fast.url, async (client) => {
      await client.query('BEGIN');
      try {
        await client.query('SET LOCAL session_replication_role = replica');
        await client.query(
          'INSERT INTO brief_goals (brief_id, goal_id) VALUES (gen_random_uuid(), gen_random_uuid())',
        );
        const broken = await brokenForeignKeys(client);
        expect(broken.map((key) => key.name).sort()).toEqual([
          'brief_goals_brief_id_fkey',
          'brief_goals_goal_id_fkey',
        ]);
      } finally {
        await client.query('ROLLBACK');
      }
    });
  });

  it('should replace only the metric rows with --only metrics, the same again when run twice', async () => {
    const before = await counts(fast.url);
    const options = { databaseUrl: fast.url, scale: SCALE, seed: 3, now: NOW, log: () => undefined };
    const first = await replaceMetrics(options);
    const once = await counts(fast.url);
    const fingerprint = () =>
      withClient(fast.url, async (client) => {
        const { rows } = await client.query<{ sum: string }>(
          'SELECT sum(impressions)::text AS sum FROM performance_metrics',
        );
        return rows[0]?.sum;
      });
    const figures = await fingerprint();
    await replaceMetrics(options);
    expect(await counts(fast.url)).toEqual(once);
    expect(await fingerprint()).toEqual(figures);
    const metricTables = ['performance_metrics', 'goal_outcomes', 'metric_imports', 'goal_metric_days'];
    const untouched = (found: Record<string, number>) =>
      Object.fromEntries(Object.entries(found).filter(([table]) => !metricTables.includes(table)));
    expect(untouched(once)).toEqual(untouched(before));
    expect(once['performance_metrics']).toBe(first.rows);
    // Sized to the volume asked for (within the rounding of each post's life).
    expect(first.rows).toBeGreaterThan(volumesFor(SCALE).metricRows * 0.97);
    expect(first.rows).toBeLessThan(volumesFor(SCALE).metricRows * 1.03);
    for (const sql of Object.values(VIOLATIONS)) {
      const { rows } = await withClient(fast.url, (client) => client.query(sql));
      expect({ sql, rows }).toEqual({ sql, rows: [] });
    }
  });

  it('should refuse a database that already holds data, and change nothing in it', async () => {
    const before = await counts(fast.url);
    await expect(
      generateLargeOrganisation({ databaseUrl: fast.url, scale: SCALE, now: NOW, storageDir: null }),
    ).rejects.toThrow(/not empty/);
    expect(await counts(fast.url)).toEqual(before);
  });

  it('should store the bytes each file row describes, and sign in the known accounts with the documented password', async () => {
    await withClient(fast.url, async (client) => {
      const { rows: files } = await client.query<{ storage_key: string; size_bytes: string; sha256: string }>(
        'SELECT storage_key, size_bytes, sha256 FROM stored_files ORDER BY id LIMIT 25',
      );
      expect(files).toHaveLength(25);
      for (const file of files) {
        const bytes = readFileSync(join(fast.storage, file.storage_key));
        expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({
          size: Number(file.size_bytes),
          sha256: file.sha256,
        });
      }
      const { rows: users } = await client.query<{ email: string; password_hash: string }>(
        "SELECT email, password_hash FROM users WHERE email IN ('lead@large.local', 'hr-reviewer@large.local') ORDER BY email",
      );
      expect(users.map((user) => user.email)).toEqual(['hr-reviewer@large.local', 'lead@large.local']);
      for (const user of users) expect(await argon2.verify(user.password_hash, LARGE_PASSWORD)).toBe(true);
    });
  });

  describe('the API on the generated data', () => {
    let app: INestApplication;
    const http = () => request(app.getHttpServer());
    const signIn = async (email: string) => {
      const response = await http().post('/api/auth/login').send({ email, password: LARGE_PASSWORD });
      expect(response.status).toBe(200);
      return { Authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}` };
    };
    const one = (sql: string) =>
      withClient(fast.url, async (client) => {
        const { rows } = await client.query<{ id: string }>(sql);
        if (!rows[0]) throw new Error(`nothing for ${sql}`);
        return rows[0].id;
      });

    beforeAll(async () => {
      const config = {
        ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', STORAGE_DIR: fast.storage }),
        databaseUrl: fast.url,
        jwtSecret: randomBytes(32).toString('hex'),
      };
      const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(config)] }).compile();
      app = moduleRef.createNestApplication({ bufferLogs: true });
      await configureApp(app, config);
      await app.init();
    });

    afterAll(async () => {
      await app.close();
    });

    it('should leave the scheduled jobs nothing to catch up on: no contract to expire or remind, no review to escalate', async () => {
      expect(await app.get(ContractJobs).runDailyLifecycle(NOW.toISOString().slice(0, 10))).toEqual({
        expired: 0,
        renewalNotices: 0,
      });
      expect(await app.get(ReviewsService).escalateOverdue(NOW)).toBe(0);
    });

    it('should show a deliverable in review with its versions, files, decisions and policy, and serve its files', async () => {
      const id =
        await one(`SELECT d.id FROM deliverables d WHERE d.status = 'in_review' AND d.current_step > 0
                             ORDER BY d.id LIMIT 1`);
      const response = await http()
        .get(`/api/deliverables/${id}`)
        .set(await signIn('lead@large.local'));
      expect(response.status).toBe(200);
      const detail = response.body as {
        status: string;
        currentStep: number;
        versions: { files: { id: string; sizeBytes: number }[] }[];
        decisions: { decision: string }[];
        policy: { steps: unknown[]; source: string };
      };
      expect(detail.status).toBe('in_review');
      expect(detail.policy.steps.length).toBeGreaterThan(detail.currentStep);
      expect(
        detail.decisions.filter((decision) => decision.decision === 'approve').length,
      ).toBeGreaterThanOrEqual(detail.currentStep);
      const file = detail.versions.flatMap((version) => version.files)[0];
      if (!file) throw new Error('the version has no file');
      const content = await http()
        .get(`/api/files/${file.id}/content`)
        .set(await signIn('lead@large.local'))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(content.status).toBe(200);
      expect((content.body as Buffer).length).toBe(file.sizeBytes);
    });

    it("should show an agency member their own agency's brief and answer 404 for another agency's", async () => {
      const agency = [...fast.result.org.agencies]
        .filter((candidate) => candidate.offboarded === null)
        .sort((a, b) => b.weight - a.weight)[0];
      if (!agency) throw new Error('no active agency');
      const own = await one(`SELECT b.id FROM briefs b JOIN contracts c ON c.id = b.contract_id
                              WHERE c.agency_id = '${agency.id}' AND b.status <> 'draft' ORDER BY b.id LIMIT 1`);
      const other = await one(`SELECT b.id FROM briefs b JOIN contracts c ON c.id = b.contract_id
                                WHERE c.agency_id <> '${agency.id}' ORDER BY b.id LIMIT 1`);
      const member = await signIn(`member@${agency.slug}.large.local`);
      expect((await http().get(`/api/briefs/${own}`).set(member)).status).toBe(200);
      expect((await http().get(`/api/briefs/${other}`).set(member)).status).toBe(404);
    });
  });
});
