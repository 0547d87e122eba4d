/**
 * Money is an integer count of the currency's minor units plus an ISO 4217 code. No floating
 * point anywhere: conversions between minor units and decimal text are done on strings.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** Active ISO 4217 currency codes. */
export const CURRENCY_CODES = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD ' +
  'CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL ' +
  'GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD ' +
  'KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO ' +
  'NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD ' +
  'SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV ' +
  'WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
).split(' ');

/** ISO 4217 minor units that differ from the usual two. */
const MINOR_UNIT_EXCEPTIONS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

/** Currencies offered first in pickers. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'KRW', 'JPY', 'IDR', 'SGD', 'AUD'];

/** For the lookups: exports check every amount's currency, a million times in a large file. */
const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(CURRENCY_CODES);

export function isKnownCurrency(code: unknown): code is string {
  return typeof code === 'string' && KNOWN_CURRENCIES.has(code);
}

export function minorDigits(currency: string): number {
  if (!isKnownCurrency(currency)) throw new Error(`Unknown currency ${String(currency)}`);
  return MINOR_UNIT_EXCEPTIONS[currency] ?? 2;
}

/** "150000050" minor units of USD → "1500000.50". Exact for any safe integer. */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor))
    throw new Error('Money amounts must be safe integers of minor units');
  const digits = minorDigits(currency);
  const negative = amountMinor < 0;
  const text = Math.abs(amountMinor)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/**
 * Formats minor units for people: KRW 1,500,000 has no decimals; USD and IDR show two.
 * The decimal string goes to Intl as text, so no float ever holds the amount.
 */
export function formatMoney(amountMinor: number, currency: string, locale = 'en-US'): string {
  const digits = minorDigits(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'code',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatter.format(minorToDecimalString(amountMinor, currency) as Intl.StringNumericLiteral);
}

/** The marks a locale writes numbers with: "1,234.5" in en and ko, "1.234,5" in id. */
export interface NumberMarks {
  group: string;
  decimal: string;
}

const marksCache = new Map<string, NumberMarks>();

export function numberMarks(locale: string): NumberMarks {
  let marks = marksCache.get(locale);
  if (!marks) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    marks = {
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
    };
    marksCache.set(locale, marks);
  }
  return marks;
}

/**
 * Minor units as the text of a money field, in the locale's marks and without the currency code:
 * 123456789 minor units of IDR → "1.234.567,89" in id, "1,234,567.89" in en. No float on the way.
 */
export function formatMoneyInput(amountMinor: number, currency: string, locale = 'en-US'): string {
  const digits = minorDigits(currency);
  const formatter = new Intl.NumberFormat(locale, {
    useGrouping: true,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatter.format(minorToDecimalString(amountMinor, currency) as Intl.StringNumericLiteral);
}

const SPACES = /[\s\u00a0\u202f]+/g;

/**
 * Parses what a person typed into minor units, reading the locale's marks: "1.234.567,89" in id,
 * "1,234,567.89" in en and ko; spaces group digits too ("12 000"). Null when it is not a
 * non-negative amount with at most the currency's decimals, or when the grouping is not the
 * locale's ("1.5" in id, "1,5" in en), so a mark of the other convention is never misread.
 * The digits are joined as text and become one integer: no float ever holds the amount.
 */
export function parseMoneyInput(text: string, currency: string, locale = 'en-US'): number | null {
  const digits = minorDigits(currency);
  const { group, decimal } = numberMarks(locale);
  const groupMark = /^[\s\u00a0\u202f]$/.test(group) ? ' ' : group;
  const cleaned = text.trim().replace(SPACES, ' ');
  if (cleaned === '') return null;
  const pieces = cleaned.split(decimal);
  if (pieces.length > 2) return null;
  const [wholeText, fraction = ''] = pieces as [string, string?];
  if (!/^\d*$/.test(fraction) || fraction.length > digits) return null;
  if (pieces.length === 2 && fraction === '' && wholeText === '') return null;
  const groups = wholeText.split(new RegExp(`[${escapeForClass(groupMark)} ]`));
  const [first, ...rest] = groups as [string, ...string[]];
  const grouped = rest.length > 0;
  if (!/^\d*$/.test(first) || (grouped && !/^\d{1,3}$/.test(first))) return null;
  if (rest.some((piece) => !/^\d{3}$/.test(piece))) return null;
  const whole = groups.join('');
  if (whole === '' && fraction === '') return null;
  const minorText = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number(minorText);
  return Number.isSafeInteger(value) ? value : null;
}

function escapeForClass(mark: string): string {
  return mark.replace(/[\\\]^-]/g, '\\$&');
}
