import type {
  ContractDetailDto,
  GoalDetailDto,
  LoginResponse,
  NotificationDto,
  Role,
  SessionUser,
  UserDto,
} from '@agency-portal/shared';
import { ROLE_PERMISSIONS } from '@agency-portal/shared';

/** Test data only. */
export function aSessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  const role: Role = overrides.role ?? 'admin';
  return {
    id: 'user-1',
    email: 'ada@brand.test',
    name: 'Ada Admin',
    role,
    agencyId: null,
    agencyName: null,
    permissions: [...ROLE_PERMISSIONS[role]],
    ...overrides,
  };
}

export function aLoginResponse(accessToken: string, user = aSessionUser()): LoginResponse {
  return { accessToken, tokenType: 'Bearer', expiresIn: 900, user };
}

export function aUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 'user-2',
    email: 'sam@brand.test',
    name: 'Sam Lead',
    role: 'social_lead',
    agencyId: null,
    agencyName: null,
    businessUnitId: null,
    businessUnitName: null,
    active: true,
    passwordSet: true,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aContract(overrides: Partial<ContractDetailDto> = {}): ContractDetailDto {
  return {
    id: 'contract-1',
    agencyId: 'agency-1',
    agencyName: 'Bright Social',
    businessUnitId: 'unit-1',
    businessUnitName: 'Korea',
    owner: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
    reference: 'SOW-2026-014',
    title: 'Always-on social',
    scope: 'Three feed posts a week.',
    startDate: '2026-03-01',
    endDate: '2026-12-31',
    currency: 'KRW',
    budgetCapMinor: 50000000,
    renewalNoticeDays: 30,
    status: 'draft',
    terminationReason: null,
    terminatedAt: null,
    activatedAt: null,
    signedDocument: null,
    internalNotes: 'Negotiated down 5%.',
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    rateCard: [
      { id: 'item-1', code: 'POST', description: 'Feed post', unit: 'deliverable', unitPriceMinor: 300000 },
    ],
    allocations: [{ goalId: 'goal-1', goalName: 'Spring awareness', percent: 60, allocatedMinor: 30000000 }],
    budget: {
      currency: 'KRW',
      capMinor: 50000000,
      committedMinor: 12000000,
      invoicedMinor: 6000000,
      approvedMinor: 4000000,
      paidMinor: 2000000,
      remainingMinor: 38000000,
    },
    ...overrides,
  };
}

export function aGoal(overrides: Partial<GoalDetailDto> = {}): GoalDetailDto {
  return {
    id: 'goal-1',
    businessUnitId: 'unit-1',
    businessUnitName: 'Korea',
    owner: { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' },
    name: 'Spring awareness',
    description: '',
    kpiMetric: 'impressions',
    targetValue: 1000000,
    targetCurrency: null,
    periodStart: '2026-03-01',
    periodEnd: '2026-05-31',
    channels: ['instagram'],
    funnelStage: 'awareness',
    status: 'active',
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    contracts: [],
    ...overrides,
  };
}

export function aNotification(overrides: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id: 'notice-1',
    kind: 'contract_activated',
    title: 'SOW-2026-014 is active',
    body: 'Always-on social was activated.',
    link: '/contracts/contract-1',
    readAt: null,
    createdAt: '2026-03-01T09:00:00.000Z',
    ...overrides,
  };
}
