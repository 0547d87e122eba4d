import { checkAgainstDeliverable, checkAgainstGoal, metricDateWindow, revenueCurrencyFor } from './rules';

const NOW = new Date('2026-06-15T12:00:00Z');

describe('the days a deliverable has figures for', () => {
  it('should run from the day before its UTC publication day to the day after today when computed', () => {
    expect(metricDateWindow('2026-03-01T02:00:00Z', NOW)).toEqual({
      earliest: '2026-02-28',
      latest: '2026-06-16',
    });
  });

  it('should refuse a day before publication and a day not begun anywhere when checked', () => {
    const facts = { status: 'published', publishedAt: '2026-03-01T02:00:00Z', revenue: { currency: 'KRW' } };
    const row = { revenueMinor: null, currency: null };
    expect(checkAgainstDeliverable({ ...row, date: '2026-02-27' }, facts, NOW)).toEqual([
      { column: 'date', code: 'date_before_publication', params: { earliest: '2026-02-28' } },
    ]);
    expect(checkAgainstDeliverable({ ...row, date: '2026-06-17' }, facts, NOW)).toEqual([
      { column: 'date', code: 'date_in_future', params: { latest: '2026-06-16' } },
    ]);
    expect(checkAgainstDeliverable({ ...row, date: '2026-02-28' }, facts, NOW)).toEqual([]);
    expect(checkAgainstDeliverable({ ...row, date: '2026-06-16' }, facts, NOW)).toEqual([]);
  });

  it('should refuse any figure for a deliverable that is not published when checked', () => {
    const facts = { status: 'approved', publishedAt: null, revenue: { currency: 'KRW' } };
    expect(
      checkAgainstDeliverable({ date: '2026-03-01', revenueMinor: null, currency: null }, facts, NOW),
    ).toEqual([{ column: 'deliverable', code: 'not_published' }]);
  });
});

describe('the currency of revenue', () => {
  it("should be the revenue goals' currency, else the contract's, when worked out", () => {
    expect(
      revenueCurrencyFor(
        [
          { kpiMetric: 'revenue', targetCurrency: 'USD' },
          { kpiMetric: 'reach', targetCurrency: null },
        ],
        'IDR',
      ),
    ).toEqual({ currency: 'USD' });
    expect(revenueCurrencyFor([{ kpiMetric: 'reach', targetCurrency: null }], 'IDR')).toEqual({
      currency: 'IDR',
    });
    expect(
      revenueCurrencyFor(
        [
          { kpiMetric: 'revenue', targetCurrency: 'USD' },
          { kpiMetric: 'revenue', targetCurrency: 'KRW' },
        ],
        'KRW',
      ),
    ).toEqual({ conflict: ['KRW', 'USD'] });
  });

  it('should refuse revenue in another currency or without one when checked', () => {
    const facts = { status: 'published', publishedAt: '2026-03-01T02:00:00Z', revenue: { currency: 'USD' } };
    expect(
      checkAgainstDeliverable({ date: '2026-03-02', revenueMinor: 100, currency: 'IDR' }, facts, NOW),
    ).toEqual([{ column: 'currency', code: 'currency_mismatch', params: { expected: 'USD' } }]);
    expect(
      checkAgainstDeliverable({ date: '2026-03-02', revenueMinor: 100, currency: null }, facts, NOW),
    ).toEqual([{ column: 'currency', code: 'currency_required', params: { expected: 'USD' } }]);
    expect(
      checkAgainstDeliverable({ date: '2026-03-02', revenueMinor: 100, currency: 'USD' }, facts, NOW),
    ).toEqual([]);
  });
});

describe('goal-level outcomes', () => {
  const goal = { periodStart: '2026-01-01', periodEnd: '2026-12-31', targetCurrency: null };

  it("should be for a day of the goal's period that has begun when checked", () => {
    expect(
      checkAgainstGoal({ date: '2025-12-31', metric: 'conversions', currency: null }, goal, NOW),
    ).toEqual([
      {
        column: 'date',
        code: 'date_outside_goal_period',
        params: { start: '2026-01-01', end: '2026-12-31' },
      },
    ]);
    expect(
      checkAgainstGoal({ date: '2026-07-01', metric: 'conversions', currency: null }, goal, NOW),
    ).toEqual([{ column: 'date', code: 'date_in_future', params: { latest: '2026-06-16' } }]);
    expect(checkAgainstGoal({ date: '2026-06-01', metric: 'followers', currency: null }, goal, NOW)).toEqual(
      [],
    );
  });

  it("should take revenue only in a revenue goal's currency when checked", () => {
    expect(checkAgainstGoal({ date: '2026-06-01', metric: 'revenue', currency: 'USD' }, goal, NOW)).toEqual([
      { column: 'currency', code: 'revenue_needs_goal_currency' },
    ]);
    const revenueGoal = { ...goal, targetCurrency: 'USD' };
    expect(
      checkAgainstGoal({ date: '2026-06-01', metric: 'revenue', currency: 'KRW' }, revenueGoal, NOW),
    ).toEqual([{ column: 'currency', code: 'currency_mismatch', params: { expected: 'USD' } }]);
  });
});
