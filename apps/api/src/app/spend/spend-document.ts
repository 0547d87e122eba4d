import type {
  InvoiceStatus,
  SpendConversionDto,
  SpendExportView,
  SpendGroup,
  SpendReportDto,
} from '@agency-portal/shared';
import { msg, type Message } from '../i18n/message';
import type {
  ReportCell,
  ReportColumn,
  ReportDocument,
  ReportField,
  ReportTable,
  StreamedTable,
} from '../report-exports/report-document';

/** A line as the export streams it from the database. */
export interface ExportLine {
  issue_date: string;
  number: string;
  status: string;
  agency: string;
  contract: string;
  unit: string;
  goal: string;
  deliverable: string | null;
  item_code: string;
  description: string;
  quantity: string;
  unit_price_minor: string;
  amount_minor: string;
  currency: string;
}

/** The names of the records the filters name (the id itself when none was found). */
export interface SpendFilterNames {
  agency?: string | null;
  businessUnit?: string | null;
  goal?: string | null;
  contract?: string | null;
}

/** How the API names invoice statuses in files (the web app has its own labels). */
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, Message> = {
  submitted: msg('Submitted'),
  approved: msg('Approved'),
  rejected: msg('Rejected'),
  paid: msg('Paid'),
  withdrawn: msg('Withdrawn'),
};

const GROUP_SUBJECTS: Record<SpendGroup, Message> = {
  month: msg('By month'),
  agency: msg('By agency'),
  goal: msg('By goal'),
  business_unit: msg('By business unit'),
  contract: msg('By contract'),
};

const GROUP_COLUMNS: Record<SpendGroup, Message> = {
  month: msg('Month'),
  agency: msg('Agency'),
  goal: msg('Goal'),
  business_unit: msg('Business unit'),
  contract: msg('Contract'),
};

export const LINE_COLUMNS: ReportColumn[] = [
  { label: msg('Issue date'), kind: 'date' },
  { label: msg('Invoice'), kind: 'text' },
  { label: msg('Status'), kind: 'text' },
  { label: msg('Agency'), kind: 'text' },
  { label: msg('Contract'), kind: 'text' },
  { label: msg('Business unit'), kind: 'text' },
  { label: msg('Goal'), kind: 'text' },
  { label: msg('Deliverable'), kind: 'text' },
  { label: msg('Item'), kind: 'text' },
  { label: msg('Description'), kind: 'text' },
  { label: msg('Quantity'), kind: 'decimal' },
  { label: msg('Unit price'), kind: 'money' },
  { label: msg('Amount'), kind: 'money' },
  { label: msg('Currency'), kind: 'text' },
];

function statusLabel(status: string): ReportCell {
  return status in INVOICE_STATUS_LABELS ? INVOICE_STATUS_LABELS[status as InvoiceStatus] : status;
}

/** A streamed line as the cells of LINE_COLUMNS: amounts as money of its currency, never text. */
export function lineCells(line: ExportLine): ReportCell[] {
  const currency = line.currency.trim();
  return [
    line.issue_date,
    line.number,
    statusLabel(line.status),
    line.agency,
    line.contract,
    line.unit,
    line.goal,
    line.deliverable,
    line.item_code,
    line.description,
    Number(line.quantity),
    { amountMinor: Number(line.unit_price_minor), currency },
    { amountMinor: Number(line.amount_minor), currency },
    currency,
  ];
}

async function* lineRows(lines: AsyncIterable<ExportLine>): AsyncGenerator<ReportCell[]> {
  for await (const line of lines) yield lineCells(line);
}

/** The rates a converted row used ("2026-03 0.00072; 2026-04 0.00071"), saying which months had none. */
export function ratesCell(conversion: SpendConversionDto): ReportCell {
  const known = conversion.rates
    .filter((rate) => rate.rate !== null)
    .map((rate) => `${rate.month} ${rate.rate ?? ''}`)
    .join('; ');
  const missing = conversion.rates
    .filter((rate) => rate.rate === null)
    .map((rate) => rate.month)
    .join(', ');
  if (!missing) return known;
  return known
    ? msg('{rates}; no rate for {months}', { rates: known, months: missing })
    : msg('No rate for {months}', { months: missing });
}

