import { invoiceTotals } from '@agency-portal/shared';
import { IdempotencyKeys } from './idempotency-keys';
import { formTotals, lineInput, type InvoiceLineValue } from './invoice-lines';

function aLine(overrides: Partial<InvoiceLineValue> = {}): InvoiceLineValue {
  return {
    rateCardItemId: 'item-1',
    itemCode: 'REEL',
    unit: 'deliverable',
    rateCardPriceMinor: 1_500_000,
    deliverableId: 'deliverable-1',
    deliverableTitle: 'Reel 1',
    description: 'Short video',
    quantity: 1,
    unitPriceMinor: 1_500_000,
    goalId: 'goal-1',
    ...overrides,
  };
}

describe('formTotals', () => {
  it('should show each line and the totals by the shared rule when every line can be priced', () => {
    const lines = [
      aLine(),
      aLine({ unit: 'hour', deliverableId: null, quantity: 12.5, unitPriceMinor: 150_001 }),
    ];

    const shown = formTotals(lines, 1000);

    const expected = invoiceTotals(lines as { quantity: number; unitPriceMinor: number }[], 1000);
    expect(shown.lineAmountsMinor).toEqual(expected.lineAmountsMinor);
    expect(shown.totals).toEqual(expected);
    // 12.5 h × 150,001 = 1,875,012.5, rounded half up; tax once on the net.
    expect(shown.lineAmountsMinor).toEqual([1_500_000, 1_875_013]);
    expect(shown.totals?.taxMinor).toBe(337_501);
  });

  it('should leave out the totals but keep the valid lines when a deliverable quantity is fractional', () => {
    const shown = formTotals([aLine(), aLine({ quantity: 1.5 })], 1000);

    expect(shown.lineAmountsMinor).toEqual([1_500_000, null]);
    expect(shown.totals).toBeNull();
  });

  it('should show no totals when a price is empty or there are no lines', () => {
    expect(formTotals([aLine({ unitPriceMinor: null })], 1000).totals).toBeNull();
    expect(formTotals([], 1000)).toEqual({ lineAmountsMinor: [], totals: null });
  });

  it('should keep the two decimals of USD exact when hours carry decimals', () => {
    const shown = formTotals([aLine({ unit: 'hour', quantity: 1.15, unitPriceMinor: 10_000 })], 0);

    expect(shown.totals).toEqual({
      netMinor: 11_500,
      taxMinor: 0,
      grossMinor: 11_500,
      lineAmountsMinor: [11_500],
    });
  });
});

describe('lineInput', () => {
  it('should always send the price shown and no blank description when a line is submitted', () => {
    expect(lineInput(aLine({ description: '  ', unitPriceMinor: 1_650_000 }))).toEqual({
      rateCardItemId: 'item-1',
      quantity: 1,
      unitPriceMinor: 1_650_000,
      deliverableId: 'deliverable-1',
      goalId: 'goal-1',
      description: undefined,
    });
  });
});

describe('IdempotencyKeys', () => {
  it('should reuse the key when the same invoice is sent again before an answer', () => {
    const keys = new IdempotencyKeys(jest.fn().mockReturnValueOnce('key-1').mockReturnValueOnce('key-2'));

    expect(keys.keyFor({ number: 'A-1' })).toBe('key-1');
    expect(keys.keyFor({ number: 'A-1' })).toBe('key-1');
  });

  it('should use a new key when the invoice changed or the last attempt was answered', () => {
    const keys = new IdempotencyKeys(
      jest.fn().mockReturnValueOnce('key-1').mockReturnValueOnce('key-2').mockReturnValueOnce('key-3'),
    );

    expect(keys.keyFor({ number: 'A-1' })).toBe('key-1');
    expect(keys.keyFor({ number: 'A-2' })).toBe('key-2');
    keys.spend();
    expect(keys.keyFor({ number: 'A-2' })).toBe('key-3');
  });
});
