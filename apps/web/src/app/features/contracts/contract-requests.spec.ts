import type { CreateContractRequest } from '@agency-portal/shared';
import { toUpdateRequest } from './contract-requests';

const request: CreateContractRequest = {
  agencyId: 'agency-1',
  businessUnitId: 'unit-1',
  ownerId: 'user-2',
  reference: 'SOW-1',
  title: 'Always-on social',
  scope: 'Posts',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  currency: 'KRW',
  budgetCapMinor: 50000000,
  renewalNoticeDays: 30,
  internalNotes: 'Negotiated down 5%.',
  rateCard: [{ code: 'POST', description: 'Feed post', unit: 'deliverable', unitPriceMinor: 300000 }],
  allocations: [{ goalId: 'goal-1', percent: 60 }],
};

describe('toUpdateRequest', () => {
  it('should send everything but the agency when the contract is a draft', () => {
    const { agencyId: _agencyId, ...expected } = request;

    expect(toUpdateRequest(request, 'draft')).toEqual(expected);
  });

  it('should leave out the locked fields when the contract is active', () => {
    expect(toUpdateRequest(request, 'active')).toEqual({
      title: 'Always-on social',
      scope: 'Posts',
      internalNotes: 'Negotiated down 5%.',
      renewalNoticeDays: 30,
      ownerId: 'user-2',
      budgetCapMinor: 50000000,
      rateCard: request.rateCard,
      allocations: request.allocations,
    });
  });
});
