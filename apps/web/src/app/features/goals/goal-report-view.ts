import type { GoalReportDto, KpiMetric, PaceStatus } from '@agency-portal/shared';
import { formatMoney, isKnownCurrency } from '@agency-portal/shared';
import { formatDate } from '../../shared/format/date-format';
import type { ChartSeries } from '../../shared/chart/chart';
import type { StatusTone } from '../../shared/ui/status-chip';

export const PACE_LABELS: Record<PaceStatus, string> = {
  not_started: $localize`:Pace of a goal — its period has not begun@@pace.notStarted:Not started`,
  on_track: $localize`:Pace of a goal — the projection reaches the target@@pace.onTrack:On track`,
  behind: $localize`:Pace of a goal — the projection falls short of the target@@pace.behind:Behind`,
  achieved: $localize`:Pace of a goal — the target is reached@@pace.achieved:Target reached`,
  missed: $localize`:Pace of a goal — the period ended short of the target@@pace.missed:Missed`,
};

export const PACE_TONES: Record<PaceStatus, StatusTone> = {
  not_started: 'neutral',
  on_track: 'active',
  behind: 'pending',
  achieved: 'active',
  missed: 'inactive',
};

/** A KPI value for people: money in the goal's currency for revenue, a whole count otherwise. */
export function formatKpi(
  value: number | null,
  kpiMetric: KpiMetric,
  currency: string | null,
  locale: string,
): string {
  if (value === null) return '—';
  if (kpiMetric === 'revenue' && currency && isKnownCurrency(currency)) {
    return formatMoney(Math.round(value), currency, locale);
  }
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

export function formatCount(value: number | null, locale: string): string {
  return value === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A ratio (0.25) as a percent in the locale ("25%"); ROI may be negative. */
export function formatRatio(value: number | null, locale: string): string {
  return value === null
    ? '—'
    : new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(value);
}

export function formatPercent(value: number | null, locale: string): string {
  return value === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** The KPI chart: achieved per bucket (bars), achieved to date and the straight line to the target. */
export function kpiChart(report: GoalReportDto, locale: string) {
  const kpi = report.kpi;
  const series: ChartSeries[] = [
    {
      kind: 'bar',
      label:
        kpi.bucket === 'day'
          ? $localize`:Chart series — KPI achieved each day@@goalReport.chart.daily:Achieved in the day`
          : $localize`:Chart series — KPI achieved each week@@goalReport.chart.weekly:Achieved in the week`,
      values: kpi.points.map((point) => point.value),
    },
    {
      kind: 'line',
      label: $localize`:Chart series — KPI achieved so far@@goalReport.chart.cumulative:Achieved to date`,
      values: kpi.points.map((point) => point.cumulative),
    },
    {
      kind: 'line',
      dashed: true,
      label: $localize`:Chart series — where a straight line to the target stands@@goalReport.chart.planned:Planned to reach the target`,
      values: kpi.points.map((point) => point.plannedCumulative),
    },
  ];
  return {
    labels: kpi.points.map((point) => formatDate(point.date, 'date', locale, undefined)),
    series,
    format: (value: number) => formatKpi(value, report.kpiMetric, report.targetCurrency, locale),
  };
}
