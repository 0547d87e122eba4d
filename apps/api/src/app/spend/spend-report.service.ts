import { Injectable } from '@nestjs/common';
import type {
  Page,
  SpendGroup,
  SpendLineDto,
  SpendReportDto,
  SpendRowDto,
  SpendTotalDto,
} from '@agency-portal/shared';
import { convertMinor, minorDigits, REPORT_MAX_GROUPS } from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import type { SqlReader } from '../database/long-read';
import { joinSome, paginate, rawText, toPage, whereSearch, type ListSpec } from '../common/lists/paginate';
import { InvoiceLine } from '../invoices/invoice.entity';
import type { SpendLinesQueryDto, SpendReportQueryDto } from './dto/spend.dto';
import { applyInvoiceFilters, filtersOf, GROUP_KEY, totalsQuery } from './spend-filters';

/** One group, currency and month, as the grouped query returns it. */
export interface GroupedRow {
  key: string;
  currency: string;
  month: string;
  line_count: number;
  invoice_count: number;
  amount: string;
  approved: string;
  paid: string;
  label: string | null;
}

/** Sub-rows (group × currency × month) read at most: the report says `truncated` past it. */
const MAX_GROUPED_ROWS = 20_000;

const LINE_LIST: ListSpec<'issueDate'> = {
  alias: 'line',
  sorts: { issueDate: { expression: 'i.issue_date', type: 'date' } },
  defaultSort: '-issueDate',
};

/** Each group's label, looked up per grouped row inside the same statement (no second round trip). */
const LABEL_OF: Record<SpendGroup, string> = {
  month: 'g.key',
  agency: '(SELECT name FROM agencies WHERE id = CAST(g.key AS uuid))',
  goal: '(SELECT name FROM marketing_goals WHERE id = CAST(g.key AS uuid))',
  business_unit: '(SELECT name FROM business_units WHERE id = CAST(g.key AS uuid))',
  contract: '(SELECT reference FROM contracts WHERE id = CAST(g.key AS uuid))',
};

interface Rate {
  currency: string;
  month: string;
  rate: string;
}

/**
 * The finance spend report: net amounts of invoice lines grouped by month, agency, goal, business
 * unit or contract, per currency (never summed across currencies), with totals per currency, the
 * budgets of the contracts covered, and an optional reporting-currency column at finance's monthly
 * rates showing the rates used. The lines behind a row are a paged list.
 *
 * The figures add up the invoices' per-goal totals (`invoice_goal_totals`, written with the
 * invoice from its lines), a few rows per invoice rather than every line.
 */
