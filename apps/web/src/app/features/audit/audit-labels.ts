import type { AuditEntity } from '@agency-portal/shared';

export const AUDIT_ENTITY_LABELS: Record<AuditEntity, string> = {
  user: 'User',
  business_unit: 'Business unit',
  agency: 'Agency',
  session: 'Session',
  goal: 'Goal',
  contract: 'Contract',
  brief: 'Brief',
  deliverable: 'Deliverable',
  approval_policy: 'Approval policy',
  comment: 'Comment',
};

/** A label for any entity name, including ones added to the API after this build. */
export function auditEntityLabel(entity: string): string {
  return (AUDIT_ENTITY_LABELS as Record<string, string>)[entity] ?? entity.replace(/_/g, ' ');
}

/** Top-level keys whose values differ between before and after. */
export function changedKeys(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
}
