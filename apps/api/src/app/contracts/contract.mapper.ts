import type { ContractDto, GoalAllocationDto, RateCardItemDto } from '@agency-portal/shared';
import { allocatedAmount } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { Contract, ContractGoal, RateCardItem } from './contract.entity';

export function toContractDto(contract: Contract, includeInternal: boolean): ContractDto {
  const document = contract.signedDocument;
  const dto: ContractDto = {
    id: contract.id,
    agencyId: contract.agencyId,
    agencyName: contract.agency?.name ?? '',
    businessUnitId: contract.businessUnitId,
    businessUnitName: contract.businessUnit?.name ?? '',
    owner: { id: contract.ownerId, name: contract.owner?.name ?? '', email: contract.owner?.email ?? '' },
    reference: contract.reference,
    title: contract.title,
    scope: contract.scope,
    startDate: contract.startDate,
    endDate: contract.endDate,
    currency: contract.currency,
    budgetCapMinor: contract.budgetCapMinor,
    taxRateBp: contract.taxRateBp,
    renewalNoticeDays: contract.renewalNoticeDays,
    status: contract.status,
    terminationReason: contract.terminationReason,
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
  return {
    id: item.id,
    code: item.code,
    description: item.description,
    unit: item.unit,
    unitPriceMinor: item.unitPriceMinor,
  };
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
    agencyId: contract.agencyId,
    businessUnitId: contract.businessUnitId,
    ownerId: contract.ownerId,
    reference: contract.reference,
    title: contract.title,
    startDate: contract.startDate,
    endDate: contract.endDate,
    currency: contract.currency,
    budgetCapMinor: contract.budgetCapMinor,
    taxRateBp: contract.taxRateBp,
    renewalNoticeDays: contract.renewalNoticeDays,
    status: contract.status,
    terminationReason: contract.terminationReason,
    signedDocumentId: contract.signedDocumentId,
  };
}

export function rateCardSnapshot(items: readonly RateCardItem[]): AuditSnapshot[] {
  return items.map((item) => ({
    code: item.code,
    description: item.description,
    unit: item.unit,
    unitPriceMinor: item.unitPriceMinor,
  }));
}
