import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { SpendReportQuery, SpendRowDto } from '@agency-portal/shared';
import { COMMON_CURRENCIES, INVOICE_STATUSES, SPEND_GROUPS, formatMoney } from '@agency-portal/shared';
import { AuthService } from '../../core/auth/auth.service';
import { createLoader } from '../../core/data/loader';
import { Lookups } from '../../core/lookups/lookups';
import { ApChart, type ChartSeries } from '../../shared/chart/chart';
import { formatMonth } from '../../shared/format/date-format';
import { LookupField } from '../../shared/forms/lookup-field';
import { INVOICE_STATUS_LABELS, SPEND_GROUP_LABELS } from '../../shared/i18n/labels';
import { ListFilters } from '../../shared/list/list-filters';
import { createListLoader } from '../../shared/list/list-loader';
import { listQueryState } from '../../shared/list/list-query-state';
import { ListView } from '../../shared/list/list-view';
import { LoadError } from '../../shared/ui/load-error';
import { SpendExport } from './spend-export';
import { SpendLinesTable } from './spend-lines-table';
import { SPEND_FILTERS, openRow, reportQuery, rowLinesQuery, rowParam, spendOverTime } from './spend-query';
import { SpendRowsTable } from './spend-rows-table';
import { SpendTotals } from './spend-totals';
import { SpendService } from './spend.service';

function sameQuery(a: object | undefined, b: object | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * /spend: finance's spend report. Filters (period, agency, unit, goal, contract, status, currency)
 * and the grouping live in the URL; totals per currency, never added across currencies; an
 * optional reporting currency at finance's rates; a chart of spend over time against budget; the
 * invoice lines behind a row (paged); and the same view as CSV or XLSX.
 */
@Component({
  selector: 'ap-spend-report-page',
  imports: [
    ApChart,
    ListFilters,
    ListView,
    LoadError,
    LookupField,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    RouterLink,
    SpendExport,
    SpendLinesTable,
    SpendRowsTable,
    SpendTotals,
  ],
  templateUrl: './spend-report-page.html',
  styleUrl: './spend-report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SpendReportPage {
  private readonly auth = inject(AuthService);
  private readonly spend = inject(SpendService);
  private readonly locale = inject(LOCALE_ID);
  protected readonly lookups = inject(Lookups);

  protected readonly groups = SPEND_GROUPS;
  protected readonly groupLabels = SPEND_GROUP_LABELS;
  protected readonly statuses = INVOICE_STATUSES;
  protected readonly statusLabels = INVOICE_STATUS_LABELS;
  protected readonly currencies = COMMON_CURRENCIES;
  /** Viewers read the figures, not the invoices behind them. */
  protected readonly canDrill = computed(() => this.auth.hasPermission('invoice:read'));
  protected readonly canManageRates = computed(() => this.auth.hasPermission('exchange_rate:manage'));
  protected readonly showContractFilter = computed(() => this.auth.hasPermission('contract:read'));

  protected readonly list = listQueryState({
    filters: SPEND_FILTERS,
    sortKeys: ['issueDate'],
    defaultSort: '-issueDate',
  });
  protected readonly query = computed((): SpendReportQuery => reportQuery(this.list.filters()), {
    equal: sameQuery,
  });
  protected readonly report = createLoader(
    () => this.query(),
    (query) => this.spend.report(query),
  );
  /** The chart draws months: grouped otherwise, the page asks for the months as well. */
  private readonly monthlyQuery = computed(
    (): SpendReportQuery | undefined => {
      const query = this.query();
      return query.groupBy === 'month'
        ? undefined
        : { ...query, groupBy: 'month', reportingCurrency: undefined };
    },
    { equal: sameQuery },
  );
  private readonly monthly = createLoader(
    () => this.monthlyQuery(),
    (query) => this.spend.report(query),
  );
  private readonly monthlyReport = computed(() =>
    this.query().groupBy === 'month' ? this.report.value() : this.monthly.value(),
  );

  protected readonly chartCurrencies = computed(
    () => this.monthlyReport()?.totals.map((total) => total.currency) ?? [],
  );
  protected readonly chartCurrency = computed(() => {
    const chosen = this.list.filters().chartCurrency;
    const currencies = this.chartCurrencies();
    return currencies.includes(chosen) ? chosen : (currencies[0] ?? null);
  });
  private readonly overTime = computed(() => {
    const report = this.monthlyReport();
    const currency = this.chartCurrency();
    return report && currency ? spendOverTime(report, currency) : null;
  });
  protected readonly chart = computed(() => {
    const figures = this.overTime();
    if (!figures) return null;
    const { currency } = figures;
    const series: ChartSeries[] = [
      {
        kind: 'bar',
        label: $localize`:Chart series — spend invoiced in each month@@spend.chart.monthly:Invoiced in the month`,
        values: figures.spent,
      },
      {
        kind: 'line',
        label: $localize`:Chart series — spend invoiced so far@@spend.chart.cumulative:Invoiced to date`,
        values: figures.cumulative,
      },
      {
        kind: 'line',
        dashed: true,
        label: $localize`:Chart series — the budget caps of the contracts covered@@spend.chart.cap:Budget cap`,
        values: figures.months.map(() => figures.budgetCapMinor),
      },
      {
        kind: 'line',
        dashed: true,
        label: $localize`:Chart series — money committed by accepted briefs@@spend.chart.committed:Committed`,
        values: figures.months.map(() => figures.committedMinor),
      },
    ];
    return {
      currency,
      caption: $localize`:Caption of the chart of spend over time@@spend.chart.caption:Spend over time against budget, in ${currency}:currency:`,
      labels: figures.months.map((month) => formatMonth(month, this.locale)),
      series,
      format: (value: number): string => formatMoney(Math.round(value), currency, this.locale),
    };
  });

  protected readonly openRow = computed(() => openRow(this.list.filters()));
  protected readonly openParam = computed(() => {
    const row = this.openRow();
    return row ? [row.groupBy, row.key, row.currency].join('~') : '';
  });
  protected readonly openRowLabel = computed(() => {
    const row = this.openRow();
    if (!row) return '';
    if (row.groupBy === 'month') return formatMonth(row.key, this.locale, 'long');
    return this.report.value()?.rows.find((candidate) => candidate.key === row.key)?.label ?? '';
  });
  protected readonly lines = createListLoader(
    this.list,
    (filters) => {
      const row = this.canDrill() ? openRow(filters) : undefined;
      return row ? rowLinesQuery(filters, row) : undefined;
    },
    (query) => this.spend.lines(query),
  );

  protected readonly groupTitle = computed(
    () =>
      $localize`:Heading of the report's rows@@spend.groupTitle:By ${SPEND_GROUP_LABELS[this.query().groupBy]}:group:`,
  );
  protected readonly missingRates = computed(
    () => this.report.value()?.rows.some((row) => row.reporting?.missingRate === true) ?? false,
  );

  protected showLines(row: SpendRowDto): void {
    const param = rowParam(this.query().groupBy, row);
    this.list.setFilters({ row: param === this.openParam() ? '' : param });
  }

  protected closeLines(): void {
    this.list.setFilters({ row: '' });
  }

  protected chooseChartCurrency(currency: string): void {
    this.list.setFilters({ chartCurrency: currency });
  }
}
