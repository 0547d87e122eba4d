import { TestBed } from '@angular/core/testing';
import type { SpendTotalDto } from '@agency-portal/shared';
import { SpendTotals } from './spend-totals';

function aTotal(overrides: Partial<SpendTotalDto>): SpendTotalDto {
  return {
    currency: 'KRW',
    lineCount: 3,
    invoiceCount: 2,
    amountMinor: 0,
    approvedMinor: 0,
    paidMinor: 0,
    budgetCapMinor: 0,
    committedMinor: 0,
    ...overrides,
  };
}

async function render(inputs: Record<string, unknown>): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(SpendTotals);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

/** Money is formatted with a no-break space after the code. */
function text(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function cells(row: Element | null): string[] {
  return Array.from(row?.querySelectorAll('th, td') ?? [], (cell) => text(cell));
}

describe('SpendTotals', () => {
  it('should show one row per currency in its own decimals and never a sum across them', async () => {
    const element = await render({
      totals: [
        aTotal({
          currency: 'KRW',
          amountMinor: 48000000,
          approvedMinor: 48000000,
          paidMinor: 0,
          budgetCapMinor: 180000000,
        }),
        aTotal({
          currency: 'USD',
          amountMinor: 1250050,
          approvedMinor: 50,
          paidMinor: 50,
          budgetCapMinor: 5000000,
        }),
      ],
    });

    const rows = element.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(cells(element.querySelector('[data-testid="total-KRW"]')).slice(0, 5)).toEqual([
      'KRW',
      'KRW 48,000,000',
      'KRW 48,000,000',
      'KRW 0',
      'KRW 180,000,000',
    ]);
    expect(cells(element.querySelector('[data-testid="total-USD"]')).slice(0, 5)).toEqual([
      'USD',
      'USD 12,500.50',
      'USD 0.50',
      'USD 0.50',
      'USD 50,000.00',
    ]);
    expect(element.textContent).not.toMatch(/48,012,500|Grand total/);
    expect(element.querySelector('[data-testid="reporting-total"]')).toBeNull();
  });

  it('should show the reporting currency total and warn when some months had no rate', async () => {
    const element = await render({
      totals: [aTotal({ currency: 'KRW', amountMinor: 1000 })],
      reportingCurrency: 'USD',
      reportingTotalMinor: 73,
      missingRates: true,
    });

    const reporting = text(element.querySelector('[data-testid="reporting-total"]'));
    expect(reporting).toContain('In USD at finance’s monthly rates: USD 0.73');
    expect(reporting).toContain('Rows without a rate for their month are left out');
  });
});
