import type { SessionUser } from '@agency-portal/shared';
import { can, isAgencyRole } from '@agency-portal/shared';

export interface NavEntry {
  label: string;
  path: string;
  /** One line for the home page: what the user can do there. */
  description: string;
  /** Active only on an exact URL match (for "/"). */
  exact: boolean;
}

/** The side navigation for a user: only the areas their role may use. */
export function navigationFor(user: SessionUser): NavEntry[] {
  const role = user.role;
  const entries: NavEntry[] = [{ label: 'Home', path: '/', description: 'Your overview.', exact: true }];
  if (can(role, 'business_unit:read')) {
    entries.push({
      label: 'Business units',
      path: '/business-units',
      description: can(role, 'business_unit:manage')
        ? 'Set up business units and their operating models.'
        : 'See how the organisation is structured.',
      exact: false,
    });
  }
  if (can(role, 'agency:read')) {
    if (isAgencyRole(role)) {
      if (user.agencyId) {
        entries.push({
          label: 'My agency',
          path: `/agencies/${user.agencyId}`,
          description: 'Your agency’s profile and its relationship owner.',
          exact: false,
        });
      }
    } else {
      entries.push({
        label: 'Agencies',
        path: '/agencies',
        description: can(role, 'agency:manage')
          ? 'Onboard, edit and offboard agencies and name their relationship owners.'
          : 'See the agencies the brand works with and who owns each relationship.',
        exact: false,
      });
    }
  }
  if (can(role, 'user:read')) {
    entries.push({
      label: 'Users',
      path: '/users',
      description: can(role, 'user:manage')
        ? isAgencyRole(role)
          ? 'Invite and manage the people of your agency.'
          : 'Invite people, change roles and deactivate accounts.'
        : 'See who works in the portal.',
      exact: false,
    });
  }
  if (can(role, 'audit:read')) {
    entries.push({
      label: 'Audit log',
      path: '/audit',
      description: 'Every change: who made it, when, and what it was before and after.',
      exact: false,
    });
  }
  return entries;
}
