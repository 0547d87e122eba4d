import type { HomeItemDto, HomeItemKind, HomeQueueKey } from '@agency-portal/shared';

/** Each queue's heading, what it holds, and what it says when empty. */
export const HOME_QUEUE_TEXT: Record<HomeQueueKey, { title: string; description: string; empty: string }> = {
  reviews: {
    title: $localize`:Home queue heading@@home.reviews.title:Waiting for your review`,
    description: $localize`:Home queue description@@home.reviews.description:Versions at a step you can decide now, the oldest overdue first.`,
    empty: $localize`:Home queue empty@@home.reviews.empty:No version waits for your decision.`,
  },
  overdue_reviews: {
    title: $localize`:Home queue heading@@home.overdue_reviews.title:Reviews past their SLA`,
    description: $localize`:Home queue description@@home.overdue_reviews.description:Reviews under your contracts or agencies that have waited longer than their step allows, whoever's step it is.`,
    empty: $localize`:Home queue empty@@home.overdue_reviews.empty:No review under your contracts is past its SLA.`,
  },
  briefs_to_answer: {
    title: $localize`:Home queue heading@@home.briefs_to_answer.title:Briefs to answer`,
    description: $localize`:Home queue description@@home.briefs_to_answer.description:Briefs sent to your agency that wait for you to accept or decline them.`,
    empty: $localize`:Home queue empty@@home.briefs_to_answer.empty:No brief waits for your answer.`,
  },
  changes_requested: {
    title: $localize`:Home queue heading@@home.changes_requested.title:Changes requested`,
    description: $localize`:Home queue description@@home.changes_requested.description:Deliverables the brand sent back; upload a new version with the changes.`,
    empty: $localize`:Home queue empty@@home.changes_requested.empty:No deliverable waits for changes.`,
  },
  deliverables_due: {
    title: $localize`:Home queue heading@@home.deliverables_due.title:Due within a week`,
    description: $localize`:Home queue description@@home.deliverables_due.description:Deliverables with no version yet, due in the next seven days or overdue.`,
    empty: $localize`:Home queue empty@@home.deliverables_due.empty:Nothing is due in the next seven days.`,
  },
  briefs_unanswered: {
    title: $localize`:Home queue heading@@home.briefs_unanswered.title:Briefs the agency has not answered`,
    description: $localize`:Home queue description@@home.briefs_unanswered.description:Briefs you sent that the agency has neither accepted nor declined, the longest waiting first.`,
    empty: $localize`:Home queue empty@@home.briefs_unanswered.empty:Every brief you sent has an answer.`,
  },
  contracts_attention: {
    title: $localize`:Home queue heading@@home.contracts_attention.title:Contracts to look at`,
    description: $localize`:Home queue description@@home.contracts_attention.description:Your active contracts in their renewal window, or with 80 % or more of their budget committed or invoiced.`,
    empty: $localize`:Home queue empty@@home.contracts_attention.empty:No contract of yours is up for renewal or near its cap.`,
  },
  agencies_owner_inactive: {
    title: $localize`:Home queue heading@@home.agencies_owner_inactive.title:Agencies without an active owner`,
    description: $localize`:Home queue description@@home.agencies_owner_inactive.description:Active agencies whose relationship owner has been deactivated: give each a new owner.`,
    empty: $localize`:Home queue empty@@home.agencies_owner_inactive.empty:Every active agency has an active relationship owner.`,
  },
  units_default_policy: {
    title: $localize`:Home queue heading@@home.units_default_policy.title:Business units on the default policy`,
    description: $localize`:Home queue description@@home.units_default_policy.description:Units with no approval policy of their own or from a centre of excellence: their work is approved by the contract's owner alone.`,
    empty: $localize`:Home queue empty@@home.units_default_policy.empty:Every business unit has an approval policy.`,
  },
  pending_invites: {
    title: $localize`:Home queue heading@@home.pending_invites.title:Invitations not yet accepted`,
    description: $localize`:Home queue description@@home.pending_invites.description:People invited who have not set a password yet; send a new link if theirs has expired.`,
    empty: $localize`:Home queue empty@@home.pending_invites.empty:Everyone invited has signed up.`,
  },
};

/** Where a row leads. */
export function homeItemLink(item: Pick<HomeItemDto, 'kind' | 'id'>): string {
  const paths: Record<HomeItemKind, string> = {
    deliverable: '/deliverables',
    brief: '/briefs',
    contract: '/contracts',
    agency: '/agencies',
    business_unit: '/approval-policies/business-units',
    user: '/users',
  };
  return `${paths[item.kind]}/${encodeURIComponent(item.id)}`;
}
