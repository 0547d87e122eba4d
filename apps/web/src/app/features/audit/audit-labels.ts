import { AUDIT_ENTITY_LABELS } from '../../shared/i18n/labels';

export { AUDIT_ENTITY_LABELS };

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
