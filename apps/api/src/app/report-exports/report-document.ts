import type { Message } from '../i18n/message';

/**
 * A report as the export writers take it: a header block and typed tables, independent of the
 * file format and of the reader's language. Labels are messages (put into the reader's language
 * by the writer); data (names, titles) is plain text. A report becomes a file through an adapter
 * that maps its service's answer to this shape (goal-reports/goal-report-document.ts is one).
 */
export interface ReportDocument {
  /** What the report is ("Goal report"), and what it is about ("Launch reach"). */
  title: Message;
  subject: string | Message;
  /** The file name without extension, ASCII (e.g. `goal-report-launch-reach-2026-12-01`). */
  fileName: string;
  /** The filters the figures were read with, in order; an empty list reads "none". */
  filters: ReportField[];
  /** Further facts of the header block (period, target, scope). */
  facts: ReportField[];
  /** Who exported, and when. */
  reader: { name: string; email: string };
  exportedAt: Date;
  /**
   * How fresh the figures are: when the newest figure was written, and the last day they cover.
   * Left out for figures read from the records at the moment of export (the spend report).
   */
  freshness?: { updatedAt: string | null; throughDay: string | null };
  tables: ReportTable[];
  /**
   * A table too long to hold in memory (the spend export's invoice lines), written after `tables`
   * as its rows come. CSV and XLSX only.
   */
  streamed?: StreamedTable;
  /** A chart the PDF draws (CSV and XLSX carry its numbers as a table). */
  chart?: ReportChart;
  /** Sentences printed below the header (e.g. "Amounts are never added across currencies."). */
  notes?: Message[];
}

export interface ReportField {
  label: Message;
  value: ReportCell;
  /** How the header block shows the value (text unless said: a `date` in the reader's locale). */
  kind?: ColumnKind;
}

export type ColumnKind = 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date';

export interface ReportColumn {
  label: Message;
  kind: ColumnKind;
}

/** Money as integer minor units of its currency (never a float, never added across currencies). */
export interface MoneyCell {
  amountMinor: number;
  currency: string;
}

/**
 * A cell, by its column's kind: text a string (or a message to translate), integer and decimal a
 * number, money a MoneyCell, percent a fraction (0.667 is 66.7 %), date `YYYY-MM-DD`. Null is an
 * empty cell (no figure), never zero.
 */
export type ReportCell = string | Message | number | MoneyCell | null;

export interface ReportTable {
  /** The sheet's name in XLSX and the section's heading elsewhere. */
  title: Message;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Set when the table holds only its first `shown` rows. */
  truncated?: { shown: number };
}

/**
 * A table whose rows come from an async source (a database cursor), pulled only as fast as the
 * reader takes the file: the writers never hold more than a bounded part of it.
 */
export interface StreamedTable {
  title: Message;
  columns: ReportColumn[];
  rows: AsyncIterable<ReportCell[]>;
}

/** A line chart of actual against target over time (the KPI chart). */
export interface ReportChart {
  title: Message;
  /** First day of each bucket. */
  dates: string[];
  series: { label: Message; values: (number | null)[]; style: 'actual' | 'target' }[];
}

export function isMoneyCell(value: ReportCell): value is MoneyCell {
  return typeof value === 'object' && value !== null && 'amountMinor' in value;
}

export function isMessageCell(value: ReportCell): value is Message {
  return typeof value === 'object' && value !== null && 'key' in value;
}
