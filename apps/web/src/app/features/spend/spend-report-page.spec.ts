import type { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionUser, SpendLineDto, SpendReportDto, SpendReportQuery } from '@agency-portal/shared';
import { of } from 'rxjs';
import { CHART_FACTORY } from '../../shared/chart/chart';
import { aPage, aSessionUser } from '../../testing/fixtures';
import { provideSignedIn } from '../../testing/auth';
import { provideFakeLookups } from '../../testing/lookups';
import { SpendReportPage } from './spend-report-page';
import { SpendService } from './spend.service';

const AGENCY = '0b5e8f0e-4a36-4c55-9d6f-3f2a1c9e7b11';
const OTHER_AGENCY = '1c6f9a1f-5b47-4d66-8e7a-4a3b2d0f8c22';

function aReport(query: SpendReportQuery): SpendReportDto {
  const month = query.groupBy === 'month';
  return {
    groupBy: query.groupBy,
    filters: {},
    rows: [
      {
        key: month ? '2026-02' : AGENCY,
        label: month ? '2026-02' : 'Northwind Social',
        currency: 'KRW',
        lineCount: 2,
        invoiceCount: 1,
        amountMinor: 48000000,
        approvedMinor: 48000000,
        paidMinor: 48000000,
        reporting: null,
      },
      {
        key: month ? '2026-02' : OTHER_AGENCY,
        label: month ? '2026-02' : 'Southpeak Media',
        currency: 'USD',
        lineCount: 1,
        invoiceCount: 1,
        amountMinor: 125050,
        approvedMinor: 0,
        paidMinor: 0,
        reporting: null,
      },
    ],
    totals: [
      {
        currency: 'KRW',
        lineCount: 2,
        invoiceCount: 1,
        amountMinor: 48000000,
        approvedMinor: 48000000,
        paidMinor: 48000000,
        budgetCapMinor: 180000000,
        committedMinor: 60000000,
      },
      {
        currency: 'USD',
        lineCount: 1,
        invoiceCount: 1,
        amountMinor: 125050,
        approvedMinor: 0,
        paidMinor: 0,
        budgetCapMinor: 5000000,
        committedMinor: 0,
      },
    ],
    reportingCurrency: null,
    reportingTotalMinor: null,
    truncated: false,
  };
}

const LINE: SpendLineDto = {
  lineId: 'line-1',
  invoiceId: 'invoice-1',
  invoiceNumber: 'NW-2026-001',
  invoiceStatus: 'paid',
  issueDate: '2026-02-10',
  agencyId: AGENCY,
  agencyName: 'Northwind Social',
  contractId: 'contract-1',
  contractReference: 'NW-2026-KR-01',
  businessUnitId: 'unit-1',
  goalId: 'goal-1',
  goalName: 'Brand awareness',
  deliverableId: 'deliverable-1',
  deliverableTitle: 'Launch reel',
  itemCode: 'REEL',
  description: 'Launch reel',
  quantity: 1,
  unitPriceMinor: 48000000,
  amountMinor: 48000000,
  currency: 'KRW',
};

