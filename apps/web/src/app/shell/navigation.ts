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
  const agencyUser = isAgencyRole(role);
  if (can(role, 'goal:read')) {
    entries.push({
      label: 'Goals',
      path: '/goals',
      description: can(role, 'goal:manage')
        ? 'Set marketing goals with their KPI, target and period, and see the contracts serving them.'
        : agencyUser
          ? 'The marketing goals your agency’s contracts serve.'
          : 'See the marketing goals, their targets and the contracts serving them.',
      exact: false,
    });
  }
  if (can(role, 'contract:read')) {
    entries.push({
      label: 'Contracts',
      path: '/contracts',
      description: can(role, 'contract:manage')
        ? 'Draft statements of work with rate cards and budgets, upload the signed PDF and activate them.'
        : agencyUser
          ? 'Your agency’s contracts: scope, rate card, budget and the signed document.'
          : 'Read statements of work, rate cards and how much of each budget is spent.',
      exact: false,
    });
  }
  if (can(role, 'brief:read')) {
    entries.push({
      label: 'Briefs',
      path: '/briefs',
      description: can(role, 'brief:manage')
        ? 'Brief agencies on work under their contracts, against goals and budget, and follow the deliverables.'
        : agencyUser
          ? 'What the brand has briefed your agency on: accept or decline, then upload versions for review.'
          : 'Read the briefs sent to agencies and follow their deliverables.',
      exact: false,
    });
  }
  if (can(role, 'deliverable:review')) {
    entries.push({
      label: 'Review queue',
      path: '/reviews',
      description:
        'Versions waiting for your decision: approve, request changes or reject, with pinned comments.',
      exact: false,
    });
  }
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
    if (agencyUser) {
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
  if (can(role, 'approval_policy:read')) {
    entries.push({
      label: 'Approval policies',
      path: '/approval-policies',
      description: can(role, 'approval_policy:manage')
        ? 'Set the approval steps per business unit and override them per contract.'
        : 'See which approval steps apply to each business unit and contract.',
      exact: false,
    });
  }
  if (can(role, 'user:read')) {
    entries.push({
      label: 'Users',
      path: '/users',
      description: can(role, 'user:manage')
        ? agencyUser
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
  if (can(role, 'outbox:read')) {
    entries.push({
      label: 'Mail outbox',
      path: '/outbox',
      description: 'Every e-mail the portal sent or tried to send.',
      exact: false,
    });
  }
  return entries;
}
