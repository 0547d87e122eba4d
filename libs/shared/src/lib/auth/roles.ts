/** The seven roles of the portal. Agency roles are always bound to exactly one agency. */
export const ROLES = [
  'admin',
  'social_lead',
  'reviewer',
  'finance',
  'viewer',
  'agency_admin',
  'agency_member',
] as const;

export type Role = (typeof ROLES)[number];

export const AGENCY_ROLES: readonly Role[] = ['agency_admin', 'agency_member'];
export const IN_HOUSE_ROLES: readonly Role[] = ROLES.filter((role) => !AGENCY_ROLES.includes(role));

export function isAgencyRole(role: Role): boolean {
  return AGENCY_ROLES.includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
