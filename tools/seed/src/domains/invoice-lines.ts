import type { TableBuffer } from '../copy';
import type { RateItemPlan } from '../context';
import type { Random } from '../random';
import type { TABLES } from '../tables';

/** A line of an invoice being generated, before it is priced into rows. */
export interface LineDraft {
  item: RateItemPlan;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  deliverableId: string | null;
  goalId: string;
}

/**
 * An invoice's line rows and, from the same amounts, its per-goal totals: what the submission
 * writes from the stored lines (recordGoalTotals in the API).
 */
export function writeLines(
  lineRows: TableBuffer<(typeof TABLES)['invoiceLines']['columns']>,
  totalRows: TableBuffer<(typeof TABLES)['invoiceGoalTotals']['columns']>,
  random: Random,
  invoiceId: string,
  lines: readonly LineDraft[],
  amountsMinor: readonly number[],
  live: boolean,
): void {
  const byGoal = new Map<string, { lines: number; amount: number }>();
  lines.forEach((line, position) => {
    const amount = amountsMinor[position] ?? 0;
    lineRows.push({
      id: random.uuid(),
      invoice_id: invoiceId,
      position,
      rate_card_item_id: line.item.id,
      item_code: line.item.code,
      description: line.description,
      unit: line.item.unit,
      quantity: line.quantity.toFixed(2),
      unit_price_minor: line.unitPriceMinor,
      rate_card_price_minor: line.item.priceMinor,
      amount_minor: amount,
      deliverable_id: line.deliverableId,
      goal_id: line.goalId,
      live,
    });
    const total = byGoal.get(line.goalId) ?? { lines: 0, amount: 0 };
    total.lines += 1;
    total.amount += amount;
    byGoal.set(line.goalId, total);
  });
  for (const [goalId, total] of byGoal) {
    totalRows.push({
      invoice_id: invoiceId,
      goal_id: goalId,
      line_count: total.lines,
      amount_minor: total.amount,
    });
  }
}
