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

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
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
