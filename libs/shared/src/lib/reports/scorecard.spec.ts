import {
  EMPTY_FACTS,
  MINIMUM_SAMPLE,
  budgetVariance,
  kpiContribution,
  median,
  rate,
  scorecardFigures,
  scorecardSortValue,
} from './scorecard';
import {
  isQuarter,
  isQuarterOpen,
  isRecentQuarter,
  quarterOf,
  quarterRange,
  quartersEndingWith,
  scorecardFactsStale,
  shiftQuarter,
} from './scorecard-quarters';

describe('scorecard quarters', () => {
  it('should give a quarter its first day and the day after its last when asked for its range', () => {
    expect(quarterRange('2026-Q3')).toEqual({ quarter: '2026-Q3', start: '2026-07-01', end: '2026-10-01' });
    expect(quarterRange('2026-Q4')).toEqual({ quarter: '2026-Q4', start: '2026-10-01', end: '2027-01-01' });
    expect(quarterRange('2025-Q1').start).toBe('2025-01-01');
  });

  it('should place days and instants in their quarter when asked', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-Q4');
  });

  it('should move across year boundaries when shifting', () => {
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftQuarter('2026-Q3', -8)).toBe('2024-Q3');
    expect(quartersEndingWith('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });

  it('should accept only YYYY-Qn when validating', () => {
    expect(isQuarter('2026-Q3')).toBe(true);
    expect(isQuarter('2026-Q5')).toBe(false);
    expect(isQuarter('2026-3')).toBe(false);
    expect(isQuarter('1999-Q1')).toBe(false);
  });

  it('should call a quarter open until its last day has passed', () => {
    expect(isQuarterOpen('2026-Q3', '2026-09-30')).toBe(true);
    expect(isQuarterOpen('2026-Q3', '2026-10-01')).toBe(false);
  });
});

describe('scorecard facts freshness', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it('should keep the current and the previous quarter recent and older ones not when asked', () => {
    expect(isRecentQuarter('2026-Q4', '2026-12-01')).toBe(true);
    expect(isRecentQuarter('2026-Q3', '2026-12-01')).toBe(true);
    expect(isRecentQuarter('2026-Q2', '2026-12-01')).toBe(false);
    expect(isRecentQuarter('2025-Q4', '2026-01-15')).toBe(true);
  });

  it('should call recent facts stale after 15 minutes and older ones after a day when checked', () => {
    expect(scorecardFactsStale('2026-Q4', minutesAgo(15), now)).toBe(false);
    expect(scorecardFactsStale('2026-Q4', minutesAgo(16), now)).toBe(true);
    expect(scorecardFactsStale('2026-Q3', minutesAgo(16), now)).toBe(true);
    expect(scorecardFactsStale('2026-Q2', minutesAgo(16), now)).toBe(false);
    expect(scorecardFactsStale('2026-Q2', minutesAgo(24 * 60 + 1), now)).toBe(true);
  });
});

describe('scorecard figures', () => {
  it('should say too little data instead of 0 % when the sample is below the minimum', () => {
    expect(rate(0, MINIMUM_SAMPLE - 1)).toEqual({ value: null, count: 0, sample: 2 });
    expect(rate(0, 0).value).toBeNull();
    expect(rate(0, MINIMUM_SAMPLE).value).toBe(0);
  });

  it('should compute every rate, average and median from the facts when the sample suffices', () => {
    const figures = scorecardFigures({
      ...EMPTY_FACTS,
      dueCount: 4,
      onTimeCount: 3,
      approvedCount: 4,
      firstPassCount: 1,
      changeRequestCount: 5,
      firstVersionCount: 4,
      firstVersionMedianDays: 6.5,
      reviewCount: 9,
      reviewMedianHours: 20,
    });
    expect(figures.onTimeRate).toEqual({ value: 0.75, count: 3, sample: 4 });
    expect(figures.firstPassRate.value).toBe(0.25);
    expect(figures.averageRevisionRounds).toEqual({ value: 1.25, sample: 4 });
    expect(figures.medianDaysToFirstVersion).toEqual({ value: 6.5, sample: 4 });
    expect(figures.medianReviewHours).toEqual({ value: 20, sample: 9 });
  });

  it('should hide the median when it rests on too few versions', () => {
    const figures = scorecardFigures({ ...EMPTY_FACTS, reviewCount: 2, reviewMedianHours: 3 });
    expect(figures.medianReviewHours).toEqual({ value: null, sample: 2 });
  });

  it('should take the middle value, or the mean of the middle two, as the median', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });

  it('should keep money per currency and signal overspend as a positive variance', () => {
    expect(budgetVariance({ currency: 'KRW', committedMinor: 1_000_000, invoicedMinor: 1_100_000 })).toEqual({
      currency: 'KRW',
      committedMinor: 1_000_000,
      invoicedMinor: 1_100_000,
      varianceMinor: 100_000,
      varianceRatio: 0.1,
    });
    expect(
      budgetVariance({ currency: 'USD', committedMinor: 0, invoicedMinor: 500 }).varianceRatio,
    ).toBeNull();
    const figures = scorecardFigures({
      ...EMPTY_FACTS,
      budget: [
        { currency: 'USD', committedMinor: 100, invoicedMinor: 50 },
        { currency: 'IDR', committedMinor: 100, invoicedMinor: 100 },
      ],
    });
    expect(figures.budgetVariance.map((row) => row.currency)).toEqual(['IDR', 'USD']);
  });

  it('should count KPI results per 1,000 major units of the currency when spend is known', () => {
    // ₩2,000,000 approved for 50,000 impressions: 25 per ₩1,000.
    expect(
      kpiContribution({
        kpiMetric: 'impressions',
        currency: 'KRW',
        value: 50_000,
        approvedSpendMinor: 2_000_000,
      }).perThousand,
    ).toBe(25);
    // $400.00 (40,000 cents) for 10 conversions: 25 per $1,000.
    expect(
      kpiContribution({ kpiMetric: 'conversions', currency: 'USD', value: 10, approvedSpendMinor: 40_000 })
        .perThousand,
    ).toBe(25);
    expect(
      kpiContribution({ kpiMetric: 'clicks', currency: 'USD', value: 10, approvedSpendMinor: 0 }).perThousand,
    ).toBeNull();
  });

  it('should give the sort value of a figure, null when there is too little data', () => {
    const figures = scorecardFigures({ ...EMPTY_FACTS, dueCount: 5, onTimeCount: 4 });
    expect(scorecardSortValue(figures, 'onTimeRate')).toBe(0.8);
    expect(scorecardSortValue(figures, 'firstPassRate')).toBeNull();
  });
});
