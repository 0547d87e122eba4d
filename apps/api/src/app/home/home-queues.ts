import {
  BRIEF_STATUSES,
  BUDGET_THRESHOLDS,
  isBriefRunning,
  type HomeItemKind,
  type HomeQueueKey,
} from '@agency-portal/shared';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Resource } from '../access/access-rules';
import type { AccessService } from '../access/access.service';
import { Agency } from '../agencies/agency.entity';
import type { Actor } from '../auth/actor';
import { Brief } from '../briefs/brief.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import type { SortColumn } from '../common/lists/paginate';
import { Contract } from '../contracts/contract.entity';
import { stepDueAtSql, whereAwaitingDecisionOf, withThumbnail } from '../deliverables/deliverable-queries';
import { Deliverable } from '../deliverables/deliverable.entity';
import { User } from '../users/user.entity';

/**
 * How each home queue is read: its root record, the scoped and filtered query, the column it is
 * sorted on (soonest due first, so the oldest overdue row leads), and the SQL that says a row is
 * overdue. Every query starts from the access service's scope for its record kind, joins to-one
 * relations only and reads a page through `paginate`, so each queue costs one page query and one
 * capped count, on the partial indexes of migrations 1764400000000 and 1765700000001.
 */
export interface QueueDefinition {
  kind: HomeItemKind;
  alias: string;
  due: SortColumn;
  /** SQL: the row is overdue now. */
  overdue: string;
  build(manager: EntityManager, access: AccessService, actor: Actor): SelectQueryBuilder<ObjectLiteral>;
}

/** Raw column names the queries select beside their root record. */
export const RAW = {
  agencyName: 'home_agency_name',
  briefId: 'home_brief_id',
  briefTitle: 'home_brief_title',
  contractOwnerId: 'home_contract_owner_id',
  briefStatus: 'home_brief_status',
  versionNumber: 'home_version_number',
  dueAt: 'home_due_at',
  overdue: 'home_overdue',
  used: 'home_used_percent',
  renewal: 'home_renewal',
  detail: 'home_detail',
} as const;

const RUNNING_BRIEF_STATUSES = BRIEF_STATUSES.filter(isBriefRunning);
/** How far ahead "due soon" looks for the agency's deliverables. */
export const DUE_SOON_DAYS = 7;
export const BUDGET_WATCH_PERCENT = BUDGET_THRESHOLDS[0];

/** Deliverables with their brief, contract owner and agency, for review and agency rows. */
function deliverables(manager: EntityManager, access: AccessService, actor: Actor) {
  const qb = manager
    .getRepository(Deliverable)
    .createQueryBuilder('deliverable')
    .innerJoin('deliverable.brief', 'brief')
    .innerJoin('brief.contract', 'contract')
    .innerJoin('contract.agency', 'agency')
    .leftJoin('deliverable.currentVersion', 'currentVersion')
    .addSelect('brief.id', RAW.briefId)
    .addSelect('brief.title', RAW.briefTitle)
    .addSelect('brief.status', RAW.briefStatus)
    .addSelect('contract.owner_id', RAW.contractOwnerId)
    .addSelect('agency.name', RAW.agencyName)
    .addSelect('currentVersion.number', RAW.versionNumber);
  access.scope(qb, actor, 'deliverable', 'deliverable');
  return withThumbnail(qb);
}

/**
 * A queue's query over one kind of record: `entity` under `alias`, shaped by `shape` (joins,
 * selects, conditions; given the actor), then scoped by the access service for `resource`.
 */
function scoped<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  resource: Resource,
  alias: string,
  shape: (query: SelectQueryBuilder<T>, actor: Actor) => SelectQueryBuilder<T>,
): QueueDefinition['build'] {
  return (manager, access, actor) =>
    access.scope(
      shape(manager.getRepository(entity).createQueryBuilder(alias), actor),
      actor,
      resource,
      alias,
    );
}

/** Briefs with their agency, then `where` (scoped). */
function briefs(where: (query: SelectQueryBuilder<Brief>, actor: Actor) => SelectQueryBuilder<Brief>) {
  return scoped(Brief, 'brief', 'brief', (query, actor) =>
    where(
      query
        .innerJoin('brief.contract', 'contract')
        .innerJoin('contract.agency', 'agency')
        .addSelect('agency.name', RAW.agencyName),
      actor,
    ),
  );
}

/** The lead's part of the work: contracts they own, or whose agency's relationship they hold. */
const LEADS_CONTRACT = `(contract.owner_id = CAST(:leadId AS uuid) OR contract.agency_id IN (
  SELECT related.id FROM agencies related WHERE related.relationship_owner_id = CAST(:leadId AS uuid)))`;

const REVIEW_DUE: SortColumn = { expression: stepDueAtSql(), type: 'timestamptz' };
const REVIEW_OVERDUE = `${stepDueAtSql()} < now()`;
const DELIVERABLE_DUE: SortColumn = { expression: 'deliverable.due_date', type: 'date' };
const DELIVERABLE_OVERDUE = 'deliverable.due_date < CURRENT_DATE';
const SENT: SortColumn = { expression: 'COALESCE(brief.sent_at, brief.updated_at)', type: 'timestamptz' };

