import { can } from '../auth/permissions';
import type { Role } from '../auth/roles';
import { CONTRACT_STATUSES, type ContractAction, type ContractStatus } from './contract.types';

/**
 * The contract lifecycle as pure rules, used by the API to enforce and by the web app to show
 * only the actions that make sense: draft → active → expired (after the end date) | terminated.
 */

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

/** The actions a person may take on a contract in this status: its lifecycle, for those who manage contracts. */
export function allowedContractActions(status: ContractStatus, role: Role): ContractAction[] {
  return can(role, 'contract:manage') ? [...ACTIONS_BY_STATUS[status]] : [];
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

/**
 * The fields of a change that the contract's status no longer lets change (an active contract
 * keeps its signed terms): the names in `changed` whose value is given, in their order.
 */
export function lockedContractFields(
  status: ContractStatus,
  changed: Readonly<Record<string, unknown>>,
): string[] {
  return Object.keys(changed).filter(
    (field) => changed[field] !== undefined && !isContractFieldEditable(status, field),
  );
}

/** The first day of the renewal notice window: end date minus the notice days (ISO dates). */
export function renewalNoticeDate(endDate: string, noticeDays: number): string {
  const date = new Date(`${endDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - noticeDays);
  return date.toISOString().slice(0, 10);
}

/** At most this much of a contract's budget can be allocated to goals, in whole percent. */
export const MAX_ALLOCATED_PERCENT = 100;

/**
 * The whole percents allocated (each 1–100, at most MAX_ALLOCATED_PERCENT in all). A row whose
 * percent is not a whole number yet (a form being filled in) counts as nothing.
 */
export function allocationTotal(allocations: readonly { percent?: number | null }[]): number {
  return allocations.reduce(
    (sum, { percent }) => sum + (typeof percent === 'number' && Number.isSafeInteger(percent) ? percent : 0),
    0,
  );
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
