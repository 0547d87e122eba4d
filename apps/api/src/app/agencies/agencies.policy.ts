import type { SelectQueryBuilder } from 'typeorm';
import { requireInScope, scopeToActor } from '../access/scope';
import type { Actor } from '../auth/actor';
import type { Agency } from './agency.entity';

/** Agency users see only their own agency; in-house roles see all. */
export function scopeAgencies(query: SelectQueryBuilder<Agency>, actor: Actor): SelectQueryBuilder<Agency> {
  return scopeToActor(query, actor, 'agency.id');
}

export function requireVisibleAgency(actor: Actor, agency: Agency | null): Agency {
  return requireInScope(actor, agency, (record) => record.id, 'Agency');
}
