import type { ListQuery, Page } from '../common/page';
import type { InvoiceStatus } from '../invoices/invoice.types';

/**
 * The budget ledger, computed from the records (database views over contracts, briefs and
 * invoices), never stored. Amounts are net of tax, in minor units of the row's currency:
 * committed = estimates of accepted briefs (BRIEF_STATUSES_COMMITTING), split evenly over a
 * brief's goals; invoiced = submitted, approved and paid invoices; approved = approved and paid;
 * paid = paid; remaining = cap − max(committed, invoiced).
 */
export interface LedgerFigures {
  currency: string;
  capMinor: number;
  committedMinor: number;
  invoicedMinor: number;
  approvedMinor: number;
  paidMinor: number;
  remainingMinor: number;
}

export const LEDGER_LEVELS = ['contract', 'goal', 'business_unit'] as const;
export type LedgerLevel = (typeof LEDGER_LEVELS)[number];

export interface LedgerRowDto extends LedgerFigures {
  /** A stable id of the row: the contract's own, or derived from contract and goal, or unit and currency. */
  id: string;
  level: LedgerLevel;
  contractId: string | null;
  contractReference: string | null;
  agencyId: string | null;
  goalId: string | null;
  goalName: string | null;
  businessUnitId: string;
  businessUnitName: string;
  /** The goal's share of the contract (goal rows). */
  allocationPercent: number | null;
}

export const LEDGER_SORT_KEYS = ['name'] as const;

/** `GET /api/budget-ledger?level=`: `q` searches contract references, goal and unit names. */
export interface LedgerQuery extends ListQuery {
  level: LedgerLevel;
  contractId?: string;
  goalId?: string;
  businessUnitId?: string;
  agencyId?: string;
  currency?: string;
}

export type LedgerPage = Page<LedgerRowDto>;

// Exchange rates --------------------------------------------------------------------------

/** A rate kept by finance: units of `reportingCurrency` for one unit of `currency` in `month`. */
export interface ExchangeRateDto {
  id: string;
  /** The first day of the month, YYYY-MM-01. */
  month: string;
  currency: string;
  reportingCurrency: string;
  /** Decimal text, up to 12 decimals: "0.000731". */
  rate: string;
  updatedBy: { id: string; name: string; email: string };
  updatedAt: string;
}

export interface ExchangeRateInput {
  /** YYYY-MM. */
  month: string;
  currency: string;
  reportingCurrency: string;
  rate: string;
}

export type UpdateExchangeRateRequest = Pick<ExchangeRateInput, 'rate'>;

export const EXCHANGE_RATE_SORT_KEYS = ['month'] as const;

export interface ExchangeRateListQuery extends ListQuery {
  currency?: string;
  reportingCurrency?: string;
  /** YYYY-MM, inclusive. */
  from?: string;
  to?: string;
}

// The spend report ------------------------------------------------------------------------

export const SPEND_GROUPS = ['month', 'agency', 'goal', 'business_unit', 'contract'] as const;
export type SpendGroup = (typeof SPEND_GROUPS)[number];

export interface SpendFilters {
  /** Issue dates from / to (inclusive, YYYY-MM-DD). */
  from?: string;
  to?: string;
  agencyId?: string;
  businessUnitId?: string;
  goalId?: string;
  contractId?: string;
  /** One invoice status; the live ones (submitted, approved, paid) when omitted. */
  status?: InvoiceStatus;
  currency?: string;
}

export interface SpendReportQuery extends SpendFilters {
  groupBy: SpendGroup;
  /** Adds a column converted at finance's rate for each row's month. */
  reportingCurrency?: string;
}

/** One group in one currency: net amounts of the matching invoice lines. */
export interface SpendRowDto {
  /** The group's key: YYYY-MM, or the agency's, goal's, unit's or contract's id. */
  key: string;
  label: string;
  currency: string;
  lineCount: number;
  invoiceCount: number;
  /** Net of every matching line, and of those whose invoice is approved or paid, or paid. */
  amountMinor: number;
  approvedMinor: number;
  paidMinor: number;
  /** With reportingCurrency: the amount converted, and the rate used (null when finance has none for the month). */
  reporting: SpendConversionDto | null;
}

export interface SpendConversionDto {
  currency: string;
  amountMinor: number | null;
  /** The rate used, or for a group spanning months the rates used, by month. */
  rates: { month: string; rate: string | null }[];
  /** Some month of the row has no rate: its amount is left out of the converted figure. */
  missingRate: boolean;
}

/** Totals per currency, never summed across currencies. */
export interface SpendTotalDto {
  currency: string;
  lineCount: number;
  invoiceCount: number;
  amountMinor: number;
  approvedMinor: number;
  paidMinor: number;
  /** The caps and commitments of the contracts the filters cover, for a chart of spend against budget. */
  budgetCapMinor: number;
  committedMinor: number;
}

export interface SpendReportDto {
  groupBy: SpendGroup;
  filters: SpendFilters;
  rows: SpendRowDto[];
  totals: SpendTotalDto[];
  reportingCurrency: string | null;
  /** The reporting currency's total of the rows that had a rate. */
  reportingTotalMinor: number | null;
  /** True when there were more groups than the answer holds (REPORT_MAX_GROUPS). */
  truncated: boolean;
}

/** At most this many groups in one answer (months × currencies, agencies × currencies …). */
export const REPORT_MAX_GROUPS = 1000;

export interface SpendLineDto {
  lineId: string;
  invoiceId: string;
  invoiceNumber: string;
  invoiceStatus: InvoiceStatus;
  issueDate: string;
  agencyId: string;
  agencyName: string;
  contractId: string;
  contractReference: string;
  businessUnitId: string;
  goalId: string;
  goalName: string;
  deliverableId: string | null;
  deliverableTitle: string | null;
  itemCode: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  amountMinor: number;
  currency: string;
}

/** `GET /api/spend/lines`: the lines behind the report, with the same filters; `q` searches the invoice number. */
export interface SpendLinesQuery extends SpendFilters, ListQuery {
  /** The month (YYYY-MM) of a report row to drill into. */
  month?: string;
}

export type SpendLinePage = Page<SpendLineDto>;

export const SPEND_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type SpendExportFormat = (typeof SPEND_EXPORT_FORMATS)[number];
export const SPEND_EXPORT_VIEWS = ['summary', 'lines'] as const;
export type SpendExportView = (typeof SPEND_EXPORT_VIEWS)[number];
