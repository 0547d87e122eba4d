import type { DateStyle } from '../format/date-format';
import type { StatusTone } from '../ui/status-chip';

/** A router link's commands, e.g. `['/briefs', brief.id]`. */
export type LinkCommands = readonly (string | number)[];

/**
 * What a body cell shows, for the kinds every table repeats. A cell that needs its own markup has
 * no `cell` and is drawn by an `apCell` template with the column's id instead.
 */
export type TableCell<T> =
  | {
      readonly kind: 'text';
      readonly value: (row: T) => string | number;
      readonly code?: boolean;
      /** A second, quieter line (what a figure rests on). */
      readonly secondary?: (row: T) => string | null;
    }
  | {
      readonly kind: 'link';
      /** Where the text leads; null shows it as plain text (a record the reader may not open). */
      readonly link: (row: T) => LinkCommands | null;
      readonly text: (row: T) => string;
      /** A second, quieter line under the link. */
      readonly secondary?: (row: T) => string | null;
    }
  | { readonly kind: 'date'; readonly value: (row: T) => string | null; readonly style: DateStyle }
  | { readonly kind: 'period'; readonly from: (row: T) => string; readonly to: (row: T) => string }
  | {
      readonly kind: 'money';
      readonly minor: (row: T) => number | null;
      readonly currency: (row: T) => string | null;
    }
  | { readonly kind: 'status'; readonly label: (row: T) => string; readonly tone: (row: T) => StatusTone };

/** One column of a data table, declared in the feature's TypeScript. */
export interface TableColumn<T> {
  /** The `matColumnDef` (cells get `mat-column-<id>`) and the key of an `apCell` template. */
  readonly id: string;
  /** The header text, already translated (`$localize`). */
  readonly header: string;
  /** Only for screen readers (a column of buttons). */
  readonly headerHidden?: boolean;
  /** The header's tooltip (what a figure means). */
  readonly headerTitle?: string;
  /** The cells are the rows' headers (`<th scope="row">`): what each row is about. */
  readonly rowHeader?: boolean;
  /** `data-testid` of the body cells. */
  readonly cellTestId?: string;
  /** The list's sort key this header sorts by; a header without one does not sort. */
  readonly sort?: string;
  /** The direction a first click sorts in (dates newest first: `desc`); ascending by default. */
  readonly start?: 'asc' | 'desc';
  /** Figures: header and cells right-aligned with tabular digits (`ap-number`). */
  readonly numeric?: boolean;
  /** Classes of the body cells, e.g. `ap-actions-cell` (buttons at the end, on one line). */
  readonly cellClass?: string;
  /** A common cell; without one, the `apCell` template with this column's id draws it. */
  readonly cell?: TableCell<T>;
  /** The footer text (a "Total" label); `apFooterCell` templates draw computed ones. */
  readonly footer?: string;
}

export function textCell<T>(
  value: (row: T) => string | number,
  secondary?: (row: T) => string | null,
): TableCell<T> {
  return { kind: 'text', value, secondary };
}

/** A code (a rate card item, an audit action) in `<code>`. */
export function codeCell<T>(value: (row: T) => string): TableCell<T> {
  return { kind: 'text', value, code: true };
}

export function linkCell<T>(
  link: (row: T) => LinkCommands | null,
  text: (row: T) => string,
  secondary?: (row: T) => string | null,
): TableCell<T> {
  return { kind: 'link', link, text, secondary };
}

/** An instant or calendar date through `localDate` (the reader's language and time zone). */
export function dateCell<T>(value: (row: T) => string | null, style: DateStyle = 'date'): TableCell<T> {
  return { kind: 'date', value, style };
}

/** "1 Mar 2026 – 31 May 2026". */
export function periodCell<T>(from: (row: T) => string, to: (row: T) => string): TableCell<T> {
  return { kind: 'period', from, to };
}

/** Integer minor units through the money pipe ("KRW 1,500,000"). */
export function moneyCell<T>(
  minor: (row: T) => number | null,
  currency: (row: T) => string | null,
): TableCell<T> {
  return { kind: 'money', minor, currency };
}

export function statusCell<T>(label: (row: T) => string, tone: (row: T) => StatusTone): TableCell<T> {
  return { kind: 'status', label, tone };
}

/**
 * The columns without those named, for columns this reader or page goes without:
 * `omitColumns(COLUMNS, !this.showAgency() && 'agency')`.
 */
export function omitColumns<T>(
  columns: readonly TableColumn<T>[],
  ...ids: readonly (string | false)[]
): readonly TableColumn<T>[] {
  return ids.some((id) => id !== false) ? columns.filter((column) => !ids.includes(column.id)) : columns;
}
