import {
  BRIEF_STATUSES_VISIBLE_TO_AGENCY,
  CONTRACT_STATUSES_VISIBLE_TO_AGENCY,
  can,
  type Permission,
} from '@agency-portal/shared';
import type { Actor } from '../auth/actor';
import { isAgencyActor } from '../auth/actor';
import {
  isScopedReviewer,
  reviewerBriefCondition,
  reviewerContractCondition,
  reviewerParameters,
} from './reviewer-scope';

/**
 * Who may see which record, written once. Every list, detail, nested read and report applies these
 * conditions (through AccessService); no other file writes visibility SQL.
 *
 * - A role without the resource's read permission sees none of it (deny by default).
 * - Agency users see their own agency and its users; contracts of their agency once signed, the
 *   briefs sent under them, and everything below those briefs; the goals those contracts serve.
 *   The statuses an agency sees come from `libs/shared` (`isVisibleToAgency`, `isBriefVisibleToAgency`).
 * - Reviewers see the contracts and briefs they review (reviewer-scope.ts) and what is below them.
 * - Other in-house readers see every record their permission covers.
 * - Unfinished uploads (a file with no version yet) are seen by their uploader only.
 *
 * - A goal's allocations are part of the goal: every in-house goal reader sees all of them (a viewer
 *   or a reviewer sees the 60 % finance sees, without opening the contracts), agency users only
 *   their own contracts' (the contracts they see).
 * - Goal dashboards (goal-reports/): figures of the deliverables whose metrics the reader sees
 *   (`deliverable_metrics`), money of the contracts in `goal_spend` (in-house readers with
 *   `spend:read` all, agency users their own signed contracts, others none), and the goal's own
 *   outcomes with `outcome:read` (never agencies).
 * - Invoices: agency users see their own agency's, in-house readers with `invoice:read` all of them;
 *   a line is visible with its invoice. The spend report reads invoices as `spend` (permission
 *   `spend:read`, the same rule), so a viewer sees the report's figures but opens no invoice.
 * - Digest subscriptions: each in-house reader sees and ends only their own; what a digest is about
 *   (a goal, a unit) must be visible to them when they subscribe and each time a digest is sent.
 * - Scorecards: every in-house role (viewer and finance included) reads every agency's, agency
 *   users only their own agency's. A scorecard aggregates the agency's whole workflow (all its
 *   contracts, briefs, deliverables, invoices and metrics), so no record-level rule applies below it.
 */
export const RESOURCES = {
  business_unit: { table: 'business_units', permission: 'business_unit:read', label: 'Business unit' },
  agency: { table: 'agencies', permission: 'agency:read', label: 'Agency' },
  user: { table: 'users', permission: 'user:read', label: 'User' },
  goal: { table: 'marketing_goals', permission: 'goal:read', label: 'Goal' },
  contract: { table: 'contracts', permission: 'contract:read', label: 'Contract' },
  // A goal's allocations (which contracts fund it, how much): part of the goal, read with it.
  goal_allocation: { table: 'contracts', permission: 'goal:read', label: 'Contract' },
  // The goal dashboard's money: the contracts whose ledger, invoiced lines and costs a reader sees.
  goal_spend: { table: 'contracts', permission: 'goal:read', label: 'Contract' },
  brief: { table: 'briefs', permission: 'brief:read', label: 'Brief' },
  deliverable: { table: 'deliverables', permission: 'deliverable:read', label: 'Deliverable' },
  version: { table: 'deliverable_versions', permission: 'deliverable:read', label: 'Version' },
  comment: { table: 'comments', permission: 'deliverable:read', label: 'Comment' },
  file: { table: 'stored_files', permission: 'deliverable:read', label: 'File' },
  approval_policy: {
    table: 'approval_policies',
    permission: 'approval_policy:read',
    label: 'Approval policy',
  },
  // Outcomes. Reading a deliverable's daily metrics and a goal's own outcomes, and writing either
  // (deliverable_metrics_write / goal_outcomes_write: the records a writer may put figures on).
  deliverable_metrics: { table: 'deliverables', permission: 'metric:read', label: 'Deliverable' },
  deliverable_metrics_write: { table: 'deliverables', permission: 'outcome:write', label: 'Deliverable' },
  goal_outcomes: { table: 'marketing_goals', permission: 'outcome:read', label: 'Goal' },
  goal_outcomes_write: { table: 'marketing_goals', permission: 'outcome:write', label: 'Goal' },
  metric_import: { table: 'metric_imports', permission: 'outcome:write', label: 'Import' },
  invoice: { table: 'invoices', permission: 'invoice:read', label: 'Invoice' },
  invoice_line: { table: 'invoice_lines', permission: 'invoice:read', label: 'Invoice line' },
  spend: { table: 'invoices', permission: 'spend:read', label: 'Invoice' },
  budget_ledger: { table: 'contracts', permission: 'spend:read', label: 'Contract' },
  // Weekly digests: a person's own subscriptions, and nobody else's (in-house readers only).
  digest_subscription: {
    table: 'digest_subscriptions',
    permission: 'digest:subscribe',
    label: 'Digest subscription',
  },
  // Agency scorecards (scorecards/): figures computed over an agency's whole workflow.
  scorecard: { table: 'agencies', permission: 'scorecard:read', label: 'Agency' },
} as const satisfies Record<string, { table: string; permission: Permission; label: string }>;

