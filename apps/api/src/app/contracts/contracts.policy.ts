import { isVisibleToAgency } from '@agency-portal/shared';
import type { SelectQueryBuilder } from 'typeorm';
import { agencyScopeOf } from '../access/scope';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import type { Contract } from './contract.entity';

/** Agency users see their own agency's contracts once signed (not drafts); in-house readers see all. */
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
  return query;
}

export function requireVisibleContract(actor: Actor, contract: Contract | null): Contract {
  const agencyId = agencyScopeOf(actor);
  if (!contract) throw notFound('Contract');
  if (agencyId !== null && (contract.agencyId !== agencyId || !isVisibleToAgency(contract.status))) {
    throw notFound('Contract');
  }
  return contract;
}

/** Internal notes never leave the brand. */
export function mayReadInternalNotes(actor: Actor): boolean {
  return agencyScopeOf(actor) === null;
}
