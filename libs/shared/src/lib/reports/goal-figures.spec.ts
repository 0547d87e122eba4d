import {
  bucketFor,
  bucketStart,
  costPerResult,
  goalPace,
  kpiSeries,
  returnOnSpend,
  rollUpToMasters,
  type DeliverableFigures,
} from './goal-figures';

// A 30-day goal: 1–30 March 2026, target 30,000.
const MARCH = { periodStart: '2026-03-01', periodEnd: '2026-03-30', target: 30_000 };

describe('goalPace', () => {
  it('should project the run rate to the end and call it on track when 12,000 after 10 of 30 days projects 36,000', () => {
    expect(goalPace({ ...MARCH, today: '2026-03-11', actual: 12_000 })).toEqual({
      status: 'on_track',
      elapsedDays: 10,
      totalDays: 30,
      expectedToDate: 10_000,
      percentOfTarget: 40,
      projectedEnd: 36_000,
    });
  });

  it('should call it behind when 9,000 after 10 days projects 27,000', () => {
    const pace = goalPace({ ...MARCH, today: '2026-03-11', actual: 9_000 });

    expect(pace.status).toBe('behind');
    expect(pace.projectedEnd).toBe(27_000);
    expect(pace.percentOfTarget).toBe(30);
  });

  it('should call it missed when the period is over short of the target, and achieved once it is reached', () => {
    expect(goalPace({ ...MARCH, today: '2026-04-05', actual: 29_000 }).status).toBe('missed');
    expect(goalPace({ ...MARCH, today: '2026-04-05', actual: 29_000 }).elapsedDays).toBe(30);
    expect(goalPace({ ...MARCH, today: '2026-03-20', actual: 30_000 }).status).toBe('achieved');
  });

  it('should not project anything when no day of the period is complete yet', () => {
    expect(goalPace({ ...MARCH, today: '2026-03-01', actual: 0 })).toMatchObject({
      status: 'not_started',
      elapsedDays: 0,
      projectedEnd: null,
      expectedToDate: 0,
    });
  });
});

describe('kpiSeries', () => {
  it('should chart each day with missing days as 0, the running total up to yesterday and the planned line', () => {
    const series = kpiSeries({
      periodStart: '2026-03-01',
      periodEnd: '2026-03-07',
      today: '2026-03-05',
      target: 700,
      sums: [
        { date: '2026-03-04', value: 200 },
        { date: '2026-03-01', value: 100 },
        { date: '2026-03-02', value: 50 },
      ],
    });

    expect(series.bucket).toBe('day');
    expect(series.points.map((p) => [p.date, p.value, p.cumulative, p.plannedCumulative])).toEqual([
      ['2026-03-01', 100, 100, 100],
      ['2026-03-02', 50, 150, 200],
      ['2026-03-03', 0, 150, 300],
      ['2026-03-04', 200, 350, 400],
      ['2026-03-05', 0, null, 500],
      ['2026-03-06', 0, null, 600],
      ['2026-03-07', 0, null, 700],
    ]);
  });

  it('should chart by 7-day blocks from the start when the period is longer than 92 days, the last block short', () => {
    expect(bucketFor('2026-03-01', '2026-05-31')).toBe('day');
    expect(bucketFor('2026-03-01', '2026-06-30')).toBe('week');
    expect(bucketStart('2026-03-09', '2026-03-01', 'week')).toBe('2026-03-08');

    const series = kpiSeries({
      periodStart: '2026-03-01',
      periodEnd: '2026-06-30',
      today: '2026-07-10',
      target: 1220,
      sums: [{ date: '2026-03-08', value: 70 }],
    });

    expect(series.points).toHaveLength(18);
    expect(series.points[1]).toEqual({
      date: '2026-03-08',
      value: 70,
      cumulative: 70,
      plannedCumulative: 140,
    });
    expect(series.points[17]).toEqual({
      date: '2026-06-28',
      value: 0,
      cumulative: 70,
      plannedCumulative: 1220,
    });
  });
});

describe('costPerResult', () => {
  it('should divide ₩1,250,000 by each result, per thousand for impressions, rounding half up', () => {
    expect(
      costPerResult(1_250_000, { impressions: 500_000, engagements: 25_000, clicks: 4_000, conversions: 0 }),
    ).toEqual({
      perThousandImpressionsMinor: 2_500,
      perEngagementMinor: 50,
      perClickMinor: 313,
      perConversionMinor: null,
    });
  });

  it('should give no cost, rather than 0, when nothing has been invoiced yet', () => {
    expect(costPerResult(0, { impressions: 6_000, engagements: 600, clicks: 60, conversions: 6 })).toEqual({
      perThousandImpressionsMinor: null,
      perEngagementMinor: null,
      perClickMinor: null,
      perConversionMinor: null,
    });
  });

  it('should give no cost for a result that was not reported', () => {
    expect(
      costPerResult(900, { impressions: null, engagements: null, clicks: 3, conversions: null }),
    ).toEqual({
      perThousandImpressionsMinor: null,
      perEngagementMinor: null,
      perClickMinor: 300,
      perConversionMinor: null,
    });
  });
});

describe('returnOnSpend', () => {
  it('should be 20 % when 1,500,000 came back for 1,250,000, and −20 % for 1,000,000', () => {
    expect(returnOnSpend(1_500_000, 1_250_000)).toBe(0.2);
    expect(returnOnSpend(1_000_000, 1_250_000)).toBe(-0.2);
  });

  it('should be unknown without revenue or without spend', () => {
    expect(returnOnSpend(null, 1_000)).toBeNull();
    expect(returnOnSpend(5_000, 0)).toBeNull();
  });
});

describe('rollUpToMasters', () => {
  const row = (over: Partial<DeliverableFigures> & { id: string }): DeliverableFigures => ({
    derivedFromId: null,
    impressions: null,
    reach: null,
    engagements: null,
    clicks: null,
    videoViews: null,
    conversions: null,
    spendMinor: 0,
    revenueMinor: null,
    ...over,
  });

  it('should add every cut, a cut of a cut included, to its master and keep an orphan cut as its own master', () => {
    const master = row({ id: 'm', spendMinor: 1_000, impressions: 100 });
    const cut = row({ id: 'a', derivedFromId: 'm', spendMinor: 300, impressions: 50, revenueMinor: 500 });
    const cutOfCut = row({ id: 'b', derivedFromId: 'a', spendMinor: 200, clicks: 5 });
    const orphan = row({ id: 's', derivedFromId: 'not-listed', spendMinor: 70 });

    const rolled = rollUpToMasters([cutOfCut, master, orphan, cut]);

    expect(rolled.map((group) => [group.master.id, group.cuts.map((c) => c.id)])).toEqual([
      ['m', ['b', 'a']],
      ['s', []],
    ]);
    expect(rolled[0]?.total).toEqual({
      impressions: 150,
      reach: null,
      engagements: null,
      clicks: 5,
      videoViews: null,
      conversions: null,
      spendMinor: 1_500,
      revenueMinor: 500,
    });
    expect(rolled[1]?.total.spendMinor).toBe(70);
  });
});
