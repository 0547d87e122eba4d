import type { AgencyDto } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { Agency } from './agency.entity';

export function toAgencyDto(agency: Agency, userCount: number): AgencyDto {
  const owner = agency.relationshipOwner;
  return {
    id: agency.id,
    name: agency.name,
    legalName: agency.legalName,
    services: agency.services,
    status: agency.status,
    relationshipOwner: {
      id: agency.relationshipOwnerId,
      name: owner?.name ?? '',
      email: owner?.email ?? '',
    },
    offboardedAt: agency.offboardedAt?.toISOString() ?? null,
    offboardReason: agency.offboardReason,
    userCount,
    createdAt: agency.createdAt.toISOString(),
    updatedAt: agency.updatedAt.toISOString(),
  };
}

export function agencySnapshot(agency: Agency): AuditSnapshot {
  return {
    name: agency.name,
    legalName: agency.legalName,
    services: agency.services,
    status: agency.status,
    relationshipOwnerId: agency.relationshipOwnerId,
    offboardReason: agency.offboardReason,
  };
}
