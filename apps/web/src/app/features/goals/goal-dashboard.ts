import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { BreakdownRow, CostFigures, GoalReportDto, GoalSpendFigures } from '@agency-portal/shared';
import { formatMoney } from '@agency-portal/shared';
import { createLoader } from '../../core/data/loader';
import { ApChart, type ChartSeries } from '../../shared/chart/chart';
import { LocalDatePipe } from '../../shared/format/local-date.pipe';
import { CHANNEL_LABELS, FUNNEL_STAGE_LABELS } from '../../shared/i18n/labels';
import { MoneyPipe } from '../../shared/money/money.pipe';
import { LoadError } from '../../shared/ui/load-error';
import { StatusChip } from '../../shared/ui/status-chip';
import { GoalCostTable } from './goal-cost-table';
import { GoalDeliverablesTable } from './goal-deliverables-table';
import { GoalReportService } from './goal-report.service';
import { PACE_LABELS, PACE_TONES, formatKpi, formatPercent, kpiChart } from './goal-report-view';

/**
 * A goal's dashboard, read-only for everyone: KPI against target over the period, pace, spend
 * against allocation per currency, cost per result and ROI with their breakdowns, and the master
 * assets serving the goal with their cut-downs.
 */
@Component({
  selector: 'ap-goal-dashboard',
  imports: [
    ApChart,
    GoalCostTable,
    GoalDeliverablesTable,
    LoadError,
    LocalDatePipe,
    MatCardModule,
    MatProgressBarModule,
    MoneyPipe,
    StatusChip,
  ],
  templateUrl: './goal-dashboard.html',
  styleUrl: './goal-dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GoalDashboard {
  readonly goalId = input.required<string>();

  private readonly locale = inject(LOCALE_ID);
  private readonly reports = inject(GoalReportService);

  protected readonly paceLabels = PACE_LABELS;
  protected readonly paceTones = PACE_TONES;
  protected readonly report = createLoader(
    () => this.goalId(),
    (id) => this.reports.report(id),
  );
  protected readonly chart = computed(() => {
    const report = this.report.value();
    return report ? kpiChart(report, this.locale) : null;
  });
  protected readonly hasFigures = computed(
    () => (this.report.value()?.kpi.actual ?? 0) > 0 || (this.report.value()?.costs.length ?? 0) > 0,
  );

  protected kpi(report: GoalReportDto, value: number | null): string {
    return formatKpi(value, report.kpiMetric, report.targetCurrency, this.locale);
  }

  protected percent(value: number | null): string {
    return formatPercent(value, this.locale);
  }

  /** Spend against allocation in one currency: bars for each stage of the ledger, the allocation dashed. */
  protected spendChart(row: GoalSpendFigures): {
    labels: string[];
    series: ChartSeries[];
    format: (value: number) => string;
  } {
    const labels = [
      $localize`:Ledger figure — committed by accepted briefs@@goalReport.spend.committed:Committed`,
      $localize`:Ledger figure — invoiced@@goalReport.spend.invoiced:Invoiced`,
      $localize`:Ledger figure — approved invoices@@goalReport.spend.approved:Approved`,
      $localize`:Ledger figure — paid invoices@@goalReport.spend.paid:Paid`,
    ];
    return {
      labels,
      series: [
        {
          kind: 'bar',
          label: $localize`:Chart series — the goal's spend@@goalReport.spend.series:Spend`,
          values: [row.committedMinor, row.invoicedMinor, row.approvedMinor, row.paidMinor],
        },
        {
          kind: 'line',
          dashed: true,
          label: $localize`:Chart series — the budget allocated to the goal@@goalReport.spend.allocated:Allocated`,
          values: labels.map(() => row.allocatedMinor),
        },
      ],
      format: (value: number) => formatMoney(Math.round(value), row.currency, this.locale),
    };
  }

  protected spendCaption(currency: string): string {
    return $localize`:Caption of the chart of a goal's spend@@goalReport.spend.caption:Spend against allocation, in ${currency}:currency:`;
  }

  protected readonly agencyName = (row: CostFigures | BreakdownRow): string =>
    ('label' in row && row.label) ||
    $localize`:Breakdown row of spend tied to no agency@@goalReport.noAgency:No agency`;
  protected readonly channelName = (row: CostFigures | BreakdownRow): string => {
    const key = 'key' in row ? row.key : null;
    return key && key in CHANNEL_LABELS
      ? CHANNEL_LABELS[key as keyof typeof CHANNEL_LABELS]
      : $localize`:Breakdown row of spend tied to no channel (hours, months)@@goalReport.noChannel:Not tied to a channel`;
  };
  protected readonly stageName = (row: CostFigures | BreakdownRow): string => {
    const key = 'key' in row ? row.key : null;
    return key && key in FUNNEL_STAGE_LABELS
      ? FUNNEL_STAGE_LABELS[key as keyof typeof FUNNEL_STAGE_LABELS]
      : $localize`:Breakdown row of spend tied to no funnel stage@@goalReport.noStage:Not tied to a stage`;
  };
}
