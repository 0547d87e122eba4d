import {
  allocatedAmount,
  allocationTotal,
  allowedContractActions,
  canDoContractAction,
  contractActions,
  isContractFieldEditable,
  isVisibleToAgency,
  lockedContractFields,
  renewalNoticeDate,
} from './contract-workflow';

describe('contract workflow', () => {
  it('should allow activation only from draft', () => {
    expect(canDoContractAction('draft', 'activate')).toBe(true);
    expect(canDoContractAction('active', 'activate')).toBe(false);
    expect(canDoContractAction('terminated', 'activate')).toBe(false);
  });

  it('should allow termination only from active', () => {
    expect(canDoContractAction('active', 'terminate')).toBe(true);
    expect(canDoContractAction('draft', 'terminate')).toBe(false);
    expect(canDoContractAction('expired', 'terminate')).toBe(false);
  });

  it('should freeze expired and terminated contracts', () => {
    expect(contractActions('expired')).toEqual([]);
    expect(contractActions('terminated')).toEqual([]);
  });

  it('should lock signed terms but not the budget or rate card when a contract is active', () => {
    expect(isContractFieldEditable('active', 'budgetCapMinor')).toBe(true);
    expect(isContractFieldEditable('active', 'rateCard')).toBe(true);
    expect(isContractFieldEditable('active', 'currency')).toBe(false);
    expect(isContractFieldEditable('active', 'endDate')).toBe(false);
    expect(isContractFieldEditable('draft', 'currency')).toBe(true);
    expect(isContractFieldEditable('expired', 'title')).toBe(false);
  });

  it('should hide drafts from agencies', () => {
    expect(isVisibleToAgency('draft')).toBe(false);
    expect(isVisibleToAgency('expired')).toBe(true);
  });

  it('should compute the renewal notice date across month ends', () => {
    expect(renewalNoticeDate('2026-03-31', 30)).toBe('2026-03-01');
    expect(renewalNoticeDate('2026-01-10', 15)).toBe('2025-12-26');
  });

  it('should total allocations and round allocated amounts down to whole minor units', () => {
    expect(allocationTotal([{ percent: 60 }, { percent: 40 }])).toBe(100);
    expect(allocatedAmount(1_000_001, 50)).toBe(500_000);
    expect(allocatedAmount(150_000_000, 33)).toBe(49_500_000);
    expect(allocatedAmount(100_000_000_000_001, 99)).toBe(99_000_000_000_000);
    expect(allocatedAmount(9_007_199_254_740_991, 33)).toBe(2_972_375_754_064_527);
  });
});

describe('contract rules shared with the web app', () => {
  it('should lock the signed terms of an active contract and leave a draft open', () => {
    const change = { title: 'New title', endDate: '2027-01-01', currency: 'USD', scope: undefined };
    expect(lockedContractFields('active', change)).toEqual(['endDate', 'currency']);
    expect(lockedContractFields('draft', change)).toEqual([]);
  });

  it('should count only whole percents towards the allocation total', () => {
    expect(allocationTotal([{ percent: 60 }, { percent: 30 }])).toBe(90);
    expect(allocationTotal([{ percent: 60 }, { percent: null }, { percent: 2.5 }, {}])).toBe(60);
  });

  it('should give the lifecycle actions to those who manage contracts only', () => {
    expect(allowedContractActions('draft', 'social_lead')).toEqual(['edit', 'activate', 'upload_document']);
    expect(allowedContractActions('active', 'finance')).toEqual([]);
    expect(allowedContractActions('expired', 'admin')).toEqual([]);
  });
});
