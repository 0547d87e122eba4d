import { Injectable } from '@nestjs/common';
import type { AuditEventDto, AuditQuery, Page } from '@agency-portal/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import {
  paginate,
  toPage,
  whereSearch,
  type ListSpec,
  whereEqual,
  whereBetween,
} from '../common/lists/paginate';
import { escapeLike } from '../common/like';
import { AuditEvent } from './audit-event.entity';

const AUDIT_LIST: ListSpec<'at'> = {
  alias: 'event',
  sorts: { at: { expression: 'event.at', type: 'timestamptz' } },
  defaultSort: '-at',
};

export type AuditSnapshot = Record<string, unknown>;

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: AuditSnapshot | null;
  after?: AuditSnapshot | null;
}

/** A change of one record to save with its audit record: before and after come from `snapshot`. */
export interface AuditedChange<T extends { id: string }> {
  entity: string;
  action: string;
  record: T;
  snapshot: (record: T) => AuditSnapshot;
}

export interface AuditActor {
  id: string;
  email: string;
}

function toJson(value: AuditSnapshot | null | undefined): AuditSnapshot | null {
  if (!value) return null;
  return JSON.parse(JSON.stringify(value)) as AuditSnapshot;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the audit record with the manager of the change's own transaction. */
  async record(manager: EntityManager, actor: AuditActor | Actor | null, entry: AuditEntry): Promise<void> {
    await manager.save(
      manager.create(AuditEvent, {
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? null,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        before: toJson(entry.before),
        after: toJson(entry.after),
      }),
    );
  }

  /**
   * Applies `change` to a record already locked in the change's transaction, saves it and writes
   * its audit record (the snapshots before and after), all with that transaction's manager.
   */
  async saveChange<T extends { id: string }>(
    manager: EntityManager,
    actor: AuditActor | Actor | null,
    { entity, action, record, snapshot }: AuditedChange<T>,
    change: (record: T) => void | Promise<void>,
  ): Promise<T> {
    const before = snapshot(record);
    await change(record);
    await manager.save(record);
    await this.record(manager, actor, {
      action,
      entity,
      entityId: record.id,
      before,
      after: snapshot(record),
    });
    return record;
  }

  /** Keyset pages on (at, id): a deep page reads what the first one reads (audit_events_at_id_idx). */
  async list(query: AuditQuery): Promise<Page<AuditEventDto>> {
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    whereEqual(qb, {
      'event.entity': query.entity,
      'event.entity_id': query.entityId,
      'event.actor_id': query.actorId,
    });
    if (query.action)
      qb.andWhere('event.action ILIKE :action', {
        action: `%${escapeLike(query.action)}%`,
      });
    whereBetween(qb, 'event.at', query.from, query.to);
    whereSearch(qb, query.q, ['event.actor_email']);
    return toPage(await paginate(qb, AUDIT_LIST, query), toAuditEventDto);
  }
}

export function toAuditEventDto(event: AuditEvent): AuditEventDto {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
  };
}
