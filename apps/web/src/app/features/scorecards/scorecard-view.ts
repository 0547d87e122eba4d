import type {
  RateFigure,
  SampleFigure,
  ScorecardFigures,
  ScorecardQuarter,
  ScorecardSortKey,
} from '@agency-portal/shared';
import { MAX_TREND_QUARTERS, quarterOf, quartersEndingWith } from '@agency-portal/shared';
import type { ChartSeries } from '../../shared/chart/chart';

/** The figures a scorecard shows one by one (money figures are per currency and shown apart). */
export type FigureKey = Exclude<ScorecardSortKey, 'name'>;
export const FIGURE_KEYS: readonly FigureKey[] = [
  'onTimeRate',
  'firstPassRate',
  'averageRevisionRounds',
  'medianDaysToFirstVersion',
  'medianReviewHours',
];

export const FIGURE_LABELS: Record<FigureKey, string> = {
  onTimeRate: $localize`:Scorecard figure@@scorecard.onTime:On-time delivery`,
  firstPassRate: $localize`:Scorecard figure@@scorecard.firstPass:First-pass approval`,
  averageRevisionRounds: $localize`:Scorecard figure@@scorecard.rounds:Revision rounds (average)`,
  medianDaysToFirstVersion: $localize`:Scorecard figure@@scorecard.firstVersion:Time to first version (median)`,
  medianReviewHours: $localize`:Scorecard figure, the brand's own review speed@@scorecard.review:Our review turnaround (median)`,
};

/** What each figure means, shown beside it (docs/scorecards.md says the same for developers). */
export const FIGURE_DEFINITIONS: Record<FigureKey | 'budgetVariance' | 'kpiContribution', string> = {
  onTimeRate: $localize`:Definition of a scorecard figure@@scorecard.onTime.help:Deliverables due in the quarter whose approved version was submitted by the end of the due date (UTC). A deliverable past its due date and not yet approved counts as late; one not yet due does not count.`,
  firstPassRate: $localize`:Definition of a scorecard figure@@scorecard.firstPass.help:Approved deliverables due in the quarter that were approved without any change request.`,
  averageRevisionRounds: $localize`:Definition of a scorecard figure@@scorecard.rounds.help:Change requests an approved deliverable went through before its approval, on average.`,
  medianDaysToFirstVersion: $localize`:Definition of a scorecard figure@@scorecard.firstVersion.help:Days from the brief being sent to the agency to the deliverable's first submitted version, the middle value.`,
  medianReviewHours: $localize`:Definition of a scorecard figure@@scorecard.review.help:Our own speed: hours from a version's submission to the decision that ended its review (changes requested, rejected, or the last step's approval), the middle value.`,
  budgetVariance: $localize`:Definition of a scorecard figure@@scorecard.budget.help:Per currency: what was invoiced for the deliverables of the quarter's accepted briefs against the briefs' estimates. Positive means over the estimate.`,
  kpiContribution: $localize`:Definition of a scorecard figure@@scorecard.kpi.help:Per goal KPI and currency: the results of the agency's deliverables on the quarter's days for every 1,000 of approved spend invoiced in the quarter on goals with that KPI.`,
};

export const TOO_LITTLE_DATA = $localize`:A scorecard figure resting on too few deliverables@@scorecard.tooLittle:Too little data`;

/** "Q3 2026" in the reader's language. */
export function quarterLabel(quarter: string): string {
  const year = quarter.slice(0, 4);
  const number = quarter.slice(6);
  return $localize`:A calendar quarter, e.g. Q3 2026@@scorecard.quarterName:Q${number}:number: ${year}:year:`;
}

/** The quarters a reader may pick: the current one and the seven before it, newest first. */
export function quarterOptions(today: Date = new Date()): string[] {
  return quartersEndingWith(quarterOf(today), MAX_TREND_QUARTERS).reverse();
}

export function formatShare(value: number | null, locale: string): string {
  return value === null
    ? TOO_LITTLE_DATA
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatDecimal(value: number | null, locale: string): string {
  return value === null
    ? TOO_LITTLE_DATA
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

export function formatDays(value: number | null, locale: string): string {
  if (value === null) return TOO_LITTLE_DATA;
  const days = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return $localize`:A duration in days@@scorecard.days:${days}:days: d`;
}

export function formatHours(value: number | null, locale: string): string {
  if (value === null) return TOO_LITTLE_DATA;
  const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return $localize`:A duration in hours@@scorecard.hours:${hours}:hours: h`;
}

/** A figure as the tables show it; too little data says so instead of 0 %. */
export function formatFigure(figures: ScorecardFigures, key: FigureKey, locale: string): string {
  switch (key) {
    case 'onTimeRate':
      return formatShare(figures.onTimeRate.value, locale);
    case 'firstPassRate':
      return formatShare(figures.firstPassRate.value, locale);
    case 'averageRevisionRounds':
      return formatDecimal(figures.averageRevisionRounds.value, locale);
    case 'medianDaysToFirstVersion':
      return formatDays(figures.medianDaysToFirstVersion.value, locale);
    case 'medianReviewHours':
      return formatHours(figures.medianReviewHours.value, locale);
  }
}

/** "2 of 4" under a rate, "4 deliverables" under an average: the sample behind the figure. */
export function sampleNote(figures: ScorecardFigures, key: FigureKey): string {
  const figure: RateFigure | SampleFigure = figures[key];
  if ('count' in figure) {
    return $localize`:How many of a sample meet a scorecard figure@@scorecard.ofSample:${figure.count}:count: of ${figure.sample}:sample:`;
  }
  return $localize`:The sample size behind a scorecard average or median@@scorecard.sample:from ${figure.sample}:sample:`;
}

/** The trend chart: the two rates as lines over the quarters, in percent; gaps where data is too little. */
export function trendSeries(quarters: readonly ScorecardQuarter[]): {
  labels: string[];
  series: ChartSeries[];
} {
  const percent = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);
  return {
    labels: quarters.map((quarter) => quarterLabel(quarter.quarter)),
    series: [
      {
        label: FIGURE_LABELS.onTimeRate,
        kind: 'line',
        values: quarters.map((q) => percent(q.figures.onTimeRate.value)),
      },
      {
        label: FIGURE_LABELS.firstPassRate,
        kind: 'line',
        values: quarters.map((q) => percent(q.figures.firstPassRate.value)),
      },
    ],
  };
}

/** The second trend chart: revision rounds per approved deliverable. */
export function roundsSeries(quarters: readonly ScorecardQuarter[]): ChartSeries[] {
  return [
    {
      label: FIGURE_LABELS.averageRevisionRounds,
      kind: 'bar',
      values: quarters.map((quarter) => quarter.figures.averageRevisionRounds.value),
    },
  ];
}
