import type { SpendReportDto, SpendRowDto, SpendTotalDto } from '@agency-portal/shared';
import {
  SPEND_FILTERS,
  type SpendUrlFilters,
  openRow,
  reportQuery,
  rowLinesQuery,
  rowParam,
  spendOverTime,
} from './spend-query';

const AGENCY = '0b5e8f0e-4a36-4c55-9d6f-3f2a1c9e7b11';
const CONTRACT = '7d1c2b3a-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

function urlFilters(values: Partial<SpendUrlFilters> = {}): SpendUrlFilters {
  const filters = Object.fromEntries(SPEND_FILTERS.map((name) => [name, ''])) as SpendUrlFilters;
  return { ...filters, ...values };
}

function aRow(overrides: Partial<SpendRowDto>): SpendRowDto {
  return {
    key: '2026-01',
    label: '2026-01',
    currency: 'KRW',
    lineCount: 1,
    invoiceCount: 1,
    amountMinor: 0,
    approvedMinor: 0,
    paidMinor: 0,
    reporting: null,
    ...overrides,
  };
}

function aTotal(overrides: Partial<SpendTotalDto>): SpendTotalDto {
  return {
    currency: 'KRW',
    lineCount: 0,
    invoiceCount: 0,
    amountMinor: 0,
    approvedMinor: 0,
    paidMinor: 0,
    budgetCapMinor: 0,
    committedMinor: 0,
    ...overrides,
  };
}

function aReport(rows: SpendRowDto[], totals: SpendTotalDto[]): SpendReportDto {
  return {
    groupBy: 'month',
    filters: {},
    rows,
    totals,
    reportingCurrency: null,
    reportingTotalMinor: null,
    truncated: false,
  };
}

describe('reportQuery', () => {
  it('should group by month and ask for the live invoices when the URL has no filters', () => {
    expect(reportQuery(urlFilters())).toEqual({
      groupBy: 'month',
      from: undefined,
      to: undefined,
      agencyId: undefined,
      businessUnitId: undefined,
      goalId: undefined,
      contractId: undefined,
      status: undefined,
      currency: undefined,
      reportingCurrency: undefined,
    });
  });

  it('should pass every filter of the URL to the API when they are well formed', () => {
    const query = reportQuery(
      urlFilters({
        groupBy: 'agency',
        from: '2026-01-01',
        to: '2026-03-31',
        agencyId: AGENCY,
        contractId: CONTRACT,
        status: 'paid',
        currency: 'krw',
        reportingCurrency: 'USD',
      }),
    );

    expect(query).toMatchObject({
      groupBy: 'agency',
      from: '2026-01-01',
      to: '2026-03-31',
      agencyId: AGENCY,
      contractId: CONTRACT,
      status: 'paid',
      currency: 'KRW',
      reportingCurrency: 'USD',
    });
  });

  it('should leave out what a hand-edited URL gets wrong rather than earn a 400', () => {
    const query = reportQuery(
      urlFilters({
        groupBy: 'week',
        from: '2026-13-45',
        agencyId: 'not-an-id',
        status: 'lost',
        currency: 'XXQ',
      }),
    );

    expect(query).toMatchObject({
      groupBy: 'month',
      agencyId: undefined,
      status: undefined,
      currency: undefined,
    });
    expect(query.from).toBeUndefined();
  });
});

describe('openRow and rowLinesQuery', () => {
  it('should narrow the report filters to the row and its currency when a month row is open', () => {
    const filters = urlFilters({
      agencyId: AGENCY,
      status: 'paid',
      row: rowParam('month', { key: '2026-02', currency: 'KRW' }),
    });
    const row = openRow(filters);

    expect(row).toEqual({ groupBy: 'month', key: '2026-02', currency: 'KRW' });
    expect(row && rowLinesQuery(filters, row)).toMatchObject({
      month: '2026-02',
      agencyId: AGENCY,
      status: 'paid',
      currency: 'KRW',
    });
  });

  it('should ask for the contract of a contract row when the report is grouped by contract', () => {
    const filters = urlFilters({
      groupBy: 'contract',
      row: rowParam('contract', { key: CONTRACT, currency: 'USD' }),
    });
    const row = openRow(filters);

    expect(row && rowLinesQuery(filters, row)).toMatchObject({ contractId: CONTRACT, currency: 'USD' });
  });

  it('should ignore an open row of another grouping when the grouping changed', () => {
    const filters = urlFilters({
      groupBy: 'agency',
      row: rowParam('month', { key: '2026-02', currency: 'KRW' }),
    });

    expect(openRow(filters)).toBeUndefined();
  });

  it('should ignore a malformed row when the URL was edited by hand', () => {
    expect(openRow(urlFilters({ row: 'month~2026-2~KRW' }))).toBeUndefined();
    expect(openRow(urlFilters({ groupBy: 'agency', row: 'agency~nope~KRW' }))).toBeUndefined();
  });
});

describe('spendOverTime', () => {
  it('should fill months without spend and run the sum when spend has gaps', () => {
    const report = aReport(
      [
        aRow({ key: '2026-03', amountMinor: 300 }),
        aRow({ key: '2026-01', amountMinor: 100 }),
        aRow({ key: '2026-01', currency: 'USD', amountMinor: 999 }),
      ],
      [aTotal({ currency: 'KRW', budgetCapMinor: 1000, committedMinor: 600 }), aTotal({ currency: 'USD' })],
    );

    expect(spendOverTime(report, 'KRW')).toEqual({
      currency: 'KRW',
      months: ['2026-01', '2026-02', '2026-03'],
      spent: [100, 0, 300],
      cumulative: [100, 100, 400],
      budgetCapMinor: 1000,
      committedMinor: 600,
    });
  });

  it('should cross the year when spend runs from December into January', () => {
    const report = aReport(
      [aRow({ key: '2025-12', amountMinor: 5 }), aRow({ key: '2026-01', amountMinor: 7 })],
      [aTotal({ currency: 'KRW' })],
    );

    expect(spendOverTime(report, 'KRW')?.months).toEqual(['2025-12', '2026-01']);
  });

  it('should draw nothing when the report has no spend in the currency', () => {
    expect(
      spendOverTime(aReport([aRow({ currency: 'USD' })], [aTotal({ currency: 'USD' })]), 'KRW'),
    ).toBeNull();
  });
});
