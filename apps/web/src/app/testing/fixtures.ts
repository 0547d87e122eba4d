import type {
  ApprovalStepDto,
  BriefDetailDto,
  CommentDto,
  ContractDetailDto,
  DeliverableDetailDto,
  GoalDetailDto,
  InvoiceDetailDto,
  InvoiceDraftDto,
  LoginResponse,
  NotificationDto,
  Page,
  Role,
  SessionUser,
  UserDto,
} from '@agency-portal/shared';
import { ROLE_PERMISSIONS } from '@agency-portal/shared';

/** Test data only. */

/** The in-house owner most records name. */
const SAM_LEAD = { id: 'user-2', name: 'Sam Lead', email: 'sam@brand.test' };

/** What a draft and a submitted invoice both bill: one approved feed post, at the rate card's price. */
const FEED_POST_LINE: InvoiceDraftDto['lines'][number] = {
  rateCardItemId: 'item-1',
  itemCode: 'POST',
  description: 'Feed post',
  unit: 'deliverable',
  quantity: 1,
  unitPriceMinor: 300000,
  amountMinor: 300000,
  deliverableId: 'deliverable-1',
  deliverableTitle: 'Spring post 1',
  briefId: 'brief-1',
  goalId: 'goal-1',
  goalName: 'Spring awareness',
};

/** That line's totals, with 10 % tax. */
const FEED_POST_TOTALS = {
  currency: 'KRW',
  taxRateBp: 1000,
  netMinor: 300000,
  taxMinor: 30000,
  grossMinor: 330000,
} as const;

/** One page of a list, the last unless a next cursor is given. */
export function aPage<T>(items: T[], nextCursor: string | null = null): Page<T> {
  return { items, nextCursor, limit: 25 };
}
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
    locale: 'en',
    timeZone: null,
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
    locale: 'en',
    timeZone: null,
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
    owner: { ...SAM_LEAD },
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
    allowedActions: [],
    ...overrides,
  };
}

