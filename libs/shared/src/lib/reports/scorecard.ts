import { minorDigits } from '../money/money';
import type {
  BudgetFacts,
  ContributionFacts,
  RateFigure,
  SampleFigure,
  ScorecardFacts,
  ScorecardFigures,
  ScorecardSortKey,
} from './scorecard.types';

/**
 * Agency scorecards: the figures of one agency in one quarter, computed from the workflow's raw
 * facts (docs/scorecards.md has the definitions a reader sees as help text):
 *
 * - A deliverable counts in the quarter its due date falls in.
 * - Delivery is the submission of the version that was finally approved; on time when that
 *   submission happened by the end of the due date (UTC). A deliverable not delivered and past its
 *   due date counts as late; one not yet due and not delivered does not count yet.
 * - First pass: approved with no change request on any of its versions.
 * - Revision rounds: change requests an approved deliverable went through, averaged.
 * - Time to first version: from its brief being sent to the agency to its first submitted
 *   version, median in days.
 * - Review turnaround (ours): from a version's submission to the decision that ended its review
 *   (changes requested, rejected, or the last step's approval), median in hours.
 * - Budget variance, per currency: what was invoiced for the deliverables of the quarter's
 *   committed briefs against their estimates.
 * - KPI contribution, per KPI and currency: the KPI results of the agency's deliverables on the
 *   quarter's days per 1,000 of approved spend on goals with that KPI, invoiced in the quarter.
 *
 * Below MINIMUM_SAMPLE a rate, average or median says "too little data" (null), never 0 %.
 */

/** The smallest sample a rate, average or median is shown for. */
export const MINIMUM_SAMPLE = 3;

export const EMPTY_FACTS: ScorecardFacts = {
  dueCount: 0,
  onTimeCount: 0,
  approvedCount: 0,
  firstPassCount: 0,
  changeRequestCount: 0,
  firstVersionCount: 0,
  firstVersionMedianDays: null,
  reviewCount: 0,
  reviewMedianHours: null,
  budget: [],
  contribution: [],
};

export function rate(count: number, sample: number, minimum = MINIMUM_SAMPLE): RateFigure {
  return { value: sample >= minimum && sample > 0 ? count / sample : null, count, sample };
}

function sampled(value: number | null, sample: number, minimum = MINIMUM_SAMPLE): SampleFigure {
  return { value: sample >= minimum && sample > 0 ? value : null, sample };
}

/** The middle value (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

export function budgetVariance(facts: BudgetFacts) {
  const varianceMinor = facts.invoicedMinor - facts.committedMinor;
  return {
    ...facts,
    varianceMinor,
    varianceRatio: facts.committedMinor > 0 ? varianceMinor / facts.committedMinor : null,
  };
}

/** KPI results per 1,000 major units of the currency (₩1,000, Rp1,000, $1,000). */
export function kpiContribution(facts: ContributionFacts) {
  const thousandMinor = 1000 * 10 ** minorDigits(facts.currency);
  return {
    ...facts,
    perThousand:
      facts.approvedSpendMinor > 0 ? (facts.value * thousandMinor) / facts.approvedSpendMinor : null,
  };
}

const byCurrency = <T extends { currency: string }>(a: T, b: T) => a.currency.localeCompare(b.currency);

export function scorecardFigures(facts: ScorecardFacts): ScorecardFigures {
  return {
    onTimeRate: rate(facts.onTimeCount, facts.dueCount),
    firstPassRate: rate(facts.firstPassCount, facts.approvedCount),
    averageRevisionRounds: sampled(
      facts.approvedCount > 0 ? facts.changeRequestCount / facts.approvedCount : null,
      facts.approvedCount,
    ),
    medianDaysToFirstVersion: sampled(facts.firstVersionMedianDays, facts.firstVersionCount),
    medianReviewHours: sampled(facts.reviewMedianHours, facts.reviewCount),
    budgetVariance: [...facts.budget].sort(byCurrency).map(budgetVariance),
    kpiContribution: [...facts.contribution]
      .sort((a, b) => a.kpiMetric.localeCompare(b.kpiMetric) || byCurrency(a, b))
      .map(kpiContribution),
  };
}

/** The value a sortable figure is ordered by; null (too little data) sorts last either way. */
export function scorecardSortValue(
  figures: ScorecardFigures,
  key: Exclude<ScorecardSortKey, 'name'>,
): number | null {
  switch (key) {
    case 'onTimeRate':
      return figures.onTimeRate.value;
    case 'firstPassRate':
      return figures.firstPassRate.value;
    case 'averageRevisionRounds':
      return figures.averageRevisionRounds.value;
    case 'medianDaysToFirstVersion':
      return figures.medianDaysToFirstVersion.value;
    case 'medianReviewHours':
      return figures.medianReviewHours.value;
  }
}
