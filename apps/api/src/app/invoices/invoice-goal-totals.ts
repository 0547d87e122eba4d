import type { EntityManager } from 'typeorm';

/**
 * Writes the invoice's per-goal line count and net amount (`invoice_goal_totals`) from its stored
 * lines, in the caller's transaction, right after the lines: the report adds these up instead of
 * every line. Lines and totals are immutable afterwards (database triggers), so they cannot part.
 */
export async function recordGoalTotals(manager: EntityManager, invoiceId: string): Promise<void> {
  await manager.query(
    `INSERT INTO invoice_goal_totals (invoice_id, goal_id, line_count, amount_minor)
     SELECT invoice_id, goal_id, count(*), sum(amount_minor) FROM invoice_lines
      WHERE invoice_id = $1 GROUP BY invoice_id, goal_id`,
    [invoiceId],
  );
}