function summaryTable(report: SpendReportDto): ReportTable {
  const reporting = report.reportingCurrency;
  const columns: ReportColumn[] = [
    { label: GROUP_COLUMNS[report.groupBy], kind: 'text' },
    { label: msg('Currency'), kind: 'text' },
    { label: msg('Lines'), kind: 'integer' },
    { label: msg('Invoices'), kind: 'integer' },
    { label: msg('Amount'), kind: 'money' },
    { label: msg('Approved'), kind: 'money' },
    { label: msg('Paid'), kind: 'money' },
    ...(reporting
      ? ([
          { label: msg('In {currency}', { currency: reporting }), kind: 'money' },
          { label: msg('Rates'), kind: 'text' },
        ] satisfies ReportColumn[])
      : []),
  ];
  const money = (amountMinor: number, currency: string): ReportCell => ({ amountMinor, currency });
  const rows = report.rows.map((row): ReportCell[] => [
    row.label,
    row.currency,
    row.lineCount,
    row.invoiceCount,
    money(row.amountMinor, row.currency),
    money(row.approvedMinor, row.currency),
    money(row.paidMinor, row.currency),
    ...(reporting
      ? [
          row.reporting && row.reporting.amountMinor !== null && !row.reporting.missingRate
            ? money(row.reporting.amountMinor, row.reporting.currency)
            : null,
          row.reporting ? ratesCell(row.reporting) : null,
        ]
      : []),
  ]);
  const totals = report.totals.map((total): ReportCell[] => [
    msg('Total'),
    total.currency,
    total.lineCount,
    total.invoiceCount,
    money(total.amountMinor, total.currency),
    money(total.approvedMinor, total.currency),
    money(total.paidMinor, total.currency),
  ]);
  return {
    title: msg('Summary'),
    columns,
    rows: [...rows, ...totals],
    ...(report.truncated ? { truncated: { shown: report.rows.length } } : {}),
  };
}

/** The filters as the header block says them: names for ids, a status's label, dates as dates. */
export function filterFields(report: SpendReportDto, names: SpendFilterNames): ReportField[] {
  const { filters } = report;
  const fields: ReportField[] = [];
  if (filters.from) fields.push({ label: msg('From'), value: filters.from, kind: 'date' });
  if (filters.to) fields.push({ label: msg('To'), value: filters.to, kind: 'date' });
  if (filters.agencyId) fields.push({ label: msg('Agency'), value: names.agency ?? filters.agencyId });
  if (filters.businessUnitId)
    fields.push({ label: msg('Business unit'), value: names.businessUnit ?? filters.businessUnitId });
  if (filters.goalId) fields.push({ label: msg('Goal'), value: names.goal ?? filters.goalId });
  if (filters.contractId)
    fields.push({ label: msg('Contract'), value: names.contract ?? filters.contractId });
  if (filters.status) fields.push({ label: msg('Status'), value: INVOICE_STATUS_LABELS[filters.status] });
  if (filters.currency) fields.push({ label: msg('Currency'), value: filters.currency });
  return fields;
}

export interface SpendDocumentInput {
  report: SpendReportDto;
  names: SpendFilterNames;
  /** CSV: the summary or the lines; XLSX (`both`): a summary sheet and a lines sheet. */
  view: SpendExportView | 'both';
  /** The matching lines in report order (a cursor); read only when the view has them. */
  lines: () => AsyncIterable<ExportLine>;
  reader: { name: string; email: string };
  exportedAt: Date;
}

/**
 * The spend report as a report document (report-exports/): the header block (title, grouping,
 * filters, who exported and when), the summary (a row per group and currency, then the totals
 * per currency) and the lines as a streamed table, pulled from the cursor as the file is read.
 */
export function spendDocument({
  report,
  names,
  view,
  lines,
  reader,
  exportedAt,
}: SpendDocumentInput): ReportDocument {
  const lineTable: StreamedTable | undefined =
    view === 'summary' ? undefined : { title: msg('Lines'), columns: LINE_COLUMNS, rows: lineRows(lines()) };
  return {
    title: msg('Spend report'),
    subject: GROUP_SUBJECTS[report.groupBy],
    fileName: `spend-by-${report.groupBy.replace('_', '-')}-${exportedAt.toISOString().slice(0, 10)}${view === 'lines' ? '-lines' : ''}`,
    filters: filterFields(report, names),
    facts: report.reportingCurrency
      ? [{ label: msg('Reporting currency'), value: report.reportingCurrency }]
      : [],
    reader,
    exportedAt,
    tables: view === 'lines' ? [] : [summaryTable(report)],
    ...(lineTable ? { streamed: lineTable } : {}),
    notes: [
      msg('Amounts are net of tax, in each currency, and never added across currencies.'),
      ...(report.reportingCurrency
        ? [
            msg(
              'Converted at finance’s rate for each invoice’s issue month; a month without a rate is left out of the converted amount.',
            ),
          ]
        : []),
    ],
  };
}
