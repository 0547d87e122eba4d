import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { AccessService } from '../access/access.service';
import { RESOURCES, type Resource } from '../access/access-rules';
import type { Actor } from '../auth/actor';
import { isUniqueViolation } from '../common/db-errors';
import { notFound, type DomainError } from '../common/errors/domain-error';

/**
 * What a unique constraint means to the person whose change broke it: constraint (or unique index)
 * name → the domain error to answer with (usually a field error with code `conflict`).
 */
export type UniqueViolations = Readonly<Record<string, () => DomainError>>;

/** The domain error for a unique violation on one of the named constraints; null for anything else. */
export function mapUniqueViolation(error: unknown, uniques: UniqueViolations): DomainError | null {
  for (const [constraint, toError] of Object.entries(uniques)) {
    if (isUniqueViolation(error, constraint)) return toError();
  }
  return null;
}

/**
 * The one way a change reaches the database: a transaction whose work commits or rolls back whole
 * (with its audit record and events), rows locked for the change inside it, and unique violations
 * turned into the domain error that names the field. Every service writes through it instead of
 * keeping its own `write()` / `lock()` copy.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The manager outside any transaction, for reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * Runs `work` in one transaction. A unique violation on a constraint named in `uniques` becomes
   * its domain error (after the rollback); any other failure is rethrown as it is.
   */
  async run<T>(work: (manager: EntityManager) => Promise<T>, uniques: UniqueViolations = {}): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      throw mapUniqueViolation(error, uniques) ?? error;
    }
  }

  /**
   * Loads and locks (`FOR UPDATE`) one record the actor may see, in the caller's transaction; a
   * record outside the actor's scope answers like a missing one (404 with the resource's label).
   */
  async lockVisible<T extends ObjectLiteral>(
    manager: EntityManager,
    actor: Actor,
    resource: Resource,
    entity: EntityTarget<T>,
    id: string,
  ): Promise<T> {
    const query = manager
      .getRepository(entity)
      .createQueryBuilder(resource)
      .setLock('pessimistic_write')
      .where(`${resource}.id = :id`, { id });
    const row = await this.access.scope(query, actor, resource, resource).getOne();
    if (!row) throw notFound(RESOURCES[resource].label);
    return row;
  }

  /**
   * Loads and locks one record whoever asks (the caller has already decided the actor may change
   * it, or the caller is the system); 404 with `label` when it does not exist.
   */
  async lockOne<T extends ObjectLiteral>(
    manager: EntityManager,
    entity: EntityTarget<T>,
    id: string,
    label: string,
  ): Promise<T> {
    const query = manager
      .getRepository(entity)
      .createQueryBuilder('locked')
      .setLock('pessimistic_write')
      .where('locked.id = :id', { id });
    const row = await query.getOne();
    if (!row) throw notFound(label);
    return row;
  }
}

/** Global: every domain module writes through the same unit of work. */
@Global()
@Module({ providers: [UnitOfWork], exports: [UnitOfWork] })
export class UnitOfWorkModule {}
