import type { CostFigures } from '@agency-portal/shared';
import { costPerResult, returnOnSpend } from '@agency-portal/shared';
import { num } from './goal-report-sql';

/** Summed figures of one currency as the SQL returns them (text for bigint sums). */
export interface FigureSums {
  currency: string;
  spend: unknown;
  impressions: unknown;
  reach: unknown;
  engagements: unknown;
  clicks: unknown;
  video_views: unknown;
  conversions: unknown;
  revenue: unknown;
}

/** The SQL select list of FigureSums over rows with those columns. */
export const FIGURE_SUMS = `
  sum(spend) AS spend, sum(impressions) AS impressions, sum(reach) AS reach,
  sum(engagements) AS engagements, sum(clicks) AS clicks, sum(video_views) AS video_views,
  sum(conversions) AS conversions, sum(revenue) AS revenue`;

/**
 * Results, spend and what a result cost in one currency. Without `spendVisible` the money is
 * left out (null costs, spend 0) rather than shown as free.
 */
export function toCostFigures(
  figures: {
    currency: string;
    spendMinor: number;
    impressions: number | null;
    reach: number | null;
    engagements: number | null;
    clicks: number | null;
    videoViews: number | null;
    conversions: number | null;
    revenueMinor: number | null;
  },
  spendVisible: boolean,
): CostFigures {
  const spendMinor = spendVisible ? figures.spendMinor : 0;
  const costs = spendVisible
    ? costPerResult(spendMinor, figures)
    : {
        perThousandImpressionsMinor: null,
        perEngagementMinor: null,
        perClickMinor: null,
        perConversionMinor: null,
      };
  return {
    ...figures,
    ...costs,
    spendMinor,
    revenueMinor: figures.revenueMinor,
    roi: spendVisible ? returnOnSpend(figures.revenueMinor, spendMinor) : null,
  };
}

export function fromSums(row: FigureSums, spendVisible: boolean): CostFigures {
  return toCostFigures(
    {
      currency: row.currency,
      spendMinor: num(row.spend) ?? 0,
      impressions: num(row.impressions),
      reach: num(row.reach),
      engagements: num(row.engagements),
      clicks: num(row.clicks),
      videoViews: num(row.video_views),
      conversions: num(row.conversions),
      revenueMinor: num(row.revenue),
    },
    spendVisible,
  );
}
