#!/usr/bin/env node
/**
 * The yardstick for `npm run bench:lists` (not part of the product): a plain Node `http` + `pg`
 * server answering the benchmarked list and detail routes with the same JSON as the API, for a
 * social lead, an admin and an agency user. It verifies the same bearer token (HS256, the API's
 * secret), checks the session as the API does on every request, applies the same visibility rule
 * (in-house roles see all; agency users their agency's signed contracts, sent briefs and what is
 * below them), pages with the same keyset cursors, and runs the same SQL, written by hand: no ORM,
 * no framework, no logging. The benchmark checks that both answer byte-for-byte equal JSON before
 * it times anything. Routes and parameters outside what the benchmark drives answer 501.
 *
 * Environment: PORT, DATABASE_URL, JWT_SECRET. It reports its query count on IPC message 'queries'.
 * With the header `x-explain: 1` a list answers the EXPLAIN (ANALYZE, BUFFERS) of its page query.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value) => value);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const SECRET = process.env.JWT_SECRET ?? '';
let queries = 0;
process.on('message', (message) => {
  if (message === 'queries') process.send?.({ queries });
});

async function query(sql, params = []) {
  queries += 1;
  return (await pool.query(sql, params)).rows;
}

class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
const iso = (value) => (value ? value.toISOString() : null);
const escapeLike = (value) => value.replace(/[\\%_]/g, (match) => `\\${match}`);
const ref = (id, name, email) => ({ id, name: name ?? '', email: email ?? '' });
const AGENCY_CONTRACT_STATUSES = ['active', 'expired', 'terminated'];
const AGENCY_BRIEF_STATUSES = ['sent', 'accepted', 'declined', 'in_progress', 'completed', 'cancelled'];

/** HS256 JWT verification, as passport-jwt does it for the API. */
function verifyToken(header) {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match) throw new HttpError(401, 'unauthenticated', 'Sign in first.');
  const [head, body, signature] = match[1].split('.');
  const expected = createHmac('sha256', SECRET).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature ?? '', 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'unauthenticated', 'Sign in first.');
  }
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  if (
    JSON.parse(Buffer.from(head, 'base64url').toString('utf8')).alg !== 'HS256' ||
    payload.exp * 1000 < Date.now()
  ) {
    throw new HttpError(401, 'unauthenticated', 'Sign in first.');
  }
  return payload;
}

async function actorOf(request) {
  const payload = verifyToken(request.headers.authorization);
  const rows = await query(
    `SELECT u.id, u.email, u.name, u.role, u.agency_id FROM users u
       JOIN sessions s ON s.user_id = u.id LEFT JOIN agencies a ON a.id = u.agency_id
      WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
        AND u.active = true AND (u.agency_id IS NULL OR a.status = 'active')`,
    [payload.sid, payload.sub],
  );
  if (!rows[0]) throw new HttpError(401, 'session_expired', 'Your session has ended. Sign in again.');
  return { id: rows[0].id, role: rows[0].role, agencyId: rows[0].agency_id };
}

