import { CONTRACT_STATUSES, type ContractStatus } from './contract.types';

/**
 * The contract lifecycle as pure rules, used by the API to enforce and by the web app to show
 * only the actions that make sense: draft → active → expired (after the end date) | terminated.
 */
export type ContractAction = 'edit' | 'activate' | 'terminate' | 'upload_document';

const ACTIONS_BY_STATUS: Record<ContractStatus, readonly ContractAction[]> = {
  draft: ['edit', 'activate', 'upload_document'],
  active: ['edit', 'terminate', 'upload_document'],
  expired: [],
  terminated: [],
};

/** Fields that may still change once a contract is active; everything else is locked by signature. */
export const ACTIVE_CONTRACT_EDITABLE_FIELDS = [
  'title',
  'scope',
  'internalNotes',
  'renewalNoticeDays',
  'ownerId',
  'budgetCapMinor',
  'rateCard',
  'allocations',
] as const;

export function contractActions(status: ContractStatus): readonly ContractAction[] {
  return ACTIONS_BY_STATUS[status];
}

export function canDoContractAction(status: ContractStatus, action: ContractAction): boolean {
  return ACTIONS_BY_STATUS[status].includes(action);
}

/** Agencies see a contract once it is signed and active, and keep seeing it afterwards. */
export function isVisibleToAgency(status: ContractStatus): boolean {
  return status !== 'draft';
}

/** Whether a field may change in this status. */
export function isContractFieldEditable(status: ContractStatus, field: string): boolean {
  if (status === 'draft') return true;
  if (status === 'active') return (ACTIVE_CONTRACT_EDITABLE_FIELDS as readonly string[]).includes(field);
  return false;
}

/** The first day of the renewal notice window: end date minus the notice days (ISO dates). */
export function renewalNoticeDate(endDate: string, noticeDays: number): string {
  const date = new Date(`${endDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - noticeDays);
  return date.toISOString().slice(0, 10);
}

/** Whole percent allocations: each 1–100 and at most 100 in all. */
export function allocationTotal(allocations: readonly { percent: number }[]): number {
  return allocations.reduce((sum, allocation) => sum + allocation.percent, 0);
}

/**
 * The share of a cap for a percent, rounded down to a whole minor unit. BigInt keeps it exact
 * where cap × percent would pass 2^53 in floating point.
 */
export function allocatedAmount(capMinor: number, percent: number): number {
  return Number((BigInt(capMinor) * BigInt(percent)) / 100n);
}

/** The contract statuses an agency sees (for the API's SQL scope; `isVisibleToAgency` decides). */
export const CONTRACT_STATUSES_VISIBLE_TO_AGENCY: readonly ContractStatus[] =
  CONTRACT_STATUSES.filter(isVisibleToAgency);
