import { isBriefVisibleToAgency } from '@agency-portal/shared';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { reviewerMayReadBrief, scopeBriefsToReviewer } from '../access/reviewer-scope';
import { agencyScopeOf } from '../access/scope';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';

/**
 * Agency users see briefs sent to their own agency (never drafts); reviewers the briefs they
 * review (access/reviewer-scope.ts); other in-house readers see all.
 * `briefAlias` and `contractAlias` name the joined brief and contract in the query.
 */
export function scopeBriefs<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  actor: Actor,
  briefAlias = 'brief',
  contractAlias = 'contract',
): SelectQueryBuilder<T> {
  const agencyId = agencyScopeOf(actor);
  if (agencyId !== null) {
    query
      .andWhere(`${contractAlias}.agency_id = :scopeAgencyId`, { scopeAgencyId: agencyId })
      .andWhere(`${briefAlias}.status <> 'draft'`);
  }
  return scopeBriefsToReviewer(query, actor, briefAlias, contractAlias);
}

export async function requireVisibleBrief<
  T extends { id: string; status: Parameters<typeof isBriefVisibleToAgency>[0] },
>(manager: EntityManager, actor: Actor, brief: T | null, agencyIdOf: (brief: T) => string): Promise<T> {
  const agencyId = agencyScopeOf(actor);
  if (!brief) throw notFound('Brief');
  if (agencyId !== null && (agencyIdOf(brief) !== agencyId || !isBriefVisibleToAgency(brief.status))) {
    throw notFound('Brief');
  }
  if (!(await reviewerMayReadBrief(manager, actor, brief.id))) throw notFound('Brief');
  return brief;
}