export type Resource = keyof typeof RESOURCES;

/** A SQL condition over a query alias with its named parameters. */
export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

const NOTHING: Condition = { sql: '1 = 0', params: {} };

/** The condition limiting `alias` (a row of the resource's table) to what the actor may see; null: no limit. */
export function scopeCondition(actor: Actor, resource: Resource, alias: string): Condition | null {
  if (!can(actor.role, RESOURCES[resource].permission)) return NOTHING;
  switch (resource) {
    case 'business_unit':
      return null;
    case 'agency':
      return isAgencyActor(actor)
        ? { sql: `${alias}.id = :scopeAgencyId`, params: agencyParams(actor) }
        : null;
    case 'user':
      return isAgencyActor(actor)
        ? { sql: `${alias}.agency_id = :scopeAgencyId`, params: agencyParams(actor) }
        : null;
    case 'goal':
      return goalCondition(actor, alias);
    case 'contract':
      return contractCondition(actor, alias);
    case 'goal_allocation':
      return isAgencyActor(actor) ? contractCondition(actor, alias) : null;
    case 'goal_spend':
      if (isAgencyActor(actor)) return contractCondition(actor, alias);
      return can(actor.role, 'spend:read') ? null : NOTHING;
    case 'brief':
      return briefCondition(actor, alias);
    case 'deliverable':
      return below(briefCondition(actor, `${alias}_b`), `${alias}.brief_id`, 'briefs', `${alias}_b`);
    case 'version':
      return below(
        scopeCondition(actor, 'deliverable', `${alias}_d`),
        `${alias}.deliverable_id`,
        'deliverables',
        `${alias}_d`,
      );
    case 'comment':
      return below(
        scopeCondition(actor, 'version', `${alias}_v`),
        `${alias}.version_id`,
        'deliverable_versions',
        `${alias}_v`,
      );
    case 'file':
      return fileCondition(actor, alias);
    case 'approval_policy':
      return policyCondition(actor, alias);
    case 'deliverable_metrics':
      // Agencies and reviewers read the figures of the deliverables they see; other in-house readers all.
      return isAgencyActor(actor) || isScopedReviewer(actor)
        ? scopeCondition(actor, 'deliverable', alias)
        : null;
    case 'deliverable_metrics_write':
      return unitCondition(
        actor,
        alias,
        `(SELECT ${alias}_wc.business_unit_id FROM briefs ${alias}_wb
            JOIN contracts ${alias}_wc ON ${alias}_wc.id = ${alias}_wb.contract_id WHERE ${alias}_wb.id = ${alias}.brief_id)`,
      );
    case 'goal_outcomes':
      // In-house only (agencies hold no outcome:read): a goal's own figures are the brand's.
      return null;
    case 'goal_outcomes_write':
      return unitCondition(actor, alias, `${alias}.business_unit_id`);
    case 'metric_import':
      // Only in-house writers (admins, social leads) hold the permission; they see every import.
      return null;
    case 'invoice':
    case 'spend':
      return invoiceCondition(actor, alias);
    case 'budget_ledger':
      return contractCondition(actor, alias);
    case 'digest_subscription':
      return { sql: `${alias}.user_id = :scopeUserId`, params: { scopeUserId: actor.id } };
    case 'scorecard':
      return isAgencyActor(actor)
        ? { sql: `${alias}.id = :scopeAgencyId`, params: agencyParams(actor) }
        : null;
    case 'invoice_line':
      return below(
        scopeCondition(actor, 'invoice', `${alias}_i`),
        `${alias}.invoice_id`,
        'invoices',
        `${alias}_i`,
      );
  }
}

function agencyParams(actor: Actor & { agencyId: string }): Record<string, unknown> {
  return { scopeAgencyId: actor.agencyId };
}

function contractCondition(actor: Actor, alias: string): Condition | null {
  if (isAgencyActor(actor)) {
    return {
      sql: `(${alias}.agency_id = :scopeAgencyId AND ${alias}.status IN (:...scopeContractStatuses))`,
      params: { ...agencyParams(actor), scopeContractStatuses: CONTRACT_STATUSES_VISIBLE_TO_AGENCY },
    };
  }
  if (isScopedReviewer(actor)) {
    return { sql: reviewerContractCondition(`${alias}.id`), params: reviewerParameters(actor) };
  }
  return null;
}

