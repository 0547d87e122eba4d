import type {
  InvoiceDraftLineDto,
  InvoiceLineInput,
  InvoiceTotals,
  RateCardItemDto,
  RateUnit,
} from '@agency-portal/shared';
import { invoiceTotals, isValidQuantity, lineAmountMinor } from '@agency-portal/shared';

/** One line of the invoice form, as the agency edits it. */
export interface InvoiceLineValue {
  rateCardItemId: string;
  itemCode: string;
  unit: RateUnit;
  /** The rate card's price, to flag a different one. */
  rateCardPriceMinor: number;
  /** The approved deliverable billed (deliverable items only). */
  deliverableId: string | null;
  deliverableTitle: string | null;
  description: string;
  /** As typed; null while empty. */
  quantity: number | null;
  /** Minor units; null while the money field is empty or unreadable. */
  unitPriceMinor: number | null;
  goalId: string;
}

/** A draft line from the API (pay on approval) as a form line, at the rate card's price. */
export function lineFromDraft(line: InvoiceDraftLineDto): InvoiceLineValue {
  return {
    rateCardItemId: line.rateCardItemId,
    itemCode: line.itemCode,
    unit: line.unit,
    rateCardPriceMinor: line.unitPriceMinor,
    deliverableId: line.deliverableId,
    deliverableTitle: line.deliverableTitle,
    description: line.description,
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    goalId: line.goalId,
  };
}

/** A new line for hours or months of a rate card item (no deliverable), one unit at its price. */
export function lineFromRateCard(item: RateCardItemDto, goalId: string): InvoiceLineValue {
  return {
    rateCardItemId: item.id,
    itemCode: item.code,
    unit: item.unit,
    rateCardPriceMinor: item.unitPriceMinor,
    deliverableId: null,
    deliverableTitle: null,
    description: item.description,
    quantity: 1,
    unitPriceMinor: item.unitPriceMinor,
    goalId,
  };
}

/** Whether a line can be priced: a quantity its unit allows and a price. */
export function isPriceable(
  line: Pick<InvoiceLineValue, 'quantity' | 'unit' | 'unitPriceMinor'>,
): line is { quantity: number; unit: RateUnit; unitPriceMinor: number } {
  return (
    line.quantity !== null &&
    isValidQuantity(line.quantity, line.unit) &&
    line.unitPriceMinor !== null &&
    Number.isSafeInteger(line.unitPriceMinor) &&
    line.unitPriceMinor >= 0
  );
}

/** What the form shows: each line's amount (null until it can be priced) and, once all can, the totals. */
export interface FormTotals {
  lineAmountsMinor: (number | null)[];
  totals: InvoiceTotals | null;
}

/**
 * The amounts the API will compute, by the shared rule (`invoiceTotals`: quantity × price rounded
 * half up per line, tax once on the net): never a second copy of the arithmetic here.
 */
export function formTotals(
  lines: readonly Pick<InvoiceLineValue, 'quantity' | 'unit' | 'unitPriceMinor'>[],
  taxRateBp: number,
): FormTotals {
  const lineAmountsMinor = lines.map((line) =>
    isPriceable(line) ? safely(() => lineAmountMinor(line.quantity, line.unitPriceMinor)) : null,
  );
  const priceable = lines.filter(isPriceable);
  const totals =
    lines.length > 0 && priceable.length === lines.length
      ? safely(() => invoiceTotals(priceable, taxRateBp))
      : null;
  return { lineAmountsMinor, totals };
}

/** Amounts beyond what a safe integer holds are refused by the server too: show none. */
function safely<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch {
    return null;
  }
}

/** A line for the API. The price is always sent, so what the agency saw is what it bills. */
export function lineInput(line: InvoiceLineValue): InvoiceLineInput {
  return {
    rateCardItemId: line.rateCardItemId,
    quantity: line.quantity ?? 0,
    unitPriceMinor: line.unitPriceMinor ?? 0,
    deliverableId: line.deliverableId,
    goalId: line.goalId || null,
    description: line.description.trim() || undefined,
  };
}
