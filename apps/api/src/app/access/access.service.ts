import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { RESOURCES, scopeCondition, type Condition, type Resource } from './access-rules';

/**
 * The one access funnel (immich's `requireAccess`/`checkAccess` shape): lists, nested reads and
 * reports add `scope()` to their query; single reads and writes call `require()` or `allowed()`.
 * A record outside the actor's scope answers exactly like a missing one: 404 with the same body.
 */
@Injectable()
export class AccessService {
  constructor(private readonly dataSource: DataSource) {}

  /** The SQL condition over `alias` (a row of the resource's table); null when the actor sees all. */
  condition(actor: Actor, resource: Resource, alias: string): Condition | null {
    return scopeCondition(actor, resource, alias);
  }

  /** Limits a query to the rows of `alias` the actor may see. */
  scope<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    actor: Actor,
    resource: Resource,
    alias: string,
  ): SelectQueryBuilder<T> {
    const condition = scopeCondition(actor, resource, alias);
    return condition ? query.andWhere(condition.sql, condition.params) : query;
  }

  /** Which of `ids` exist and the actor may see, in one query. */
  async allowed(
    actor: Actor,
    resource: Resource,
    ids: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Set();
    const query = manager
      .createQueryBuilder()
      .select('record.id', 'id')
      .from(RESOURCES[resource].table, 'record')
      .where('record.id = ANY(CAST(:accessIds AS uuid[]))', { accessIds: unique });
    this.scope(query, actor, resource, 'record');
    const rows = await query.getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** Throws 404 (as for a missing record) unless every id exists and is visible to the actor. */
  async require(
    actor: Actor,
    resource: Resource,
    ids: string | readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const wanted = typeof ids === 'string' ? [ids] : ids;
    const allowed = await this.allowed(actor, resource, wanted, manager);
    if (wanted.some((id) => !allowed.has(id))) throw notFound(RESOURCES[resource].label);
  }
}
