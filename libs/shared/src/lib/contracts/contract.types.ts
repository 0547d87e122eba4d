import type { ListQuery } from '../common/page';
import type { UserRef } from '../organisation/organisation.types';

export const CONTRACT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const RATE_UNITS = ['deliverable', 'hour', 'month'] as const;
export type RateUnit = (typeof RATE_UNITS)[number];
export interface RateCardItemDto {
  id: string;
  code: string;
  description: string;
  unit: RateUnit;
  /** Minor units of the contract's currency. */
  unitPriceMinor: number;
}

export interface RateCardItemInput {
  code: string;
  description: string;
  unit: RateUnit;
  unitPriceMinor: number;
}

export interface GoalAllocationDto {
  goalId: string;
  goalName: string;
  /** Whole percent of the budget cap. */
  percent: number;
  allocatedMinor: number;
}

export interface GoalAllocationInput {
  goalId: string;
  percent: number;
}

/** All amounts in minor units of the contract's currency; computed from the records, never stored. */
export interface BudgetSummaryDto {
  currency: string;
  capMinor: number;
  committedMinor: number;
  invoicedMinor: number;
  approvedMinor: number;
  paidMinor: number;
  remainingMinor: number;
}

export interface SignedDocumentDto {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface ContractDto {
  id: string;
  agencyId: string;
  agencyName: string;
  businessUnitId: string;
  businessUnitName: string;
  owner: UserRef;
  reference: string;
  title: string;
  scope: string;
  startDate: string;
  endDate: string;
  currency: string;
  budgetCapMinor: number;
  /**
   * Tax on its invoices in basis points: 1000 = 10 % (Korean VAT), 1100 = 11 % (Indonesian PPN),
   * 0 = none. The API always sends it (typed optional until the web app's contract form shows it).
   */
  taxRateBp?: number;
  renewalNoticeDays: number;
  status: ContractStatus;
  terminationReason: string | null;
  terminatedAt: string | null;
  activatedAt: string | null;
  signedDocument: SignedDocumentDto | null;
  /** Never sent to agency users. */
  internalNotes?: string;
  createdAt: string;
  updatedAt: string;
}

/** What can be done to a contract (which, in which status, by whom: `contract-workflow.ts`). */
export const CONTRACT_ACTIONS = ['edit', 'activate', 'terminate', 'upload_document'] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

export interface ContractDetailDto extends ContractDto {
  rateCard: RateCardItemDto[];
  allocations: GoalAllocationDto[];
  budget: BudgetSummaryDto;
  /** What the reader may do to the contract now, decided by the API with `allowedContractActions`. */
  allowedActions: ContractAction[];
}

export interface CreateContractRequest {
  agencyId: string;
  businessUnitId: string;
  ownerId: string;
  reference: string;
  title: string;
  scope: string;
  startDate: string;
  endDate: string;
  currency: string;
  budgetCapMinor: number;
  /** Basis points, 0–10000; none (0) when omitted. */
  taxRateBp?: number;
  renewalNoticeDays: number;
  internalNotes?: string;
  rateCard: RateCardItemInput[];
  allocations: GoalAllocationInput[];
}

/**
 * Draft contracts change freely. On an active contract only title, scope, notes, renewal notice,
 * owner, budget cap, rate card and allocations may change; budget and rate card changes are
 * audited with before/after and notify the agency.
 */
export type UpdateContractRequest = Partial<Omit<CreateContractRequest, 'agencyId'>>;

export interface TerminateContractRequest {
  reason: string;
}

export const CONTRACT_SORT_KEYS = ['startDate', 'endDate', 'reference', 'title', 'createdAt'] as const;
export type ContractSortKey = (typeof CONTRACT_SORT_KEYS)[number];

/** `GET /api/contracts`: `q` searches the reference and the title. */
export interface ContractListQuery extends ListQuery {
  agencyId?: string;
  businessUnitId?: string;
  ownerId?: string;
  status?: ContractStatus;
  goalId?: string;
  currency?: string;
}

export const SIGNED_DOCUMENT_MAX_BYTES_DEFAULT = 20 * 1024 * 1024;
