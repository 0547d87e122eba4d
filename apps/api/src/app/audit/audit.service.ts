import { Injectable } from '@nestjs/common';
import type { AuditEventDto, AuditQuery, Page } from '@agency-portal/shared';
import { DEFAULT_PAGE_SIZE } from '@agency-portal/shared';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { escapeLike } from '../common/like';
import { AuditEvent } from './audit-event.entity';

export type AuditSnapshot = Record<string, unknown>;

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before?: AuditSnapshot | null;
  after?: AuditSnapshot | null;
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

  async list(query: AuditQuery): Promise<Page<AuditEventDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const qb = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.entity) qb.andWhere('event.entity = :entity', { entity: query.entity });
    if (query.entityId) qb.andWhere('event.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('event.actor_id = :actorId', { actorId: query.actorId });
    if (query.action)
      qb.andWhere('event.action ILIKE :action', {
        action: `%${escapeLike(query.action)}%`,
      });
    if (query.from) qb.andWhere('event.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('event.at <= :to', { to: query.to });
    const [events, total] = await qb
      .orderBy('event.at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: events.map(toAuditEventDto), total, page, pageSize };
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
