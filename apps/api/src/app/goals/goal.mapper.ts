import type { GoalDto } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { MarketingGoal } from './goal.entity';

export function toGoalDto(goal: MarketingGoal): GoalDto {
  return {
    id: goal.id,
    businessUnitId: goal.businessUnitId,
    businessUnitName: goal.businessUnit?.name ?? '',
    owner: { id: goal.ownerId, name: goal.owner?.name ?? '', email: goal.owner?.email ?? '' },
    name: goal.name,
    description: goal.description,
    kpiMetric: goal.kpiMetric,
    targetValue: goal.targetValue,
    targetCurrency: goal.targetCurrency,
    periodStart: goal.periodStart,
    periodEnd: goal.periodEnd,
    channels: goal.channels,
    funnelStage: goal.funnelStage,
    status: goal.status,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}

export function goalSnapshot(goal: MarketingGoal): AuditSnapshot {
  return {
    businessUnitId: goal.businessUnitId,
    ownerId: goal.ownerId,
    name: goal.name,
    kpiMetric: goal.kpiMetric,
    targetValue: goal.targetValue,
    targetCurrency: goal.targetCurrency,
    periodStart: goal.periodStart,
    periodEnd: goal.periodEnd,
    channels: goal.channels,
    funnelStage: goal.funnelStage,
    status: goal.status,
  };
}
