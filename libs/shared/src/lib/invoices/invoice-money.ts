/**
 * Invoice arithmetic in integer minor units, exact (BigInt inside), with one rounding rule:
 *
 *   line amount = quantity × unit price, rounded half up to a whole minor unit;
 *   net         = the sum of the line amounts;
 *   tax         = net × the contract's tax rate, rounded half up to a whole minor unit, once per
 *                 invoice (never per line, so the tax of an invoice does not depend on how it is split);
 *   gross       = net + tax.
 *
 * "Half up" on non-negative amounts: 0.5 of a minor unit and more goes up. Minor units are the
 * currency's own (KRW has none, so a won is the unit; USD and IDR have two). Quantities have at
 * most two decimals (1.25 hours) and are carried as hundredths; rates are basis points (10 % = 1000).
 */

/** Quantities carry at most this many decimals (hours and months); deliverables are whole. */
export const QUANTITY_DECIMALS = 2;
export const MAX_QUANTITY = 100_000;
/** Tax rates in basis points: 1000 = 10 %, 1100 = 11 %, 0 = none. */
export const MAX_TAX_RATE_BP = 10_000;

/** Common rates, for forms. */
export const COMMON_TAX_RATES: readonly { label: string; basisPoints: number }[] = [
  { label: 'None', basisPoints: 0 },
  { label: 'Korean VAT 10 %', basisPoints: 1000 },
  { label: 'Indonesian PPN 11 %', basisPoints: 1100 },
];

/** Rounds numerator / denominator half up (both non-negative) to a whole number. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function toSafe(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} is too large`);
  return Number(value);
}

/**
 * A quantity as hundredths, or null when it is not a positive number with at most two decimals
 * (no exponents, no negatives, nothing above MAX_QUANTITY). Read from its decimal text, never
 * multiplied as a float: 1.15 is 115 hundredths, not 114.99999.
 */
export function quantityHundredths(quantity: number): number | null {
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity <= 0) return null;
  if (quantity > MAX_QUANTITY) return null;
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(quantity));
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Whether a quantity suits a unit: whole deliverables, hours and months to two decimals. */
export function isValidQuantity(quantity: number, unit: 'deliverable' | 'hour' | 'month'): boolean {
  const hundredths = quantityHundredths(quantity);
  if (hundredths === null) return false;
  return unit !== 'deliverable' || hundredths % 100 === 0;
}

/** quantity × unit price, rounded half up to a whole minor unit. */
export function lineAmountMinor(quantity: number, unitPriceMinor: number): number {
  const hundredths = quantityHundredths(quantity);
  if (hundredths === null) throw new RangeError(`Invalid quantity ${quantity}`);
  if (!Number.isSafeInteger(unitPriceMinor) || unitPriceMinor < 0) {
    throw new RangeError('Unit prices are non-negative whole minor units');
  }
  return toSafe(divideHalfUp(BigInt(hundredths) * BigInt(unitPriceMinor), 100n), 'The line amount');
}

/** net × rate (basis points), rounded half up to a whole minor unit. */
export function taxMinor(netMinor: number, taxRateBp: number): number {
  if (!Number.isSafeInteger(netMinor) || netMinor < 0) throw new RangeError('Net must be whole minor units');
  if (!Number.isInteger(taxRateBp) || taxRateBp < 0 || taxRateBp > MAX_TAX_RATE_BP) {
    throw new RangeError('Tax rates are 0–10000 basis points');
  }
  return toSafe(divideHalfUp(BigInt(netMinor) * BigInt(taxRateBp), 10_000n), 'The tax');
}

export interface InvoiceTotals {
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
  /** Each line's amount, in the order given. */
  lineAmountsMinor: number[];
}

/** The totals of an invoice from its lines and the contract's tax rate, by the rule above. */
export function invoiceTotals(
  lines: readonly { quantity: number; unitPriceMinor: number }[],
  taxRateBp: number,
): InvoiceTotals {
  const lineAmountsMinor = lines.map((line) => lineAmountMinor(line.quantity, line.unitPriceMinor));
  const net = lineAmountsMinor.reduce((sum, amount) => sum + BigInt(amount), 0n);
  const netMinor = toSafe(net, 'The net total');
  const tax = taxMinor(netMinor, taxRateBp);
  return {
    netMinor,
    taxMinor: tax,
    grossMinor: toSafe(net + BigInt(tax), 'The gross total'),
    lineAmountsMinor,
  };
}

/** A tax rate for people: 1000 → "10", 1150 → "11.5". */
export function taxRatePercentText(taxRateBp: number): string {
  const whole = Math.trunc(taxRateBp / 100);
  const fraction = String(taxRateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/**
 * Converts minor units of one currency into another at `rate` (units of `to` per one unit of
 * `from`, as decimal text such as "0.000731"), rounded half up: the same rule in the API's SQL
 * and here. Exact: the rate's digits become an integer numerator.
 */
export function convertMinor(
  amountMinor: number,
  fromDigits: number,
  toDigits: number,
  rate: string,
): number {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) throw new RangeError(`Invalid rate ${rate}`);
  const [, whole = '0', fraction = ''] = match;
  const numerator = BigInt(`${whole}${fraction}`);
  let denominator = 10n ** BigInt(fraction.length);
  let value = BigInt(Math.abs(amountMinor)) * numerator;
  const shift = toDigits - fromDigits;
  if (shift >= 0) value *= 10n ** BigInt(shift);
  else denominator *= 10n ** BigInt(-shift);
  const result = toSafe(divideHalfUp(value, denominator), 'The converted amount');
  return amountMinor < 0 ? -result : result;
}
