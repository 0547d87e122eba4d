import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor';
import { isAgencyActor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';

/**
 * Record-level access in one place. In-house roles see every agency's records (their permission
 * decides what they may do); agency roles see only records of their own agency. A record outside
 * the actor's scope answers exactly like a missing one: 404.
 */
export function agencyScopeOf(actor: Actor): string | null {
  return isAgencyActor(actor) ? actor.agencyId : null;
}

/** Adds the actor's agency restriction to a list query. `column` is the agency id column, e.g. `agency.id`. */
export function scopeToActor<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  actor: Actor,
  column: string,
): SelectQueryBuilder<T> {
  const agencyId = agencyScopeOf(actor);
  if (agencyId !== null) {
    query.andWhere(`${column} = :scopeAgencyId`, { scopeAgencyId: agencyId });
  }
  return query;
}

/** True when the actor may see a record owned by `recordAgencyId` (null: an in-house record). */
export function isInScope(actor: Actor, recordAgencyId: string | null): boolean {
  const agencyId = agencyScopeOf(actor);
  return agencyId === null || agencyId === recordAgencyId;
}

/** Returns the record when it exists and is in the actor's scope; otherwise throws 404. */
export function requireInScope<T>(
  actor: Actor,
  record: T | null | undefined,
  agencyIdOf: (record: T) => string | null,
  what: string,
): T {
  if (!record || !isInScope(actor, agencyIdOf(record))) {
    throw notFound(what);
  }
  return record;
}
