import type { RateCardItemDto } from '@agency-portal/shared';

export interface SpecLine {
  rateCardItemId: string;
  quantity: number | null;
}

/**
 * A spec's estimate: the rate card's unit price times the quantity, in integer minor units of the
 * contract's currency (exact; no floats). Null while the item or a whole quantity is missing.
 */
export function specEstimateMinor(line: SpecLine, rateCard: readonly RateCardItemDto[]): number | null {
  const item = rateCard.find((candidate) => candidate.id === line.rateCardItemId);
  if (!item || line.quantity === null || !Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    return null;
  }
  return item.unitPriceMinor * line.quantity;
}

/** Σ of the specs that can be priced, as the API's default budget estimate. */
export function briefEstimateMinor(lines: readonly SpecLine[], rateCard: readonly RateCardItemDto[]): number {
  return lines.reduce((total, line) => total + (specEstimateMinor(line, rateCard) ?? 0), 0);
}
