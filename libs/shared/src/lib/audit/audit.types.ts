import type { ListQuery } from '../common/page';
export interface AuditEventDto {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const AUDIT_SORT_KEYS = ['at'] as const;

/** `GET /api/audit-events`, newest first by default; `q` searches the actor's e-mail. */
export interface AuditQuery extends ListQuery {
  entity?: string;
  entityId?: string;
  actorId?: string;
  /** Part of the action name, e.g. `contract.` or `approved`. */
  action?: string;
  from?: string;
  to?: string;
}

/** Entities the audit log knows about (extended as domains are added). */
export const AUDIT_ENTITIES = [
  'user',
  'business_unit',
  'agency',
  'session',
  'goal',
  'contract',
  'brief',
  'deliverable',
  'approval_policy',
  'comment',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
