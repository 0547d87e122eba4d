import type { BusinessUnitDto } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { BusinessUnit } from './business-unit.entity';

export function toBusinessUnitDto(unit: BusinessUnit): BusinessUnitDto {
  return {
    id: unit.id,
    name: unit.name,
    operatingModel: unit.operatingModel,
    parentId: unit.parentId,
    parentName: unit.parent?.name ?? null,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}

export function businessUnitSnapshot(unit: BusinessUnit): AuditSnapshot {
  return {
    name: unit.name,
    operatingModel: unit.operatingModel,
    parentId: unit.parentId,
  };
}
