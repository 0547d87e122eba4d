import { isVisibleToAgency } from '@agency-portal/shared';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { reviewerMayReadContract, scopeContractsToReviewer } from '../access/reviewer-scope';
import { agencyScopeOf } from '../access/scope';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import type { Contract } from './contract.entity';

/**
 * Agency users see their own agency's contracts once signed (not drafts); reviewers the contracts
 * they review (access/reviewer-scope.ts); other in-house readers see all.
 */
export function scopeContracts(
  query: SelectQueryBuilder<Contract>,
  actor: Actor,
): SelectQueryBuilder<Contract> {
  const agencyId = agencyScopeOf(actor);
  if (agencyId !== null) {
    query
      .andWhere('contract.agency_id = :scopeAgencyId', { scopeAgencyId: agencyId })
      .andWhere("contract.status <> 'draft'");
  }
  return scopeContractsToReviewer(query, actor, 'contract');
}

export async function requireVisibleContract(
  manager: EntityManager,
  actor: Actor,
  contract: Contract | null,
): Promise<Contract> {
  const agencyId = agencyScopeOf(actor);
  if (!contract) throw notFound('Contract');
  if (agencyId !== null && (contract.agencyId !== agencyId || !isVisibleToAgency(contract.status))) {
    throw notFound('Contract');
  }
  if (!(await reviewerMayReadContract(manager, actor, contract.id))) throw notFound('Contract');
  return contract;
}

/** Internal notes never leave the brand. */
export function mayReadInternalNotes(actor: Actor): boolean {
  return agencyScopeOf(actor) === null;
}
