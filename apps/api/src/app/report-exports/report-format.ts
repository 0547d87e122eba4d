import { formatMoney, minorDigits, minorToDecimalString, type Locale } from '@agency-portal/shared';
import { render } from '../i18n/translator';
import { msg, type Message } from '../i18n/message';
import { NoticeFormat } from '../notifications/notice-format';
import {
  isMessageCell,
  isMoneyCell,
  type ColumnKind,
  type ReportCell,
  type ReportDocument,
} from './report-document';

/** The reader of an export: their language and time zone (UTC, named, when they have none). */
export interface ExportReader {
  locale: Locale;
  timeZone: string | null;
}

/**
 * Puts a report's cells and labels into a reader's language. Two renderings: `display` for
 * people (PDF, header block: "₩1,250,000", "66.7%", "Dec 1, 2026" in the reader's locale) and
 * `plain` for CSV values a spreadsheet reads back (digits with a dot and the currency's decimals,
 * ISO dates), so a CSV opened anywhere keeps its numbers numbers.
 */
export class ReportFormat {
  private readonly format: NoticeFormat;

  constructor(readonly reader: ExportReader) {
    this.format = new NoticeFormat(reader);
  }

  get locale(): Locale {
    return this.reader.locale;
  }

  t(message: Message): string {
    return render(this.reader.locale, message);
  }

  dateTime(date: Date): string {
    return this.format.dateTime(date.toISOString());
  }

  date(day: string): string {
    return this.format.date(day);
  }

  number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.reader.locale, {
      minimumFractionDigits: 0,
      maximumFractionDigits: fractionDigits,
    }).format(value);
  }

  percent(fraction: number): string {
    return new Intl.NumberFormat(this.reader.locale, { style: 'percent', maximumFractionDigits: 1 }).format(
      fraction,
    );
  }

  display(value: ReportCell, kind: ColumnKind): string {
    if (value === null) return '';
    if (isMoneyCell(value)) return formatMoney(value.amountMinor, value.currency, this.reader.locale);
    if (isMessageCell(value)) return this.t(value);
    if (typeof value === 'number') {
      if (kind === 'percent') return this.percent(value);
      return this.number(value, kind === 'decimal' ? 2 : 0);
    }
    return kind === 'date' ? this.date(value) : value;
  }

  plain(value: ReportCell, kind: ColumnKind): string {
    if (value === null) return '';
    if (isMoneyCell(value)) return minorToDecimalString(value.amountMinor, value.currency);
    if (isMessageCell(value)) return this.t(value);
    if (typeof value === 'number') {
      // A fraction as its percent figure ("66.7"), so the CSV column reads as the header says.
      if (kind === 'percent') return String(Math.round(value * 1000) / 10);
      return String(value);
    }
    return value;
  }

  subject(report: ReportDocument): string {
    return this.display(report.subject, 'text');
  }

  /** The header block's lines: label and value, in the reader's language. */
  headerBlock(report: ReportDocument): [string, string][] {
    const none = this.t(msg('none'));
    const filters = report.filters.length
      ? report.filters
          .map((field) => `${this.t(field.label)}: ${this.display(field.value, field.kind ?? 'text')}`)
          .join('; ')
      : none;
    const lines: [string, string][] = [
      [this.t(report.title), this.subject(report)],
      ...report.facts.map((field): [string, string] => [
        this.t(field.label),
        this.display(field.value, field.kind ?? 'text'),
      ]),
      [this.t(msg('Filters')), filters],
      [this.t(msg('Exported by')), `${report.reader.name} <${report.reader.email}>`],
      [this.t(msg('Exported at')), this.dateTime(report.exportedAt)],
      ...(report.freshness
        ? [[this.t(msg('Figures')), this.t(this.freshness(report.freshness))] satisfies [string, string]]
        : []),
      ...(report.notes ?? []).map((note): [string, string] => ['', this.t(note)]),
    ];
    return lines;
  }

  private freshness({ updatedAt, throughDay }: NonNullable<ReportDocument['freshness']>): Message {
    if (!throughDay) return msg('no figures yet');
    const day = this.date(throughDay);
    return updatedAt
      ? msg('through {day}; newest figure written {updatedAt}', {
          day,
          updatedAt: this.dateTime(new Date(updatedAt)),
        })
      : msg('through {day}', { day });
  }
}

/** The spreadsheet number format of a currency's amounts: `#,##0` for KRW, `#,##0.00` for USD. */
export function moneyFormat(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '#,##0' : `#,##0.${'0'.repeat(digits)}`;
}

/** A currency's amount as a number with its own decimals (via its exact decimal text). */
export function moneyNumber(amountMinor: number, currency: string): number {
  return Number(minorToDecimalString(amountMinor, currency));
}
