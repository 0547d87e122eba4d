import type { RateCardItemDto } from '@agency-portal/shared';
import { briefEstimateMinor, specEstimateMinor } from './brief-estimate';

const RATE_CARD: RateCardItemDto[] = [
  { id: 'item-1', code: 'POST', description: 'Feed post', unit: 'deliverable', unitPriceMinor: 300000 },
  { id: 'item-2', code: 'REEL', description: 'Reel', unit: 'deliverable', unitPriceMinor: 1500005 },
];

describe('brief estimate', () => {
  it('should price a spec as unit price times quantity in minor units when the item is on the rate card', () => {
    expect(specEstimateMinor({ rateCardItemId: 'item-2', quantity: 3 }, RATE_CARD)).toBe(4500015);
  });

  it('should not price a spec when its item or a whole quantity is missing', () => {
    expect(specEstimateMinor({ rateCardItemId: '', quantity: 3 }, RATE_CARD)).toBeNull();
    expect(specEstimateMinor({ rateCardItemId: 'item-1', quantity: null }, RATE_CARD)).toBeNull();
    expect(specEstimateMinor({ rateCardItemId: 'item-1', quantity: 1.5 }, RATE_CARD)).toBeNull();
  });

  it('should add up the priced specs when some are incomplete', () => {
    const lines = [
      { rateCardItemId: 'item-1', quantity: 2 },
      { rateCardItemId: 'item-2', quantity: 1 },
      { rateCardItemId: '', quantity: 4 },
    ];

    expect(briefEstimateMinor(lines, RATE_CARD)).toBe(2100005);
  });
});
