import { isKnownCurrency, minorDigits } from '../money/money';
import { MAX_METRIC_COUNT } from './metrics';

/**
 * Reading the cells of an imported file: a cell is text (CSV, or an XLSX text cell), a number or
 * a date (XLSX). Every reader answers a value or the code of what is wrong with the cell.
 */
export type Cell = string | number | Date | null;

export type ValueProblem =
  'not_a_number' | 'negative_value' | 'value_too_large' | 'too_many_decimals' | 'not_a_date';

export type Read<T> = { ok: true; value: T | null } | { ok: false; problem: ValueProblem };

/** How dates are written in a file. ISO is always understood; presets add their platform's own. */
export const DATE_FORMATS = ['iso', 'compact', 'us', 'month_name'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const blank = <T>(): Read<T> => ({ ok: true, value: null });
const problem = <T>(code: ValueProblem): Read<T> => ({ ok: false, problem: code });

function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** Thousands may be grouped with commas, spaces or narrow spaces ("12,400", "12 400"); never a fraction. */
const GROUPED_INTEGER = /^\d{1,3}([, \u00a0\u202f]\d{3})+$/;

/** A count: a whole number, 0 or more, that fits a day's row. Blank is "not reported". */
export function readCount(cell: Cell): Read<number> {
  if (isBlank(cell)) return blank();
  if (cell instanceof Date) return problem('not_a_number');
  let value: number;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return problem('not_a_number');
    if (cell < 0) return problem('negative_value');
    if (!Number.isInteger(cell)) return problem('not_a_number');
    value = cell;
  } else {
    const text = (cell as string).trim();
    const unsigned = text.replace(/^[-\u2212]/, '');
    if (!/^\d+$/.test(unsigned) && !GROUPED_INTEGER.test(unsigned)) return problem('not_a_number');
    if (unsigned !== text)
      return Number(unsigned.replace(/\D/g, '')) === 0 ? blank() : problem('negative_value');
    value = Number(unsigned.replace(/\D/g, ''));
  }
  return value > MAX_METRIC_COUNT ? problem('value_too_large') : { ok: true, value };
}

/**
 * An amount in major units with a full stop as the decimal mark ("1234.56", "1,234.56"), the way
 * analytics tools export revenue, as minor units of `currency`. Exact: the digits are joined as
 * text, never through a float. More decimals than the currency has are refused, not rounded.
 */
export function readAmount(cell: Cell, currency: string): Read<number> {
  if (isBlank(cell)) return blank();
  if (cell instanceof Date || !isKnownCurrency(currency)) return problem('not_a_number');
  // A spreadsheet number is printed with its shortest exact decimal form (0.1 stays "0.1").
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : String(cell).trim();
  const match = /^([-\u2212])?(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(text);
  if (!match) return problem('not_a_number');
  const [, sign, whole = '', fraction = ''] = match;
  const digits = minorDigits(currency);
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > digits) return problem('too_many_decimals');
  const minor = Number(`${whole.replace(/,/g, '')}${trimmed.padEnd(digits, '0')}`);
  if (sign && minor !== 0) return problem('negative_value');
  return Number.isSafeInteger(minor) ? { ok: true, value: minor } : problem('value_too_large');
}

/** Minor units as given by an integration (already integers): the same checks as a file's cells. */
export function checkMinor(value: number): ValueProblem | null {
  if (!Number.isSafeInteger(value)) return 'value_too_large';
  return value < 0 ? 'negative_value' : null;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const at = new Date(Date.UTC(year, month - 1, day));
  if (at.getUTCMonth() !== month - 1) return null;
  return at.toISOString().slice(0, 10);
}

/** A calendar date in one of the formats, time of day ignored ("2026-03-09 14:05", "03/09/2026 06:08"). */
export function readDate(cell: Cell, formats: readonly DateFormat[] = ['iso']): Read<string> {
  if (isBlank(cell)) return blank();
  // Spreadsheet dates carry no zone; exceljs hands them over as UTC midnight of the written day.
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? problem('not_a_date')
      : { ok: true, value: cell.toISOString().slice(0, 10) };
  }
  const text = String(cell).trim();
  for (const format of new Set<DateFormat>(['iso', ...formats])) {
    const value = parseDateAs(text, format);
    if (value) return { ok: true, value };
  }
  return problem('not_a_date');
}

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?(?:[AaPp][Mm]))?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?`;

function parseDateAs(text: string, format: DateFormat): string | null {
  let match: RegExpExecArray | null;
  switch (format) {
    case 'iso':
      match = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`).exec(text);
      return match ? isoOf(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    case 'compact':
      match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
      return match ? isoOf(Number(match[1]), Number(match[2]), Number(match[3])) : null;
    case 'us':
      match = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`).exec(text);
      return match ? isoOf(Number(match[3]), Number(match[1]), Number(match[2])) : null;
    case 'month_name': {
      match = new RegExp(String.raw`^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4})${TIME}$`).exec(text);
      const month = match ? MONTHS[(match[1] ?? '').toLowerCase()] : undefined;
      return match && month ? isoOf(Number(match[3]), month, Number(match[2])) : null;
    }
  }
}

/** A cell as text for an identifier (post link, id) or a code (channel, currency). */
export function readText(cell: Cell): string | null {
  if (isBlank(cell)) return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

/** UTC calendar date of an instant. */
export function utcDate(instant: string | Date): string {
  return new Date(instant).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
