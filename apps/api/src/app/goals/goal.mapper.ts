import type { GoalDto } from '@agency-portal/shared';
import type { AuditSnapshot } from '../audit/audit.service';
import type { MarketingGoal } from './goal.entity';
import { pick } from '../common/pick';

/** What a goal's answer and its audit snapshot both copy as it is. */
const GOAL_TERMS = [
  'businessUnitId',
  'name',
  'kpiMetric',
  'targetValue',
  'targetCurrency',
  'periodStart',
  'periodEnd',
  'channels',
  'funnelStage',
  'status',
] as const;

export function toGoalDto(goal: MarketingGoal): GoalDto {
  return {
    id: goal.id,
    ...pick(goal, GOAL_TERMS),
    businessUnitName: goal.businessUnit?.name ?? '',
    owner: { id: goal.ownerId, name: goal.owner?.name ?? '', email: goal.owner?.email ?? '' },
    description: goal.description,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}

export function goalSnapshot(goal: MarketingGoal): AuditSnapshot {
  return { ...pick(goal, GOAL_TERMS), ownerId: goal.ownerId };
}
