import type { ListQuery } from '../common/page';
import type { KpiMetric } from '../goals/goal.types';

/**
 * The raw facts of one agency in one quarter, as the API's SQL aggregates them from the workflow
 * (see docs/scorecards.md for which records count). `scorecardFigures()` turns them into figures.
 */
export interface ScorecardFacts {
  /** Deliverables due in the quarter that were delivered or whose due date has passed. */
  dueCount: number;
  /** Of those, delivered (the approved version submitted) by the end of the due date. */
  onTimeCount: number;
  /** Deliverables due in the quarter that were approved (approved or published). */
  approvedCount: number;
  /** Of those, approved without any change request. */
  firstPassCount: number;
  /** Change requests on the approved deliverables, all their versions. */
  changeRequestCount: number;
  /** Deliverables due in the quarter with a first version: how many, and the median days to it. */
  firstVersionCount: number;
  firstVersionMedianDays: number | null;
  /** Versions whose review ended (changes requested, rejected or finally approved): how many, median hours. */
  reviewCount: number;
  reviewMedianHours: number | null;
  budget: BudgetFacts[];
  contribution: ContributionFacts[];
}

/** The quarter's briefs in one currency: their committed estimates and what was invoiced for their deliverables. */
export interface BudgetFacts {
  currency: string;
  committedMinor: number;
  invoicedMinor: number;
}

/** A KPI's results from the agency's deliverables and the approved spend on goals with that KPI, in one currency. */
export interface ContributionFacts {
  kpiMetric: KpiMetric;
  currency: string;
  /** Sum of the KPI (revenue: minor units of `currency`). */
  value: number;
  approvedSpendMinor: number;
}

/** A share of a sample, or no figure when the sample is too small. */
export interface RateFigure {
  /** 0…1; null with too little data. */
  value: number | null;
  /** How many of the sample meet the definition. */
  count: number;
  sample: number;
}

/** An average or median with its sample size; null with too little data. */
export interface SampleFigure {
  value: number | null;
  sample: number;
}

export interface BudgetVariance extends BudgetFacts {
  /** invoiced − committed: positive is over the estimates. */
  varianceMinor: number;
  /** variance ÷ committed; null without a committed estimate. */
  varianceRatio: number | null;
}

export interface KpiContribution extends ContributionFacts {
  /** KPI results per 1,000 major units of approved spend; null without spend. */
  perThousand: number | null;
}

export interface ScorecardFigures {
  onTimeRate: RateFigure;
  firstPassRate: RateFigure;
  averageRevisionRounds: SampleFigure;
  medianDaysToFirstVersion: SampleFigure;
  medianReviewHours: SampleFigure;
  budgetVariance: BudgetVariance[];
  kpiContribution: KpiContribution[];
}

export interface ScorecardAgency {
  agencyId: string;
  agencyName: string;
  status: 'active' | 'offboarded';
}

/** One agency's row of the quarter's comparison. */
export interface ScorecardRow extends ScorecardAgency {
  quarter: string;
  figures: ScorecardFigures;
}

/** `GET /api/scorecards`: a page of agencies for a quarter. */
export interface ScorecardPage {
  quarter: string;
  start: string;
  end: string;
  /** The quarter has not ended: its figures can still change. */
  open: boolean;
  items: ScorecardRow[];
  nextCursor: string | null;
  limit: number;
  total?: { count: number; exact: boolean };
  /** When the oldest figure on the page was computed (ISO instant); null when the page is empty. */
  figuresAsOf: string | null;
}

export interface ScorecardQuarter {
  quarter: string;
  start: string;
  end: string;
  open: boolean;
  figures: ScorecardFigures;
}

/** `GET /api/scorecards/agencies/:agencyId`: one agency over its last quarters, oldest first. */
export interface AgencyScorecardDto extends ScorecardAgency {
  quarters: ScorecardQuarter[];
  /** The smallest sample a rate, average or median is shown for. */
  minimumSample: number;
  /** When the oldest of these quarters' figures was computed (ISO instant). */
  figuresAsOf: string | null;
}

export const SCORECARD_SORT_KEYS = [
  'name',
  'onTimeRate',
  'firstPassRate',
  'averageRevisionRounds',
  'medianDaysToFirstVersion',
  'medianReviewHours',
] as const;
export type ScorecardSortKey = (typeof SCORECARD_SORT_KEYS)[number];

export interface ScorecardQuery extends ListQuery {
  /** `2026-Q3`; the current quarter when absent. */
  quarter?: string;
}

export interface AgencyScorecardQuery {
  /** The last quarter of the trend; the current quarter when absent. */
  quarter?: string;
  /** How many quarters, 1…MAX_TREND_QUARTERS. */
  quarters?: number;
}