/** Builds `WHERE …` with numbered parameters. */
class Where {
  constructor() {
    this.parts = [];
    this.params = [];
  }
  param(value) {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  add(sql) {
    this.parts.push(sql);
    return this;
  }
  search(term, columns) {
    if (!term) return this;
    const p = this.param(`%${escapeLike(term.trim())}%`);
    const conditions = columns.map((column) =>
      column.includes('$term') ? column.replaceAll('$term', p) : `${column} ILIKE ${p}`,
    );
    return this.add(`(${conditions.join(' OR ')})`);
  }
  sql() {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : '';
  }
}

/** Agency scope SQL for a contract alias (the access rule for agency users). */
function agencyContracts(where, actor, alias) {
  return `(${alias}.agency_id = ${where.param(actor.agencyId)} AND ${alias}.status = ANY(${where.param(AGENCY_CONTRACT_STATUSES)}))`;
}
function agencyBriefs(where, actor, alias) {
  return `(${alias}.status = ANY(${where.param(AGENCY_BRIEF_STATUSES)}) AND ${alias}.contract_id IN (SELECT c2.id FROM contracts c2 WHERE ${agencyContracts(where, actor, 'c2')}))`;
}
const isAgency = (actor) => actor.agencyId !== null;

/**
 * Keyset page: `sorts` maps a sort key to [expression, type]; `base` is `FROM … JOIN …`; `select`
 * the columns; the answer's rows map to items with `map`.
 */
async function page({ url, select, base, where, sorts, defaultSort, idColumn, map, explain = explaining }) {
  const limit = url.searchParams.has('limit') ? Number(url.searchParams.get('limit')) : DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new HttpError(400, 'validation_failed', 'limit');
  const sort = url.searchParams.get('sort') ?? defaultSort;
  const desc = sort.startsWith('-');
  const [expression, type] = sorts[desc ? sort.slice(1) : sort] ?? [];
  if (!expression) throw new HttpError(400, 'validation_failed', 'sort');
  const cursor = url.searchParams.get('cursor');
  if (cursor) {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (decoded.s !== sort) throw new HttpError(400, 'validation_failed', 'cursor');
    where.add(
      `(${expression}, ${idColumn}) ${desc ? '<' : '>'} (CAST(${where.param(decoded.k)} AS ${type}), CAST(${where.param(decoded.i)} AS uuid))`,
    );
  }
  const direction = desc ? 'DESC' : 'ASC';
  const sql = `SELECT ${select}, CAST(${expression} AS text) AS page_key ${base} ${where.sql()}
      ORDER BY ${expression} ${direction}, ${idColumn} ${direction} LIMIT ${limit + 1}`;
  if (explain) {
    const plan = await query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, where.params);
    throw Object.assign(new HttpError(299, 'plan', 'plan'), { plan: plan.map((row) => row['QUERY PLAN']) });
  }
  const rows = await query(sql, where.params);
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(JSON.stringify({ s: sort, k: last.page_key, i: last.id })).toString('base64url')
      : null;
  return { items: await map(shown), nextCursor, limit };
}

const notImplemented = () => {
  throw new HttpError(501, 'not_implemented', 'Not benchmarked');
};
const requireInHouse = (actor) => {
  if (isAgency(actor)) notImplemented();
};