export function aGoal(overrides: Partial<GoalDetailDto> = {}): GoalDetailDto {
  return {
    id: 'goal-1',
    businessUnitId: 'unit-1',
    businessUnitName: 'Korea',
    owner: { ...SAM_LEAD },
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
    contractCount: 0,
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

export function aBrief(overrides: Partial<BriefDetailDto> = {}): BriefDetailDto {
  return {
    id: 'brief-1',
    contractId: 'contract-1',
    contractReference: 'SOW-2026-014',
    agencyId: 'agency-1',
    agencyName: 'Bright Social',
    currency: 'KRW',
    goals: [{ id: 'goal-1', name: 'Spring awareness' }],
    title: 'Spring launch reels',
    objective: 'Launch the spring range.',
    audience: 'Women 25–34 in Seoul.',
    keyMessages: ['Light as air', 'Made in Korea'],
    channels: ['instagram'],
    funnelStage: 'awareness',
    dueDate: '2026-04-15',
    budgetEstimateMinor: 600000,
    status: 'sent',
    declineReason: null,
    budgetOverride: null,
    sentAt: '2026-03-02T09:00:00.000Z',
    answeredAt: null,
    createdBy: { ...SAM_LEAD },
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    specs: [
      {
        id: 'spec-1',
        rateCardItemId: 'item-1',
        rateCardCode: 'POST',
        description: 'Feed post',
        quantity: 2,
        dueDate: '2026-04-10',
        channel: 'instagram',
        estimateMinor: 600000,
      },
    ],
    deliverables: [],
    deliverableCount: 0,
    allowedActions: [],
    ...overrides,
  };
}

export function aDeliverable(overrides: Partial<DeliverableDetailDto> = {}): DeliverableDetailDto {
  return {
    id: 'deliverable-1',
    briefId: 'brief-1',
    title: 'Feed post 1',
    rateCardCode: 'POST',
    channel: 'instagram',
    dueDate: '2026-04-10',
    status: 'in_review',
    derivedFromId: null,
    latestVersionNumber: 1,
    currentStep: 0,
    stepDueAt: '2026-04-02T09:00:00.000Z',
    thumbnail: { fileId: 'file-1', fileName: 'post.png', contentType: 'image/png' },
    briefTitle: 'Spring launch reels',
    goals: [{ goalId: 'goal-1', goalName: 'Spring awareness' }],
    contractId: 'contract-1',
    contractOwner: { ...SAM_LEAD },
    agencyId: 'agency-1',
    agencyName: 'Bright Social',
    derivedFrom: null,
    derivatives: [],
    derivativeCount: 0,
    postUrl: null,
    publishedAt: null,
    versions: [
      {
        id: 'version-1',
        number: 1,
        copyText: 'Spring is here.',
        files: [
          {
            id: 'file-1',
            fileName: 'post.png',
            contentType: 'image/png',
            sizeBytes: 204800,
            sha256: 'ab'.repeat(32),
            renditions: [],
          },
        ],
        uploadedBy: { id: 'user-7', name: 'Mo Member', email: 'mo@bright.test' },
        submittedAt: '2026-03-05T10:00:00.000Z',
      },
    ],
    versionCount: 1,
    policy: {
      source: 'coe_template',
      explanation: 'Inherited from the CoE template of Global Social',
      policyId: 'policy-1',
      name: 'Brand and legal review',
      steps: [
        aStep({ name: 'Brand review', approverRole: 'social_lead', slaHours: 24 }),
        aStep({ name: 'Legal', approverUserIds: ['user-legal'], slaHours: 48 }),
      ],
    },
    decisions: [],
    allowedActions: [],
    ...overrides,
  };
}

/** An approval step: a name, no approvers and no options unless `overrides` say. */
export function aStep(overrides: Partial<ApprovalStepDto> = {}): ApprovalStepDto {
  return {
    name: 'Step',
    approverRole: null,
    approverUserIds: [],
    contractOwner: false,
    allowEarlierApprovers: false,
    slaHours: 24,
    ...overrides,
  };
}

export function aComment(overrides: Partial<CommentDto> = {}): CommentDto {
  return {
    id: 'comment-1',
    versionId: 'version-1',
    parentId: null,
    author: { ...SAM_LEAD },
    body: 'Make the logo larger.',
    pin: null,
    resolved: false,
    resolvedBy: null,
    createdAt: '2026-03-05T11:00:00.000Z',
    ...overrides,
  };
}

export function anInvoiceDraft(overrides: Partial<InvoiceDraftDto> = {}): InvoiceDraftDto {
  return {
    contractId: 'contract-1',
    contractReference: 'SOW-2026-014',
    ...FEED_POST_TOTALS,
    lines: [{ ...FEED_POST_LINE }],
    remainingDeliverables: 0,
    ...overrides,
  };
}

export function anInvoice(overrides: Partial<InvoiceDetailDto> = {}): InvoiceDetailDto {
  return {
    id: 'invoice-1',
    agencyId: 'agency-1',
    agencyName: 'Bright Social',
    contractId: 'contract-1',
    contractReference: 'SOW-2026-014',
    businessUnitId: 'unit-1',
    number: 'BS-0042',
    issueDate: '2026-05-02',
    dueDate: '2026-06-01',
    ...FEED_POST_TOTALS,
    status: 'submitted',
    approvalsRequired: 1,
    approvalCount: 0,
    overdue: false,
    checks: { overBudget: null, priceDeviations: 0, quantityBeyondSpec: 0 },
    submittedBy: { id: 'user-7', name: 'Mina Agency', email: 'mina@bright.test' },
    submittedAt: '2026-05-02T09:00:00.000Z',
    rejectionReason: null,
    paymentDate: null,
    paymentReference: null,
    version: 1,
    updatedAt: '2026-05-02T09:00:00.000Z',
    notes: '',
    document: {
      id: 'file-1',
      fileName: 'BS-0042.pdf',
      sizeBytes: 2048,
      sha256: 'ab'.repeat(32),
      uploadedAt: '2026-05-02T08:59:00.000Z',
    },
    lines: [
      {
        id: 'line-1',
        position: 0,
        ...FEED_POST_LINE,
        rateCardPriceMinor: 300000,
        checks: { priceDeviationMinor: null, quantityBeyondSpec: null },
      },
    ],
    approvals: [],
    rejectedBy: null,
    paidBy: null,
    withdrawnBy: null,
    allowedActions: [],
    ...overrides,
  };
}
