import type { EntityManager } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';

/** The audit record of something the demo seed created (actor: the system). */
export async function recordSeedEvent(
  manager: EntityManager,
  action: string,
  entity: string,
  entityId: string,
  after: Record<string, unknown>,
): Promise<void> {
  await manager.save(
    manager.create(AuditEvent, {
      actorId: null,
      actorEmail: 'system (demo seed)',
      action,
      entity,
      entityId,
      before: null,
      after,
    }),
  );
}
