import type { SpendFilters, SpendGroup } from '@agency-portal/shared';
import { LIVE_INVOICE_STATUSES } from '@agency-portal/shared';
import type { DataSource, EntityManager, SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import type { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';

/** The group key of a report row, over the aliases of totalsQuery(). */
export const GROUP_KEY: Record<SpendGroup, string> = {
  month: "to_char(i.issue_date, 'YYYY-MM')",
  agency: 'i.agency_id::text',
  goal: 't.goal_id::text',
  business_unit: 'c.business_unit_id::text',
  contract: 'i.contract_id::text',
};

/**
 * The invoice lines the report covers: aliases `l` (line), `i` (invoice), `c` (contract), the
 * filters, and the actor's scope (the `spend` rule of the access service). Statuses default to
 * the live ones.
 */
export function linesQuery(
  source: DataSource | EntityManager,
  access: AccessService,
  actor: Actor,
  filters: SpendFilters & { month?: string },
): SelectQueryBuilder<ObjectLiteral> {
  return spendQuery(source, access, actor, filters, 'invoice_lines', 'l');
}

/**
 * The same selection as linesQuery() over the invoices' per-goal totals (alias `t`: goal_id,
 * line_count, amount_minor), a few rows per invoice: what the report's figures add up.
 */
export function totalsQuery(
  source: DataSource | EntityManager,
  access: AccessService,
  actor: Actor,
  filters: SpendFilters & { month?: string },
): SelectQueryBuilder<ObjectLiteral> {
  return spendQuery(source, access, actor, filters, 'invoice_goal_totals', 't');
}

function spendQuery(
  source: DataSource | EntityManager,
  access: AccessService,
  actor: Actor,
  filters: SpendFilters & { month?: string },
  table: 'invoice_lines' | 'invoice_goal_totals',
  alias: 'l' | 't',
): SelectQueryBuilder<ObjectLiteral> {
  const qb = source
    .createQueryBuilder()
    .from(table, alias)
    .innerJoin('invoices', 'i', `i.id = ${alias}.invoice_id`)
    .innerJoin('contracts', 'c', 'c.id = i.contract_id');
  if (filters.status) qb.where('i.status = :status', { status: filters.status });
  else qb.where('i.status IN (:...liveStatuses)', { liveStatuses: LIVE_INVOICE_STATUSES });
  applyInvoiceFilters(qb, filters);
  if (filters.goalId) qb.andWhere(`${alias}.goal_id = :goalId`, { goalId: filters.goalId });
  if (filters.month) {
    qb.andWhere(
      "i.issue_date >= CAST(:month AS date) AND i.issue_date < CAST(:month AS date) + interval '1 month'",
      {
        month: `${filters.month}-01`,
      },
    );
  }
  return access.scope(qb, actor, 'spend', 'i');
}

/** The filters that are facts of the invoice or its contract. */
export function applyInvoiceFilters(qb: SelectQueryBuilder<ObjectLiteral>, filters: SpendFilters): void {
  if (filters.from) qb.andWhere('i.issue_date >= :from', { from: filters.from });
  if (filters.to) qb.andWhere('i.issue_date <= :to', { to: filters.to });
  if (filters.agencyId) qb.andWhere('i.agency_id = :agencyId', { agencyId: filters.agencyId });
  if (filters.contractId) qb.andWhere('i.contract_id = :contractId', { contractId: filters.contractId });
  if (filters.businessUnitId) qb.andWhere('c.business_unit_id = :unitId', { unitId: filters.businessUnitId });
  if (filters.currency) qb.andWhere('i.currency = :currency', { currency: filters.currency });
}

/** The filters as given, without the empty ones (echoed in answers and exports). */
export function filtersOf(query: SpendFilters): SpendFilters {
  const keys: (keyof SpendFilters)[] = [
    'from',
    'to',
    'agencyId',
    'businessUnitId',
    'goalId',
    'contractId',
    'status',
    'currency',
  ];
  return Object.fromEntries(keys.flatMap((key) => (query[key] ? [[key, query[key]]] : [])));
}
