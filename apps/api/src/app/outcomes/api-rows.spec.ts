import { checkMetricRows, checkOutcomeRows } from './api-rows';

const ID = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';

describe('integration batch rows', () => {
  it('should read counts, revenue and the channel when a row is well formed', () => {
    const { rows, errors } = checkMetricRows([
      {
        deliverableId: ID.toUpperCase(),
        date: '2026-03-01',
        channel: 'tiktok',
        videoViews: 12,
        revenueMinor: 990,
        currency: 'USD',
      },
    ]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 1,
        deliverableId: ID,
        date: '2026-03-01',
        channel: 'tiktok',
        counts: { video_views: 12 },
        revenueMinor: 990,
        currency: 'USD',
      },
    ]);
  });

  it('should report every problem of every row with its line and property when rows are wrong', () => {
    const { rows, errors } = checkMetricRows([
      { deliverableId: 'nope', date: '01/03/2026', impressions: 1.5, channel: 'myspace' },
      { deliverableId: ID, date: '2026-03-01', reach: 3_000_000_000, currency: 'XXY', revenueMinor: -1 },
      'a string',
      { deliverableId: ID, date: '2026-03-02', clicks: 1 },
      { deliverableId: ID, date: '2026-03-02', clicks: 2 },
    ]);
    expect(rows).toHaveLength(1);
    expect(errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [1, 'deliverableId', 'deliverable_not_found'],
      [1, 'date', 'not_a_date'],
      [1, 'channel', 'unknown_channel'],
      [1, 'impressions', 'not_a_number'],
      [2, 'reach', 'value_too_large'],
      [2, 'revenueMinor', 'negative_value'],
      [2, 'currency', 'unknown_currency'],
      [3, null, 'no_values'],
      [5, null, 'duplicate_row'],
    ]);
  });

  it('should take a null goal outcome as a removal and revenue in minor units when outcomes are sent', () => {
    const { rows, errors } = checkOutcomeRows([
      { date: '2026-03-01', metric: 'conversions', value: null },
      { date: '2026-03-01', metric: 'revenue', value: 120050, currency: 'USD', note: ' GA4 ' },
      { date: '2026-03-01', metric: 'signups', value: 1 },
      { date: '2026-03-02', metric: 'reach' },
    ]);
    expect(rows.map((row) => [row.metric, row.value, row.currency, row.note])).toEqual([
      ['conversions', null, null, ''],
      ['revenue', 120050, 'USD', 'GA4'],
    ]);
    expect(errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [3, 'metric', 'unknown_metric'],
      [4, 'value', 'missing_value'],
    ]);
  });
});