// Mappers, field for field as the API's.
const businessUnit = (r) => ({
  id: r.id,
  name: r.name,
  operatingModel: r.operating_model,
  parentId: r.parent_id,
  parentName: r.parent_name ?? null,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
const agency = (r) => ({
  id: r.id,
  name: r.name,
  legalName: r.legal_name,
  services: r.services,
  status: r.status,
  relationshipOwner: ref(r.relationship_owner_id, r.owner_name, r.owner_email),
  offboardedAt: iso(r.offboarded_at),
  offboardReason: r.offboard_reason,
  userCount: r.user_count,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
const user = (r) => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  agencyId: r.agency_id,
  agencyName: r.agency_name ?? null,
  businessUnitId: r.business_unit_id,
  businessUnitName: r.unit_name ?? null,
  active: r.active,
  passwordSet: r.password_set,
  lastLoginAt: iso(r.last_login_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
const goal = (r) => ({
  id: r.id,
  businessUnitId: r.business_unit_id,
  businessUnitName: r.unit_name ?? '',
  owner: ref(r.owner_id, r.owner_name, r.owner_email),
  name: r.name,
  description: r.description,
  kpiMetric: r.kpi_metric,
  targetValue: Number(r.target_value),
  targetCurrency: r.target_currency,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  channels: r.channels,
  funnelStage: r.funnel_stage,
  status: r.status,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
const contract = (internal) => (r) => ({
  id: r.id,
  agencyId: r.agency_id,
  agencyName: r.agency_name ?? '',
  businessUnitId: r.business_unit_id,
  businessUnitName: r.unit_name ?? '',
  owner: ref(r.owner_id, r.owner_name, r.owner_email),
  reference: r.reference,
  title: r.title,
  scope: r.scope,
  startDate: r.start_date,
  endDate: r.end_date,
  currency: r.currency,
  budgetCapMinor: Number(r.budget_cap_minor),
  renewalNoticeDays: r.renewal_notice_days,
  status: r.status,
  terminationReason: r.termination_reason,
  terminatedAt: iso(r.terminated_at),
  activatedAt: iso(r.activated_at),
  signedDocument: r.document_id
    ? {
        id: r.document_id,
        fileName: r.document_name,
        sizeBytes: Number(r.document_size),
        sha256: r.document_sha256,
        uploadedAt: iso(r.document_at),
      }
    : null,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  ...(internal ? { internalNotes: r.internal_notes } : {}),
});
const brief = (r, goals) => ({
  id: r.id,
  contractId: r.contract_id,
  contractReference: r.reference,
  agencyId: r.agency_id,
  agencyName: r.agency_name ?? '',
  currency: r.currency,
  goals,
  title: r.title,
  objective: r.objective,
  audience: r.audience,
  keyMessages: r.key_messages,
  channels: r.channels,
  funnelStage: r.funnel_stage,
  dueDate: r.due_date,
  budgetEstimateMinor: Number(r.budget_estimate_minor),
  status: r.status,
  declineReason: r.decline_reason,
  budgetOverride:
    r.override_reason && r.override_at
      ? {
          reason: r.override_reason,
          by: ref(r.override_by ?? '', r.override_name, r.override_email),
          at: iso(r.override_at),
        }
      : null,
  sentAt: iso(r.sent_at),
  answeredAt: iso(r.answered_at),
  createdBy: ref(r.created_by, r.creator_name, r.creator_email),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});
const deliverableSummary = (r) => ({
  id: r.id,
  briefId: r.brief_id,
  title: r.title,
  rateCardCode: r.rate_card_code ?? null,
  channel: r.channel,
  dueDate: r.due_date,
  status: r.status,
  derivedFromId: r.derived_from_id,
  latestVersionNumber: r.version_number ?? null,
  currentStep: r.current_step,
});

const BRIEF_SELECT = `b.*, c.reference, c.agency_id, c.currency, a.name AS agency_name,
  cr.name AS creator_name, cr.email AS creator_email, ov.name AS override_name, ov.email AS override_email`;
const BRIEF_FROM = `FROM briefs b JOIN contracts c ON c.id = b.contract_id LEFT JOIN agencies a ON a.id = c.agency_id
  LEFT JOIN users cr ON cr.id = b.created_by LEFT JOIN users ov ON ov.id = b.override_by`;
const CONTRACT_SELECT = `c.*, a.name AS agency_name, bu.name AS unit_name, o.name AS owner_name, o.email AS owner_email,
  f.id AS document_id, f.original_name AS document_name, f.size_bytes AS document_size, f.sha256 AS document_sha256,
  f.created_at AS document_at`;
const CONTRACT_FROM = `FROM contracts c LEFT JOIN agencies a ON a.id = c.agency_id
  LEFT JOIN business_units bu ON bu.id = c.business_unit_id LEFT JOIN users o ON o.id = c.owner_id
  LEFT JOIN stored_files f ON f.id = c.signed_document_id`;
const DELIVERABLE_SELECT = 'd.*, rc.code AS rate_card_code, v.number AS version_number';
const DELIVERABLE_FROM = `FROM deliverables d LEFT JOIN deliverable_specs sp ON sp.id = d.spec_id
  LEFT JOIN rate_card_items rc ON rc.id = sp.rate_card_item_id LEFT JOIN deliverable_versions v ON v.id = d.current_version_id`;

async function goalsOf(briefIds) {
  const byBrief = new Map(briefIds.map((id) => [id, []]));
  if (briefIds.length === 0) return byBrief;
  const rows = await query(
    `SELECT bg.brief_id, g.id, g.name FROM brief_goals bg JOIN marketing_goals g ON g.id = bg.goal_id
      WHERE bg.brief_id = ANY($1::uuid[]) ORDER BY g.name ASC, g.id ASC`,
    [briefIds],
  );
  for (const row of rows) byBrief.get(row.brief_id)?.push({ id: row.id, name: row.name });
  return byBrief;
}

const LISTS = {
  async '/api/business-units'(actor, url) {
    requireInHouse(actor);
    const where = new Where();
    if (url.searchParams.get('operatingModel'))
      where.add(`u.operating_model = ${where.param(url.searchParams.get('operatingModel'))}`);
    where.search(url.searchParams.get('q'), ['u.name']);
    return page({
      url,
      select: 'u.*, p.name AS parent_name',
      base: 'FROM business_units u LEFT JOIN business_units p ON p.id = u.parent_id',
      where,
      sorts: { name: ['u.name', 'text'], createdAt: ['u.created_at', 'timestamptz'] },
      defaultSort: 'name',
      idColumn: 'u.id',
      map: (rows) => rows.map(businessUnit),
    });
  },
  async '/api/agencies'(actor, url) {
    const where = new Where();
    if (isAgency(actor)) where.add(`ag.id = ${where.param(actor.agencyId)}`);
    if (url.searchParams.get('status'))
      where.add(`ag.status = ${where.param(url.searchParams.get('status'))}`);
    where.search(url.searchParams.get('q'), ['ag.name', 'ag.legal_name']);
    return page({
      url,
      select: `ag.*, o.name AS owner_name, o.email AS owner_email,
        (SELECT count(*)::int FROM users m WHERE m.agency_id = ag.id) AS user_count`,
      base: 'FROM agencies ag LEFT JOIN users o ON o.id = ag.relationship_owner_id',
      where,
      sorts: { name: ['ag.name', 'text'], createdAt: ['ag.created_at', 'timestamptz'] },
      defaultSort: 'name',
      idColumn: 'ag.id',
      map: (rows) => rows.map(agency),
    });
  },
  async '/api/users'(actor, url) {
    requireInHouse(actor);
    const where = new Where();
    if (url.searchParams.get('role')) where.add(`u.role = ${where.param(url.searchParams.get('role'))}`);
    where.search(url.searchParams.get('q'), ['u.name', 'u.email']);
    return page({
      url,
      select: `u.id, u.email, u.name, u.role, u.agency_id, u.business_unit_id, u.active, u.last_login_at, u.created_at,
        u.updated_at, u.password_hash IS NOT NULL AS password_set, a.name AS agency_name, bu.name AS unit_name`,
      base: 'FROM users u LEFT JOIN agencies a ON a.id = u.agency_id LEFT JOIN business_units bu ON bu.id = u.business_unit_id',
      where,
      sorts: {
        name: ['u.name', 'text'],
        email: ['u.email', 'text'],
        createdAt: ['u.created_at', 'timestamptz'],
      },
      defaultSort: 'name',
      idColumn: 'u.id',
      map: (rows) => rows.map(user),
    });
  },
  async '/api/goals'(actor, url) {
    const where = new Where();
    if (isAgency(actor)) {
      where.add(
        `g.id IN (SELECT cg.goal_id FROM contract_goals cg JOIN contracts c ON c.id = cg.contract_id WHERE ${agencyContracts(where, actor, 'c')})`,
      );
    }
    if (url.searchParams.get('status'))
      where.add(`g.status = ${where.param(url.searchParams.get('status'))}`);
    where.search(url.searchParams.get('q'), ['g.name']);
    return page({
      url,
      select: 'g.*, bu.name AS unit_name, o.name AS owner_name, o.email AS owner_email',
      base: 'FROM marketing_goals g LEFT JOIN business_units bu ON bu.id = g.business_unit_id LEFT JOIN users o ON o.id = g.owner_id',
      where,
      sorts: {
        periodStart: ['g.period_start', 'date'],
        periodEnd: ['g.period_end', 'date'],
        name: ['g.name', 'text'],
        createdAt: ['g.created_at', 'timestamptz'],
      },
      defaultSort: '-periodStart',
      idColumn: 'g.id',
      map: (rows) => rows.map(goal),
    });
  },
  async '/api/contracts'(actor, url) {
    const where = new Where();
    if (isAgency(actor)) where.add(agencyContracts(where, actor, 'c'));
    if (url.searchParams.get('status'))
      where.add(`c.status = ${where.param(url.searchParams.get('status'))}`);
    where.search(url.searchParams.get('q'), ['c.reference', 'c.title']);
    return page({
      url,
      select: CONTRACT_SELECT,
      base: CONTRACT_FROM,
      where,
      sorts: {
        startDate: ['c.start_date', 'date'],
        endDate: ['c.end_date', 'date'],
        reference: ['c.reference', 'text'],
        title: ['c.title', 'text'],
        createdAt: ['c.created_at', 'timestamptz'],
      },
      defaultSort: '-startDate',
      idColumn: 'c.id',
      map: (rows) => rows.map(contract(!isAgency(actor))),
    });
  },
  async '/api/briefs'(actor, url) {
    const where = new Where();
    if (isAgency(actor)) where.add(agencyBriefs(where, actor, 'b'));
    if (url.searchParams.get('status'))
      where.add(`b.status = ${where.param(url.searchParams.get('status'))}`);
    where.search(url.searchParams.get('q'), [
      'b.title',
      'b.contract_id IN (SELECT searched.id FROM contracts searched WHERE searched.reference ILIKE $term)',
    ]);
    return page({
      url,
      select: BRIEF_SELECT,
      base: BRIEF_FROM,
      where,
      sorts: {
        dueDate: ['b.due_date', 'date'],
        title: ['b.title', 'text'],
        createdAt: ['b.created_at', 'timestamptz'],
        updatedAt: ['b.updated_at', 'timestamptz'],
      },
      defaultSort: 'dueDate',
      idColumn: 'b.id',
      map: async (rows) => {
        const goals = await goalsOf(rows.map((row) => row.id));
        return rows.map((row) => brief(row, goals.get(row.id) ?? []));
      },
    });
  },
  async '/api/deliverables'(actor, url) {
    const where = new Where();
    if (isAgency(actor))
      where.add(`d.brief_id IN (SELECT b.id FROM briefs b WHERE ${agencyBriefs(where, actor, 'b')})`);
    if (url.searchParams.get('status'))
      where.add(`d.status = ${where.param(url.searchParams.get('status'))}`);
    if (url.searchParams.get('awaitingMe') === 'true') {
      where.add("d.status = 'in_review'");
      where.add(`((d.review_policy->'steps'->d.current_step->>'approverRole') = ${where.param(actor.role)}
        OR (d.review_policy->'steps'->d.current_step->'approverUserIds') @> jsonb_build_array(CAST(${where.param(actor.id)} AS text)))`);
    }
    where.search(url.searchParams.get('q'), ['d.title']);
    return page({
      url,
      select: DELIVERABLE_SELECT,
      base: DELIVERABLE_FROM,
      where,
      sorts: {
        dueDate: ['d.due_date', 'date'],
        title: ['d.title', 'text'],
        createdAt: ['d.created_at', 'timestamptz'],
        updatedAt: ['d.updated_at', 'timestamptz'],
      },
      defaultSort: 'dueDate',
      idColumn: 'd.id',
      map: (rows) => rows.map(deliverableSummary),
    });
  },
  async '/api/approval-policies'(actor, url) {
    requireInHouse(actor);
    if (actor.role === 'reviewer') notImplemented();
    const where = new Where();
    if (url.searchParams.get('kind') === 'business_unit') where.add('p.business_unit_id IS NOT NULL');
    where.search(url.searchParams.get('q'), ['p.name']);
    return page({
      url,
      select: 'p.*',
      base: 'FROM approval_policies p',
      where,
      sorts: { name: ['p.name', 'text'], updatedAt: ['p.updated_at', 'timestamptz'] },
      defaultSort: 'name',
      idColumn: 'p.id',
      map: (rows) =>
        rows.map((r) => ({
          id: r.id,
          businessUnitId: r.business_unit_id,
          contractId: r.contract_id,
          name: r.name,
          steps: r.steps,
          updatedAt: iso(r.updated_at),
        })),
    });
  },
  async '/api/notifications'(actor, url) {
    const where = new Where();
    where.add(`n.user_id = ${where.param(actor.id)}`);
    if (url.searchParams.get('unread') === 'true') where.add('n.read_at IS NULL');
    where.search(url.searchParams.get('q'), ['n.title']);
    const [listed, unread] = await Promise.all([
      page({
        url,
        select: 'n.*',
        base: 'FROM notifications n',
        where,
        sorts: { createdAt: ['n.created_at', 'timestamptz'] },
        defaultSort: '-createdAt',
        idColumn: 'n.id',
        map: (rows) =>
          rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            title: r.title,
            body: r.body,
            link: r.link,
            readAt: iso(r.read_at),
            createdAt: iso(r.created_at),
          })),
      }),
      query('SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL', [
        actor.id,
      ]),
    ]);
    return { ...listed, unread: unread[0].count };
  },
  async '/api/mail-outbox'(actor, url) {
    if (actor.role !== 'admin') notImplemented();
    const where = new Where();
    if (url.searchParams.get('status'))
      where.add(`m.status = ${where.param(url.searchParams.get('status'))}`);
    where.search(url.searchParams.get('q'), ['m.to_address', 'm.subject']);
    return page({
      url,
      select: 'm.*',
      base: 'FROM mail_outbox m',
      where,
      sorts: { createdAt: ['m.created_at', 'timestamptz'] },
      defaultSort: '-createdAt',
      idColumn: 'm.id',
      map: (rows) =>
        rows.map((r) => ({
          id: r.id,
          to: r.to_address,
          subject: r.subject,
          body: r.body,
          status: r.status,
          error: r.error,
          createdAt: iso(r.created_at),
        })),
    });
  },
  async '/api/audit-events'(actor, url) {
    if (actor.role !== 'admin') notImplemented();
    const where = new Where();
    if (url.searchParams.get('entity'))
      where.add(`e.entity = ${where.param(url.searchParams.get('entity'))}`);
    where.search(url.searchParams.get('q'), ['e.actor_email']);
    return page({
      url,
      select: 'e.*',
      base: 'FROM audit_events e',
      where,
      sorts: { at: ['e.at', 'timestamptz'] },
      defaultSort: '-at',
      idColumn: 'e.id',
      map: (rows) =>
        rows.map((r) => ({
          id: r.id,
          at: iso(r.at),
          actorId: r.actor_id,
          actorEmail: r.actor_email,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
        })),
    });
  },
};

async function comments(actor, url, versionId) {
  const visible = new Where();
  visible.add(`v.id = ${visible.param(versionId)}`);
  if (isAgency(actor)) {
    visible.add(
      `v.deliverable_id IN (SELECT d.id FROM deliverables d WHERE d.brief_id IN (SELECT b.id FROM briefs b WHERE ${agencyBriefs(visible, actor, 'b')}))`,
    );
  }
  const found = await query(`SELECT v.id FROM deliverable_versions v ${visible.sql()}`, visible.params);
  if (!found[0]) throw new HttpError(404, 'not_found', 'Version was not found.');
  const where = new Where();
  where.add(`cm.version_id = ${where.param(versionId)}`);
  if (url.searchParams.get('resolved') === 'false') where.add('cm.resolved_at IS NULL');
  where.search(url.searchParams.get('q'), ['cm.body']);
  return page({
    url,
    select:
      'cm.*, au.name AS author_name, au.email AS author_email, rs.id AS resolver_id, rs.name AS resolver_name, rs.email AS resolver_email',
    base: 'FROM comments cm LEFT JOIN users au ON au.id = cm.author_id LEFT JOIN users rs ON rs.id = cm.resolved_by',
    where,
    sorts: { createdAt: ['cm.created_at', 'timestamptz'] },
    defaultSort: 'createdAt',
    idColumn: 'cm.id',
    map: (rows) =>
      rows.map((r) => ({
        id: r.id,
        versionId: r.version_id,
        parentId: r.parent_id,
        author: ref(r.author_id, r.author_name, r.author_email),
        body: r.body,
        pin: r.pin,
        resolved: r.resolved_at !== null,
        resolvedBy: r.resolver_id ? ref(r.resolver_id, r.resolver_name, r.resolver_email) : null,
        createdAt: iso(r.created_at),
      })),
  });
}

async function briefDetail(actor, id) {
  const where = new Where();
  where.add(`b.id = ${where.param(id)}`);
  if (isAgency(actor)) where.add(agencyBriefs(where, actor, 'b'));
  const [row] = await query(`SELECT ${BRIEF_SELECT} ${BRIEF_FROM} ${where.sql()}`, where.params);
  if (!row) throw new HttpError(404, 'not_found', 'Brief was not found.');
  const [goals, specs, deliverables] = await Promise.all([
    goalsOf([id]),
    query(
      `SELECT s.*, rc.code, rc.description, rc.unit_price_minor FROM deliverable_specs s
         LEFT JOIN rate_card_items rc ON rc.id = s.rate_card_item_id WHERE s.brief_id = $1 ORDER BY s.position ASC`,
      [id],
    ),
    query(
      `SELECT ${DELIVERABLE_SELECT}, count(*) OVER () AS deliverable_count ${DELIVERABLE_FROM}
        WHERE d.brief_id = $1 ORDER BY d.due_date ASC, d.id ASC LIMIT 100`,
      [id],
    ),
  ]);
  return {
    ...brief(row, goals.get(id) ?? []),
    specs: specs.map((s) => ({
      id: s.id,
      rateCardItemId: s.rate_card_item_id,
      rateCardCode: s.code ?? '',
      description: s.description ?? '',
      quantity: s.quantity,
      dueDate: s.due_date,
      channel: s.channel,
      estimateMinor: s.code ? Number(BigInt(s.unit_price_minor) * BigInt(s.quantity)) : 0,
    })),
    deliverables: deliverables.map(deliverableSummary),
    deliverableCount: Number(deliverables[0]?.deliverable_count ?? 0),
  };
}

async function contractDetail(actor, id) {
  const where = new Where();
  where.add(`c.id = ${where.param(id)}`);
  if (isAgency(actor)) where.add(agencyContracts(where, actor, 'c'));
  const [row] = await query(`SELECT ${CONTRACT_SELECT} ${CONTRACT_FROM} ${where.sql()}`, where.params);
  if (!row) throw new HttpError(404, 'not_found', 'Contract was not found.');
  const [rateCard, allocations, committed] = await Promise.all([
    query('SELECT * FROM rate_card_items WHERE contract_id = $1 ORDER BY position ASC', [id]),
    query(
      `SELECT cg.goal_id, cg.percent, g.name FROM contract_goals cg LEFT JOIN marketing_goals g ON g.id = cg.goal_id
        WHERE cg.contract_id = $1 ORDER BY cg.percent DESC`,
      [id],
    ),
    query(
      `SELECT COALESCE(SUM(budget_estimate_minor), 0)::text AS committed FROM briefs
        WHERE contract_id = $1 AND status = ANY($2)`,
      [id, ['accepted', 'in_progress', 'completed']],
    ),
  ]);
  const cap = Number(row.budget_cap_minor);
  const committedMinor = Number(committed[0].committed);
  return {
    ...contract(!isAgency(actor))(row),
    rateCard: rateCard.map((item) => ({
      id: item.id,
      code: item.code,
      description: item.description,
      unit: item.unit,
      unitPriceMinor: Number(item.unit_price_minor),
    })),
    allocations: allocations.map((allocation) => ({
      goalId: allocation.goal_id,
      goalName: allocation.name ?? '',
      percent: allocation.percent,
      allocatedMinor: Number((BigInt(cap) * BigInt(allocation.percent)) / 100n),
    })),
    budget: {
      currency: row.currency,
      capMinor: cap,
      committedMinor,
      invoicedMinor: 0,
      approvedMinor: 0,
      paidMinor: 0,
      remainingMinor: cap - Math.max(committedMinor, 0),
    },
  };
}

async function deliverableDetail(actor, id) {
  const where = new Where();
  where.add(`d.id = ${where.param(id)}`);
  if (isAgency(actor))
    where.add(`d.brief_id IN (SELECT b.id FROM briefs b WHERE ${agencyBriefs(where, actor, 'b')})`);
  const [row] = await query(
    `SELECT ${DELIVERABLE_SELECT}, b.title AS brief_title, c.id AS contract_id, c.agency_id, a.name AS agency_name,
            m.id AS master_id, m.title AS master_title
       ${DELIVERABLE_FROM} JOIN briefs b ON b.id = d.brief_id JOIN contracts c ON c.id = b.contract_id
       JOIN agencies a ON a.id = c.agency_id LEFT JOIN deliverables m ON m.id = d.derived_from_id ${where.sql()}`,
    where.params,
  );
  if (!row) throw new HttpError(404, 'not_found', 'Deliverable was not found.');
  if (!row.review_policy) notImplemented();
  const listed =
    'SELECT listed.id FROM deliverable_versions listed WHERE listed.deliverable_id = $1 ORDER BY listed.number DESC LIMIT 100';
  const [versions, derivatives, files, decisions] = await Promise.all([
    query(
      `SELECT v.*, u.name AS uploader_name, u.email AS uploader_email, count(*) OVER () AS version_count
         FROM deliverable_versions v LEFT JOIN users u ON u.id = v.uploaded_by
        WHERE v.deliverable_id = $1 ORDER BY v.number DESC LIMIT 100`,
      [id],
    ),
    query(
      `SELECT id, title, status, count(*) OVER () AS derivative_count FROM deliverables
        WHERE derived_from_id = $1 ORDER BY created_at ASC, id ASC LIMIT 100`,
      [id],
    ),
    query(`SELECT * FROM stored_files WHERE version_id IN (${listed}) ORDER BY created_at ASC`, [id]),
    query(
      `SELECT dc.*, u.name AS approver_name, u.email AS approver_email FROM approval_decisions dc
         LEFT JOIN users u ON u.id = dc.approver_id WHERE dc.version_id IN (${listed}) ORDER BY dc.decided_at ASC`,
      [id],
    ),
  ]);
  const numberOf = new Map(versions.map((version) => [version.id, version.number]));
  return {
    ...deliverableSummary({ ...row, version_number: versions[0]?.number ?? null }),
    briefTitle: row.brief_title,
    contractId: row.contract_id,
    agencyId: row.agency_id,
    agencyName: row.agency_name ?? '',
    derivedFrom: row.master_id ? { id: row.master_id, title: row.master_title } : null,
    derivatives: derivatives.map((child) => ({ id: child.id, title: child.title, status: child.status })),
    derivativeCount: Number(derivatives[0]?.derivative_count ?? 0),
    postUrl: row.post_url,
    publishedAt: iso(row.published_at),
    versions: versions.map((version) => ({
      id: version.id,
      number: version.number,
      copyText: version.copy_text,
      files: files
        .filter((file) => file.version_id === version.id)
        .map((file) => ({
          id: file.id,
          fileName: file.original_name,
          contentType: file.content_type,
          sizeBytes: Number(file.size_bytes),
          sha256: file.sha256,
        })),
      uploadedBy: ref(version.uploaded_by, version.uploader_name, version.uploader_email),
      submittedAt: iso(version.submitted_at),
    })),
    versionCount: Number(versions[0]?.version_count ?? 0),
    policy: row.review_policy,
    decisions: decisions.map((decision) => ({
      id: decision.id,
      versionId: decision.version_id,
      versionNumber: numberOf.get(decision.version_id) ?? 0,
      stepIndex: decision.step_index,
      stepName: decision.step_name,
      approver: ref(decision.approver_id, decision.approver_name, decision.approver_email),
      decision: decision.decision,
      comment: decision.comment,
      decidedAt: iso(decision.decided_at),
    })),
  };
}

const DETAILS = [
  [/^\/api\/briefs\/([0-9a-f-]{36})$/, briefDetail],
  [/^\/api\/contracts\/([0-9a-f-]{36})$/, contractDetail],
  [/^\/api\/deliverables\/([0-9a-f-]{36})$/, deliverableDetail],
  [/^\/api\/versions\/([0-9a-f-]{36})\/comments$/, null],
];

let explaining = false;

async function route(request) {
  const url = new URL(request.url ?? '/', 'http://raw');
  explaining = request.headers['x-explain'] === '1';
  if (request.method !== 'GET') notImplemented();
  const actor = await actorOf(request);
  const list = LISTS[url.pathname];
  if (list) return list(actor, url);
  for (const [pattern, handler] of DETAILS) {
    const match = pattern.exec(url.pathname);
    if (match) return handler ? handler(actor, match[1]) : comments(actor, url, match[1]);
  }
  return notImplemented();
}

createServer((request, response) => {
  route(request).then(
    (body) => {
      const json = JSON.stringify(body);
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
      });
      response.end(json);
    },
    (error) => {
      if (error.plan) {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ plan: error.plan }));
        return;
      }
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) process.stderr.write(`${error.stack}\n`);
      const json = JSON.stringify({ code: error.code ?? 'internal', message: error.message });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(json);
    },
  );
}).listen(Number(process.env.PORT ?? 3012), '127.0.0.1', () => process.send?.({ listening: true }));