function briefCondition(actor: Actor, alias: string): Condition | null {
  if (isAgencyActor(actor)) {
    const contracts = contractCondition(actor, `${alias}_c`) as Condition;
    return {
      sql: `(${alias}.status IN (:...scopeBriefStatuses) AND ${alias}.contract_id IN (SELECT ${alias}_c.id FROM contracts ${alias}_c WHERE ${contracts.sql}))`,
      params: { ...contracts.params, scopeBriefStatuses: BRIEF_STATUSES_VISIBLE_TO_AGENCY },
    };
  }
  if (isScopedReviewer(actor)) {
    return {
      sql: reviewerBriefCondition(`${alias}.id`, `${alias}.contract_id`),
      params: reviewerParameters(actor),
    };
  }
  return null;
}

/** Agencies see the goals their visible contracts serve; in-house readers see all goals. */
function goalCondition(actor: Actor, alias: string): Condition | null {
  if (!isAgencyActor(actor)) return null;
  const contracts = contractCondition(actor, `${alias}_c`) as Condition;
  return {
    sql: `${alias}.id IN (SELECT ${alias}_cg.goal_id FROM contract_goals ${alias}_cg
            JOIN contracts ${alias}_c ON ${alias}_c.id = ${alias}_cg.contract_id WHERE ${contracts.sql})`,
    params: contracts.params,
  };
}

/** Deliverable files: a submitted version's files with their deliverable, unfinished uploads by their uploader. */
function fileCondition(actor: Actor, alias: string): Condition {
  const deliverables = below(
    scopeCondition(actor, 'deliverable', `${alias}_d`),
    `${alias}.deliverable_id`,
    'deliverables',
    `${alias}_d`,
  );
  const submitted = deliverables
    ? `${alias}.version_id IS NOT NULL AND ${deliverables.sql}`
    : `${alias}.version_id IS NOT NULL`;
  return {
    sql: `(${alias}.deliverable_id IS NOT NULL AND ((${submitted}) OR (${alias}.version_id IS NULL AND ${alias}.uploaded_by = :scopeActorId)))`,
    params: { ...deliverables?.params, scopeActorId: actor.id },
  };
}

/** An agency sees its own invoices, whatever became of the contract; in-house readers see all. */
function invoiceCondition(actor: Actor, alias: string): Condition | null {
  return isAgencyActor(actor)
    ? { sql: `${alias}.agency_id = :scopeAgencyId`, params: agencyParams(actor) }
    : null;
}

/** A unit's policy is seen by every policy reader; a contract's override only with its contract. */
function policyCondition(actor: Actor, alias: string): Condition | null {
  const contracts = below(
    contractCondition(actor, `${alias}_c`),
    `${alias}.contract_id`,
    'contracts',
    `${alias}_c`,
  );
  if (contracts === null) return null;
  return { sql: `(${alias}.contract_id IS NULL OR ${contracts.sql})`, params: contracts.params };
}

/**
 * Outcomes are written by admins, and by social leads for their own business unit: a record of
 * their unit, or of a unit whose parent (a centre of excellence) is theirs. A lead without a unit
 * works for every unit. `unit` is the SQL expression of the record's business unit.
 */
function unitCondition(actor: Actor, alias: string, unit: string): Condition | null {
  if (actor.role === 'admin') return null;
  return {
    sql: `EXISTS (SELECT 1 FROM users ${alias}_su WHERE ${alias}_su.id = :scopeActorId
            AND (${alias}_su.business_unit_id IS NULL OR ${alias}_su.business_unit_id = ${unit}
              OR ${alias}_su.business_unit_id = (SELECT ${alias}_bu.parent_id FROM business_units ${alias}_bu
                                                 WHERE ${alias}_bu.id = ${unit})))`,
    params: { scopeActorId: actor.id },
  };
}

/** A child is visible when its parent is: `column IN (SELECT id FROM parents WHERE …)`. */
function below(
  parent: Condition | null,
  column: string,
  parentTable: string,
  parentAlias: string,
): Condition | null {
  if (parent === null) return null;
  if (parent === NOTHING) return NOTHING;
  return {
    sql: `${column} IN (SELECT ${parentAlias}.id FROM ${parentTable} ${parentAlias} WHERE ${parent.sql})`,
    params: parent.params,
  };
}

/** Field-level: a contract's internal notes never leave the brand. */
export function mayReadInternalNotes(actor: Actor): boolean {
  return !isAgencyActor(actor);
}