describe('SpendReportPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let spend: { report: jest.Mock; lines: jest.Mock; export: jest.Mock };
  let charts: { config: { data: { labels?: string[] } } }[];

  async function render(user: SessionUser, url: string): Promise<void> {
    spend = {
      report: jest.fn((query: SpendReportQuery) => of(aReport(query))),
      lines: jest.fn(() => of({ ...aPage([LINE]), total: { count: 1, exact: true } })),
      export: jest.fn(),
    };
    charts = [];
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'spend', component: SpendReportPage }]),
        provideFakeLookups(),
        { provide: SpendService, useValue: spend },
        {
          provide: CHART_FACTORY,
          useValue: (_canvas: HTMLCanvasElement, config: { data: { labels?: string[] } }) => {
            charts.push({ config });
            return { destroy: jest.fn() };
          },
        },
        provideSignedIn(user),
      ],
    });
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    await harness.fixture.whenStable();
  }

  function element(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  function text(selector: string): string {
    return element().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  it('should ask the report for the filters and grouping in the URL, and the months for its chart', async () => {
    await render(
      aSessionUser({ role: 'finance' }),
      `/spend?groupBy=agency&agencyId=${AGENCY}&status=paid&from=2026-01-01&to=bad&reportingCurrency=USD`,
    );

    expect(spend.report).toHaveBeenCalledWith(
      expect.objectContaining({
        groupBy: 'agency',
        agencyId: AGENCY,
        status: 'paid',
        from: '2026-01-01',
        to: undefined,
        reportingCurrency: 'USD',
      }),
    );
    expect(spend.report).toHaveBeenCalledWith(
      expect.objectContaining({
        groupBy: 'month',
        agencyId: AGENCY,
        status: 'paid',
        reportingCurrency: undefined,
      }),
    );
    expect(spend.lines).not.toHaveBeenCalled();
  });

  it('should show the totals per currency and chart the first currency against its budget', async () => {
    await render(aSessionUser({ role: 'finance' }), '/spend');

    expect(spend.report).toHaveBeenCalledTimes(1);
    expect(text('[data-testid="total-KRW"] [data-testid="total-amount"]')).toBe('KRW 48,000,000');
    expect(text('[data-testid="total-USD"] [data-testid="total-amount"]')).toBe('USD 1,250.50');
    expect(text('figcaption')).toBe('Spend over time against budget, in KRW');
    expect(charts.at(-1)?.config.data.labels).toEqual(['Feb 2026']);
  });

  it('should put the grouping into the URL when finance groups by contract', async () => {
    await render(aSessionUser({ role: 'finance' }), '/spend');
    const router = TestBed.inject(Router);
    const groupBy = (await (
      await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Group by' }))
    ).getControl(MatSelectHarness)) as MatSelectHarness;

    await groupBy.open();
    await groupBy.clickOptions({ text: 'Contract' });
    await harness.fixture.whenStable();

    expect(router.url).toBe('/spend?groupBy=contract');
    expect(spend.report).toHaveBeenCalledWith(expect.objectContaining({ groupBy: 'contract' }));
  });

  it('should open the lines of a row, narrowed to its group and currency, with links to invoice, goal and deliverable', async () => {
    await render(aSessionUser({ role: 'finance' }), `/spend?groupBy=agency&status=paid`);
    const router = TestBed.inject(Router);

    const button = element().querySelector<HTMLButtonElement>(
      'button[aria-label="Invoice lines of Northwind Social in KRW"]',
    );
    button?.click();
    await harness.fixture.whenStable();

    expect(router.url).toContain(`row=agency~${AGENCY}~KRW`);
    expect(spend.lines).toHaveBeenCalledWith(
      expect.objectContaining({
        agencyId: AGENCY,
        currency: 'KRW',
        status: 'paid',
        sort: '-issueDate',
        limit: 25,
      }),
    );
    const lines = element().querySelector('[data-testid="spend-lines"]');
    expect(lines?.querySelector('h2')?.textContent).toContain('Invoice lines of Northwind Social in KRW');
    const links = Array.from(lines?.querySelectorAll('a') ?? [], (link) => link.getAttribute('href'));
    expect(links).toEqual([
      '/invoices/invoice-1',
      '/contracts/contract-1',
      '/goals/goal-1',
      '/deliverables/deliverable-1',
    ]);
  });

  it('should show the figures without the lines behind them when the reader is a viewer', async () => {
    await render(aSessionUser({ role: 'viewer' }), `/spend?groupBy=agency&row=agency~${AGENCY}~KRW`);

    expect(text('[data-testid="total-KRW"] [data-testid="total-amount"]')).toBe('KRW 48,000,000');
    expect(element().querySelector('button[aria-label^="Invoice lines of"]')).toBeNull();
    expect(element().querySelector('[data-testid="spend-lines"]')).toBeNull();
    expect(spend.lines).not.toHaveBeenCalled();
  });
});