@Injectable()
export class SpendReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Statements on the pool, under the ordinary statement timeout. */
  private readonly pooled: SqlReader = (sql, parameters) => this.dataSource.query(sql, [...parameters]);

  /** The grouped query's SQL and parameters, each row with its group's label. */
  groupedSql(actor: Actor, query: SpendReportQueryDto): [string, unknown[]] {
    const key = GROUP_KEY[query.groupBy];
    const [grouped, parameters] = totalsQuery(this.dataSource, this.access, actor, query)
      .select(`${key}`, 'key')
      .addSelect('i.currency', 'currency')
      .addSelect("to_char(i.issue_date, 'YYYY-MM')", 'month')
      .addSelect('sum(t.line_count)::int', 'line_count')
      .addSelect('count(DISTINCT t.invoice_id)::int', 'invoice_count')
      .addSelect('sum(t.amount_minor)::text', 'amount')
      .addSelect(
        "COALESCE(sum(t.amount_minor) FILTER (WHERE i.status IN ('approved', 'paid')), 0)::text",
        'approved',
      )
      .addSelect("COALESCE(sum(t.amount_minor) FILTER (WHERE i.status = 'paid'), 0)::text", 'paid')
      .groupBy('1, 2, 3')
      .orderBy('1')
      .addOrderBy('2')
      .addOrderBy('3')
      .limit(MAX_GROUPED_ROWS + 1)
      .getQueryAndParameters();
    return [
      `SELECT g.*, ${LABEL_OF[query.groupBy]} AS label FROM (${grouped}) g ORDER BY g.key, g.currency, g.month`,
      parameters,
    ];
  }

  /**
   * The report. `db` runs its statements: the pool by default; an export passes its long read, so
   * the summary and the lines it streams after come from one snapshot under the export's timeout.
   */
  async report(
    actor: Actor,
    query: SpendReportQueryDto,
    db: SqlReader = this.pooled,
  ): Promise<SpendReportDto> {
    const [sql, parameters] = this.groupedSql(actor, query);
    const [grouped, budgets, rates, invoiceCounts] = await Promise.all([
      db<GroupedRow>(sql, parameters),
      this.budgets(actor, query, db),
      query.reportingCurrency ? this.rates(query.reportingCurrency, db) : Promise.resolve([] as Rate[]),
      // Only by goal can one invoice fall into several rows; then its count per currency is its own query.
      query.groupBy === 'goal' ? this.invoiceCounts(actor, query, db) : Promise.resolve(null),
    ]);
    const truncatedRows = grouped.length > MAX_GROUPED_ROWS;
    const rows = this.fold(grouped.slice(0, MAX_GROUPED_ROWS), query, rates);
    const totals = totalsOf(rows, budgets);
    if (invoiceCounts)
      for (const total of totals) total.invoiceCount = invoiceCounts.get(total.currency) ?? 0;
    const shown = rows.slice(0, REPORT_MAX_GROUPS);
    const reportingTotal = query.reportingCurrency
      ? rows.reduce((sum, row) => sum + (row.reporting?.amountMinor ?? 0), 0)
      : null;
    return {
      groupBy: query.groupBy,
      filters: filtersOf(query),
      rows: shown,
      totals,
      reportingCurrency: query.reportingCurrency ?? null,
      reportingTotalMinor: reportingTotal,
      truncated: truncatedRows || rows.length > REPORT_MAX_GROUPS,
    };
  }

  /** The lines behind the report (or one of its rows), each with its invoice, deliverable and goal. */
  async lines(actor: Actor, query: SpendLinesQueryDto): Promise<Page<SpendLineDto>> {
    const qb = this.dataSource
      .getRepository(InvoiceLine)
      .createQueryBuilder('line')
      .innerJoin('invoices', 'i', 'i.id = line.invoice_id')
      .innerJoin('contracts', 'c', 'c.id = i.contract_id')
      .innerJoin('agencies', 'a', 'a.id = i.agency_id')
      .addSelect([
        'i.number AS invoice_number',
        'i.status AS invoice_status',
        "to_char(i.issue_date, 'YYYY-MM-DD') AS issue_date",
        'i.agency_id AS agency_id',
        'a.name AS agency_name',
        'i.contract_id AS contract_id',
        'c.reference AS contract_reference',
        'c.business_unit_id AS business_unit_id',
        'i.currency AS currency',
      ]);
    joinSome(qb, 'line.goal', 'goal', ['name']);
    joinSome(qb, 'line.deliverable', 'deliverable', ['title']);
    if (query.status) qb.where('i.status = :status', { status: query.status });
    else qb.where("i.status IN ('submitted', 'approved', 'paid')");
    applyInvoiceFilters(qb, query);
    if (query.goalId) qb.andWhere('line.goal_id = :goalId', { goalId: query.goalId });
    if (query.month) {
      qb.andWhere(
        "i.issue_date >= CAST(:month AS date) AND i.issue_date < CAST(:month AS date) + interval '1 month'",
        {
          month: `${query.month}-01`,
        },
      );
    }
    this.access.scope(qb, actor, 'invoice_line', 'line');
    whereSearch(qb, query.q, ['i.number']);
    const page = await paginate(qb, LINE_LIST, query);
    return toPage(page, (line) => {
      const raw = page.raw.get(line.id) ?? {};
      const text = (name: string) => rawText(raw, name);
      return {
        lineId: line.id,
        invoiceId: line.invoiceId,
        invoiceNumber: text('invoice_number'),
        invoiceStatus: text('invoice_status') as SpendLineDto['invoiceStatus'],
        issueDate: text('issue_date'),
        agencyId: text('agency_id'),
        agencyName: text('agency_name'),
        contractId: text('contract_id'),
        contractReference: text('contract_reference'),
        businessUnitId: text('business_unit_id'),
        goalId: line.goalId,
        goalName: line.goal?.name ?? '',
        deliverableId: line.deliverableId,
        deliverableTitle: line.deliverable?.title ?? null,
        itemCode: line.itemCode,
        description: line.description,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        amountMinor: line.amountMinor,
        currency: text('currency').trim(),
      };
    });
  }

  /** Months folded into one row per group and currency, labelled, converted where asked. */
  fold(grouped: GroupedRow[], query: SpendReportQueryDto, rates: Rate[]): SpendRowDto[] {
    const byGroup = new Map<string, SpendRowDto>();
    for (const row of grouped) {
      const currency = row.currency.trim();
      const id = `${row.key}\u0000${currency}`;
      let folded = byGroup.get(id);
      if (!folded) {
        folded = {
          key: row.key,
          label: row.label ?? row.key,
          currency,
          lineCount: 0,
          invoiceCount: 0,
          amountMinor: 0,
          approvedMinor: 0,
          paidMinor: 0,
          reporting: query.reportingCurrency
            ? { currency: query.reportingCurrency, amountMinor: 0, rates: [], missingRate: false }
            : null,
        };
        byGroup.set(id, folded);
      }
      const amount = Number(row.amount);
      folded.lineCount += row.line_count;
      folded.invoiceCount += row.invoice_count;
      folded.amountMinor += amount;
      folded.approvedMinor += Number(row.approved);
      folded.paidMinor += Number(row.paid);
      const reporting = folded.reporting;
      if (reporting && query.reportingCurrency) {
        const rate =
          currency === query.reportingCurrency
            ? '1'
            : (rates.find((candidate) => candidate.currency === currency && candidate.month === row.month)
                ?.rate ?? null);
        reporting.rates.push({ month: row.month, rate });
        if (rate === null) reporting.missingRate = true;
        else {
          reporting.amountMinor =
            (reporting.amountMinor ?? 0) +
            convertMinor(amount, minorDigits(currency), minorDigits(query.reportingCurrency), rate);
        }
      }
    }
    return [...byGroup.values()];
  }

  /** Caps and commitments of the contracts the filters cover (a goal filter: the goal's allocations). */
  private async budgets(
    actor: Actor,
    query: SpendReportQueryDto,
    db: SqlReader,
  ): Promise<Map<string, { cap: number; committed: number }>> {
    const view = query.goalId ? 'goal_budget_ledger' : 'contract_budget_ledger';
    const qb = this.dataSource
      .createQueryBuilder()
      .select('ledger.currency', 'currency')
      .addSelect('sum(ledger.cap_minor)::text', 'cap')
      .addSelect('sum(ledger.committed_minor)::text', 'committed')
      .from(view, 'ledger')
      .innerJoin('contracts', 'c', 'c.id = ledger.contract_id')
      .where("c.status <> 'draft'")
      .groupBy('ledger.currency');
    if (query.goalId) qb.andWhere('ledger.goal_id = :goalId', { goalId: query.goalId });
    if (query.agencyId) qb.andWhere('c.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.contractId) qb.andWhere('c.id = :contractId', { contractId: query.contractId });
    if (query.businessUnitId) qb.andWhere('c.business_unit_id = :unitId', { unitId: query.businessUnitId });
    if (query.currency) qb.andWhere('c.currency = :currency', { currency: query.currency });
    if (query.from) qb.andWhere('c.end_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('c.start_date <= :to', { to: query.to });
    this.access.scope(qb, actor, 'budget_ledger', 'c');
    const rows = await db<{ currency: string; cap: string; committed: string }>(
      ...qb.getQueryAndParameters(),
    );
    return new Map(
      rows.map((row) => [row.currency.trim(), { cap: Number(row.cap), committed: Number(row.committed) }]),
    );
  }

  private async invoiceCounts(
    actor: Actor,
    query: SpendReportQueryDto,
    db: SqlReader,
  ): Promise<Map<string, number>> {
    const rows = await db<{ currency: string; count: number }>(
      ...totalsQuery(this.dataSource, this.access, actor, query)
        .select('i.currency', 'currency')
        .addSelect('count(DISTINCT t.invoice_id)::int', 'count')
        .groupBy('i.currency')
        .getQueryAndParameters(),
    );
    return new Map(rows.map((row) => [row.currency.trim(), row.count]));
  }

  private async rates(reportingCurrency: string, db: SqlReader): Promise<Rate[]> {
    const rows = await db<Rate>(
      `SELECT currency, to_char(month, 'YYYY-MM') AS month, trim_scale(rate)::text AS rate
         FROM exchange_rates WHERE reporting_currency = $1`,
      [reportingCurrency],
    );
    return rows.map((row) => ({ ...row, currency: row.currency.trim() }));
  }
}

function totalsOf(
  rows: SpendRowDto[],
  budgets: Map<string, { cap: number; committed: number }>,
): SpendTotalDto[] {
  const totals = new Map<string, SpendTotalDto>();
  const blank = (currency: string): SpendTotalDto => ({
    currency,
    lineCount: 0,
    invoiceCount: 0,
    amountMinor: 0,
    approvedMinor: 0,
    paidMinor: 0,
    budgetCapMinor: budgets.get(currency)?.cap ?? 0,
    committedMinor: budgets.get(currency)?.committed ?? 0,
  });
  for (const currency of budgets.keys()) totals.set(currency, blank(currency));
  for (const row of rows) {
    const total = totals.get(row.currency) ?? blank(row.currency);
    total.lineCount += row.lineCount;
    total.invoiceCount += row.invoiceCount;
    total.amountMinor += row.amountMinor;
    total.approvedMinor += row.approvedMinor;
    total.paidMinor += row.paidMinor;
    totals.set(row.currency, total);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
