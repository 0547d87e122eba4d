import { Injectable } from '@nestjs/common';
import { MAX_INVOICE_LINES } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { DomainError, fieldError } from '../common/errors/domain-error';

/** A deliverable as billing sees it: its brief, spec, default goal and what live invoices billed of it. */
export interface BillableDeliverable {
  id: string;
  title: string;
  status: string;
  contract_id: string;
  brief_id: string;
  spec_id: string | null;
  spec_quantity: number | null;
  spec_item_id: string | null;
  /** Quantity already billed of the same spec by live lines. */
  billed_of_spec: string;
  billed_by: string | null;
  goal_id: string | null;
}

/**
 * What an agency may bill: its visible deliverables with their brief and spec, the approved ones
 * no live invoice holds yet, and the contract's goals by allocation (the default goal of a line).
 */
@Injectable()
export class BillableDeliverables {
  constructor(private readonly access: AccessService) {}

  /** Deliverables the actor may see, with their brief, spec and what live invoices billed of them. */
  async visible(
    manager: EntityManager,
    actor: Actor,
    ids: readonly string[],
  ): Promise<BillableDeliverable[]> {
    if (ids.length === 0) return [];
    const condition = this.access.condition(actor, 'deliverable', 'd');
    return manager
      .createQueryBuilder()
      .select(DELIVERABLE_COLUMNS)
      .from('deliverables', 'd')
      .innerJoin('briefs', 'b', 'b.id = d.brief_id')
      .leftJoin('deliverable_specs', 's', 's.id = d.spec_id')
      .where('d.id = ANY(CAST(:ids AS uuid[]))', { ids: [...new Set(ids)] })
      .andWhere(condition?.sql ?? 'true', condition?.params ?? {})
      .getRawMany<BillableDeliverable>();
  }

  /** The contract's approved deliverables that no live invoice bills, oldest due first. */
  async billableOf(manager: EntityManager, actor: Actor, contractId: string): Promise<BillableDeliverable[]> {
    return this.billableQuery(manager, actor, contractId)
      .select(DELIVERABLE_COLUMNS)
      .orderBy('d.due_date', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(MAX_INVOICE_LINES)
      .getRawMany<BillableDeliverable>();
  }

  async billableCount(manager: EntityManager, actor: Actor, contractId: string): Promise<number> {
    const row = await this.billableQuery(manager, actor, contractId)
      .select('count(*)::int', 'count')
      .getRawOne<{ count: number }>();
    return row?.count ?? 0;
  }

  private billableQuery(manager: EntityManager, actor: Actor, contractId: string) {
    const condition = this.access.condition(actor, 'deliverable', 'd');
    return manager
      .createQueryBuilder()
      .from('deliverables', 'd')
      .innerJoin('briefs', 'b', 'b.id = d.brief_id')
      .leftJoin('deliverable_specs', 's', 's.id = d.spec_id')
      .where('b.contract_id = :contractId', { contractId })
      .andWhere("d.status IN ('approved', 'published')")
      .andWhere('d.spec_id IS NOT NULL')
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM invoice_lines held WHERE held.deliverable_id = d.id AND held.live)',
      )
      .andWhere(condition?.sql ?? 'true', condition?.params ?? {});
  }

  /** The contract's goals, largest allocation first (ties by id): the default for lines. */
  goalsOf(
    manager: EntityManager,
    contractId: string,
  ): Promise<{ goal_id: string; name: string; percent: number }[]> {
    return manager.query(
      `SELECT cg.goal_id, g.name, cg.percent FROM contract_goals cg JOIN marketing_goals g ON g.id = cg.goal_id
        WHERE cg.contract_id = $1 ORDER BY cg.percent DESC, cg.goal_id`,
      [contractId],
    );
  }
}

const DELIVERABLE_COLUMNS = [
  'd.id AS id',
  'd.title AS title',
  'd.status AS status',
  'b.contract_id AS contract_id',
  'b.id AS brief_id',
  'd.spec_id AS spec_id',
  's.quantity AS spec_quantity',
  's.rate_card_item_id AS spec_item_id',
  `(SELECT COALESCE(sum(l.quantity), 0)::text FROM invoice_lines l JOIN deliverables sd ON sd.id = l.deliverable_id
     WHERE l.live AND sd.spec_id = d.spec_id) AS billed_of_spec`,
  '(SELECT l.invoice_id FROM invoice_lines l WHERE l.live AND l.deliverable_id = d.id LIMIT 1) AS billed_by',
  `(SELECT bg.goal_id FROM brief_goals bg LEFT JOIN contract_goals cg ON cg.goal_id = bg.goal_id AND cg.contract_id = b.contract_id
     WHERE bg.brief_id = b.id ORDER BY cg.percent DESC NULLS LAST, bg.goal_id LIMIT 1) AS goal_id`,
];

/** The brief's goal (its largest allocation on the contract), else the contract's largest allocation. */
export function defaultGoal(
  deliverable: BillableDeliverable | null,
  goals: readonly { goal_id: string }[],
): string {
  return deliverable?.goal_id ?? goals[0]?.goal_id ?? '';
}

export function assertBillable(
  deliverable: BillableDeliverable | undefined,
  contractId: string,
  field: string,
): BillableDeliverable {
  if (!deliverable) throw fieldError(field, 'The deliverable was not found.', 'deliverable_not_billable');
  if (deliverable.contract_id !== contractId) {
    throw fieldError(field, 'The deliverable belongs to another contract.', 'deliverable_not_billable');
  }
  if (!['approved', 'published'].includes(deliverable.status)) {
    throw fieldError(field, 'Only approved deliverables can be billed.', 'deliverable_not_billable');
  }
  if (deliverable.billed_by) {
    throw new DomainError('already_billed', 'Another invoice bills this deliverable already.', {
      fields: [{ field, messages: ['Another invoice bills this deliverable already.'] }],
      deliverableId: deliverable.id,
      invoiceId: deliverable.billed_by,
    });
  }
  return deliverable;
}
