import type { SelectQueryBuilder } from 'typeorm';
import { agencyScopeOf } from '../access/scope';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import type { MarketingGoal } from './goal.entity';

/**
 * In-house roles with goal:read see every goal. Agency users see only the goals that their own
 * agency's signed (non-draft) contracts serve: they need to know what the work is for.
 */
export function scopeGoals(
  query: SelectQueryBuilder<MarketingGoal>,
  actor: Actor,
): SelectQueryBuilder<MarketingGoal> {
  const agencyId = agencyScopeOf(actor);
  if (agencyId !== null) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM contract_goals cg JOIN contracts c ON c.id = cg.contract_id
               WHERE cg.goal_id = goal.id AND c.agency_id = :scopeAgencyId AND c.status <> 'draft')`,
      { scopeAgencyId: agencyId },
    );
  }
  return query;
}

export function requireVisibleGoal(goal: MarketingGoal | null): MarketingGoal {
  if (!goal) throw notFound('Goal');
  return goal;
}
