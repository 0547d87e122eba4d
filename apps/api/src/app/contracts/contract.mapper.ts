import type { ContractDto, GoalAllocationDto, RateCardItemDto } from '@agency-portal/shared';
import { allocatedAmount } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { Contract, ContractGoal, RateCardItem } from './contract.entity';
import { pick } from '../common/pick';

/** What a contract's answer and its audit snapshot both copy as it is. */
const CONTRACT_TERMS = [
  'agencyId',
  'businessUnitId',
  'reference',
  'title',
  'startDate',
  'endDate',
  'currency',
  'budgetCapMinor',
  'taxRateBp',
  'renewalNoticeDays',
  'status',
  'terminationReason',
] as const;

const RATE_CARD_TERMS = ['code', 'description', 'unit', 'unitPriceMinor'] as const;

export function toContractDto(contract: Contract, includeInternal: boolean): ContractDto {
  const document = contract.signedDocument;
  const dto: ContractDto = {
    id: contract.id,
    ...pick(contract, CONTRACT_TERMS),
    agencyName: contract.agency?.name ?? '',
    businessUnitName: contract.businessUnit?.name ?? '',
    owner: { id: contract.ownerId, name: contract.owner?.name ?? '', email: contract.owner?.email ?? '' },
    scope: contract.scope,
    terminatedAt: contract.terminatedAt?.toISOString() ?? null,
    activatedAt: contract.activatedAt?.toISOString() ?? null,
    signedDocument: document
      ? {
          id: document.id,
          fileName: document.originalName,
          sizeBytes: document.sizeBytes,
          sha256: document.sha256,
          uploadedAt: document.createdAt.toISOString(),
        }
      : null,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
  if (includeInternal) dto.internalNotes = contract.internalNotes;
  return dto;
}

export function toRateCardItemDto(item: RateCardItem): RateCardItemDto {
  return { id: item.id, ...pick(item, RATE_CARD_TERMS) };
}

export function toAllocationDto(allocation: ContractGoal, capMinor: number): GoalAllocationDto {
  return {
    goalId: allocation.goalId,
    goalName: allocation.goal?.name ?? '',
    percent: allocation.percent,
    allocatedMinor: allocatedAmount(capMinor, allocation.percent),
  };
}

/** The audited terms of a contract (notes are in-house and audited too). */
export function contractSnapshot(contract: Contract): AuditSnapshot {
  return {
    ...pick(contract, CONTRACT_TERMS),
    ownerId: contract.ownerId,
    signedDocumentId: contract.signedDocumentId,
  };
}

export function rateCardSnapshot(items: readonly RateCardItem[]): AuditSnapshot[] {
  return items.map((item) => pick(item, RATE_CARD_TERMS));
}