export const HOME_QUEUES: Record<HomeQueueKey, QueueDefinition> = {
  reviews: {
    kind: 'deliverable',
    alias: 'deliverable',
    due: REVIEW_DUE,
    overdue: REVIEW_OVERDUE,
    build: (manager, access, actor) =>
      whereAwaitingDecisionOf(deliverables(manager, access, actor), actor).andWhere(
        'brief.status IN (:...runningStatuses)',
        { runningStatuses: RUNNING_BRIEF_STATUSES },
      ),
  },
  overdue_reviews: {
    kind: 'deliverable',
    alias: 'deliverable',
    due: REVIEW_DUE,
    overdue: REVIEW_OVERDUE,
    build: (manager, access, actor) =>
      deliverables(manager, access, actor)
        .andWhere("deliverable.status = 'in_review'")
        .andWhere(REVIEW_OVERDUE)
        .andWhere(LEADS_CONTRACT, { leadId: actor.id }),
  },
  briefs_to_answer: {
    kind: 'brief',
    alias: 'brief',
    due: SENT,
    overdue: 'brief.due_date < CURRENT_DATE',
    build: briefs((query) => query.andWhere("brief.status = 'sent'")),
  },
  changes_requested: {
    kind: 'deliverable',
    alias: 'deliverable',
    due: DELIVERABLE_DUE,
    overdue: DELIVERABLE_OVERDUE,
    build: (manager, access, actor) =>
      deliverables(manager, access, actor).andWhere("deliverable.status = 'changes_requested'"),
  },
  deliverables_due: {
    kind: 'deliverable',
    alias: 'deliverable',
    due: DELIVERABLE_DUE,
    overdue: DELIVERABLE_OVERDUE,
    build: (manager, access, actor) =>
      deliverables(manager, access, actor)
        .andWhere("deliverable.status = 'draft'")
        .andWhere('brief.status IN (:...runningStatuses)', { runningStatuses: RUNNING_BRIEF_STATUSES })
        .andWhere(`deliverable.due_date <= CURRENT_DATE + ${DUE_SOON_DAYS}`),
  },
  briefs_unanswered: {
    kind: 'brief',
    alias: 'brief',
    due: SENT,
    overdue: 'brief.due_date < CURRENT_DATE',
    build: briefs((query, actor) =>
      query.andWhere("brief.status = 'sent'").andWhere(LEADS_CONTRACT, { leadId: actor.id }),
    ),
  },
  contracts_attention: {
    kind: 'contract',
    alias: 'contract',
    due: { expression: 'contract.end_date', type: 'date' },
    overdue: 'GREATEST(ledger.committed_minor, ledger.invoiced_minor) >= contract.budget_cap_minor',
    build: scoped(Contract, 'contract', 'contract', (query, actor) => {
      const used = `GREATEST(ledger.committed_minor, ledger.invoiced_minor)`;
      const renewal = `CURRENT_DATE >= contract.end_date - contract.renewal_notice_days`;
      return query
        .innerJoin('contract.agency', 'agency')
        .innerJoin('contract_budget_ledger', 'ledger', 'ledger.contract_id = contract.id')
        .addSelect('agency.name', RAW.agencyName)
        .addSelect(
          `CASE WHEN contract.budget_cap_minor > 0 THEN floor(${used} * 100 / contract.budget_cap_minor)::int END`,
          RAW.used,
        )
        .addSelect(renewal, RAW.renewal)
        .where("contract.status = 'active'")
        .andWhere(LEADS_CONTRACT, { leadId: actor.id })
        .andWhere(`(${renewal} OR ${used} * 100 >= contract.budget_cap_minor * ${BUDGET_WATCH_PERCENT})`);
    }),
  },
  agencies_owner_inactive: {
    kind: 'agency',
    alias: 'agency',
    due: { expression: 'agency.created_at', type: 'timestamptz' },
    overdue: 'false',
    build: scoped(Agency, 'agency', 'agency', (query) =>
      query
        .innerJoin(User, 'owner', 'owner.id = agency.relationship_owner_id')
        .addSelect('owner.name', RAW.detail)
        .where("agency.status = 'active'")
        .andWhere('owner.active = false'),
    ),
  },
  units_default_policy: {
    kind: 'business_unit',
    alias: 'unit',
    due: { expression: 'unit.created_at', type: 'timestamptz' },
    overdue: 'false',
    // No policy of its own, nor from a centre-of-excellence ancestor: its reviews run on the
    // default (the contract owner's review). The view holds that rule for every unit.
    build: scoped(BusinessUnit, 'business_unit', 'unit', (query) =>
      query.where(
        'NOT EXISTS (SELECT 1 FROM unit_approval_policies applied WHERE applied.unit_id = unit.id)',
      ),
    ),
  },
  pending_invites: {
    kind: 'user',
    alias: 'person',
    due: { expression: 'person.created_at', type: 'timestamptz' },
    overdue: "person.created_at < now() - interval '7 days'",
    build: scoped(User, 'user', 'person', (query) =>
      query.where('person.password_hash IS NULL').andWhere('person.active = true'),
    ),
  },
};
