import { AGENCY_ROLES, type Role } from './roles';

/**
 * Every action a route or a screen can ask about. The API's global guard and the web app's
 * navigation both read this one table, so a role never sees a button the API would refuse.
 */
export const PERMISSIONS = [
  'business_unit:read',
  'business_unit:manage',
  'agency:read',
  'agency:manage',
  'user:read',
  'user:manage',
  'audit:read',
  'goal:read',
  'goal:manage',
  'contract:read',
  'contract:manage',
  'brief:read',
  'brief:manage',
  'brief:respond',
  'deliverable:read',
  'deliverable:upload',
  'deliverable:review',
  'deliverable:publish',
  'deliverable:derive',
  'comment:write',
  'approval_policy:read',
  'approval_policy:manage',
  'outbox:read',
  // Outcomes: deliverables' daily metrics (agencies read their own deliverables'), goal-level
  // outcomes and imports (in-house), and writing either (admins, social leads of the unit).
  'metric:read',
  'outcome:read',
  'outcome:write',
  'invoice:read',
  'invoice:submit',
  'invoice:decide',
  'spend:read',
  'exchange_rate:manage',
  // Weekly digests by e-mail of a goal or a business unit: in-house readers, of what they may read.
  'digest:subscribe',
  // Agency scorecards: in-house readers compare every agency, agency users see their own.
  'scorecard:read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const IN_HOUSE_READ: readonly Permission[] = [
  'business_unit:read',
  'agency:read',
  'goal:read',
  'digest:subscribe',
  'scorecard:read',
];

/** What every agency user does for their own agency (scoped to it by the API). */
const AGENCY_WORK: readonly Permission[] = [
  'agency:read',
  'goal:read',
  'contract:read',
  'brief:read',
  'brief:respond',
  'deliverable:read',
  'deliverable:upload',
  'deliverable:publish',
  'deliverable:derive',
  'comment:write',
  'metric:read',
  'invoice:read',
  'invoice:submit',
  'scorecard:read',
];

/**
 * Finance's own duties: nobody else decides on invoices, and only agencies submit them, so the
 * admin (who runs the portal) has every permission but these two.
 */
const FINANCE_DUTIES: readonly Permission[] = ['invoice:decide'];
const AGENCY_DUTIES: readonly Permission[] = ['invoice:submit'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS.filter(
    (permission) => !FINANCE_DUTIES.includes(permission) && !AGENCY_DUTIES.includes(permission),
  ),
  social_lead: [
    ...IN_HOUSE_READ,
    'user:read',
    'goal:manage',
    'contract:read',
    'contract:manage',
    'brief:read',
    'brief:manage',
    'deliverable:read',
    'deliverable:review',
    'deliverable:publish',
    'deliverable:derive',
    'comment:write',
    'approval_policy:read',
    'metric:read',
    'outcome:read',
    'outcome:write',
    'invoice:read',
    'spend:read',
  ],
  // Reviewers decide on the steps assigned to them and read what they review.
  reviewer: [
    ...IN_HOUSE_READ,
    'contract:read',
    'brief:read',
    'deliverable:read',
    'deliverable:review',
    'comment:write',
    'approval_policy:read',
    'metric:read',
    'outcome:read',
  ],
  finance: [
    ...IN_HOUSE_READ,
    'contract:read',
    'brief:read',
    'deliverable:read',
    'metric:read',
    'outcome:read',
    'invoice:read',
    ...FINANCE_DUTIES,
    'spend:read',
    'exchange_rate:manage',
  ],
  // Other departments read goals, outcomes and the spend report's figures (not the invoices behind them).
  viewer: [...IN_HOUSE_READ, 'metric:read', 'outcome:read', 'spend:read'],
  // Agency roles read their own agency; agency_admin manages its own users. Record scoping
  // (own agency only) is applied by the API on top of this table.
  // Agencies read the goals their own contracts serve, and their own non-draft contracts.
  agency_admin: [...AGENCY_WORK, 'user:read', 'user:manage'],
  agency_member: [...AGENCY_WORK],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles an actor may assign when inviting or editing a user. */
export function assignableRoles(actorRole: Role): readonly Role[] {
  if (actorRole === 'admin') {
    return ['admin', 'social_lead', 'reviewer', 'finance', 'viewer', 'agency_admin', 'agency_member'];
  }
  if (actorRole === 'agency_admin') {
    return AGENCY_ROLES;
  }
  return [];
}
