import type { DeliverableThumbnailDto } from '../briefs/brief.types';
import type { PageTotal } from '../common/page';
import type { Role } from '../auth/roles';

/**
 * The queues a home page shows (GET /api/home), each a list of things to act on, overdue first:
 * - `reviews`: versions waiting at a step the person may decide now (in-house approvers);
 * - `overdue_reviews`: reviews past their SLA under the lead's contracts, whoever's step it is;
 * - `briefs_to_answer`: briefs sent to the agency, not yet accepted or declined;
 * - `changes_requested`: the agency's deliverables sent back for changes;
 * - `deliverables_due`: the agency's deliverables with no version in yet, due within a week or overdue;
 * - `briefs_unanswered`: the lead's briefs the agency has not answered;
 * - `contracts_attention`: the lead's active contracts in their renewal window or at 80 % of their cap;
 * - `agencies_owner_inactive`: agencies whose relationship owner has been deactivated;
 * - `units_default_policy`: business units with no approval policy of their own or from a CoE;
 * - `pending_invites`: people invited who have not yet set a password.
 */
export const HOME_QUEUE_KEYS = [
  'reviews',
  'overdue_reviews',
  'briefs_to_answer',
  'changes_requested',
  'deliverables_due',
  'briefs_unanswered',
  'contracts_attention',
  'agencies_owner_inactive',
  'units_default_policy',
  'pending_invites',
] as const;
export type HomeQueueKey = (typeof HOME_QUEUE_KEYS)[number];

/** What a home row opens. */
export type HomeItemKind = 'deliverable' | 'brief' | 'contract' | 'agency' | 'business_unit' | 'user';

/** Why a contract needs its owner's attention. */
export type ContractAttention = 'renewal' | 'budget';

/** The queues of each role, in the order the home page shows them. Finance keeps its invoice queues. */
export const HOME_QUEUES_BY_ROLE: Record<Role, readonly HomeQueueKey[]> = {
  admin: ['agencies_owner_inactive', 'units_default_policy', 'pending_invites'],
  social_lead: ['reviews', 'overdue_reviews', 'briefs_unanswered', 'contracts_attention'],
  reviewer: ['reviews'],
  finance: [],
  viewer: [],
  agency_admin: ['briefs_to_answer', 'changes_requested', 'deliverables_due'],
  agency_member: ['briefs_to_answer', 'changes_requested', 'deliverables_due'],
};

/** How many rows of each queue GET /api/home includes; the rest page on from `nextCursor`. */
export const HOME_PREVIEW_SIZE = 5;

/** One row of a home queue: the thing to act on and what the person needs to decide to open it. */
export interface HomeItemDto {
  kind: HomeItemKind;
  /** The record the row opens. */
  id: string;
  title: string;
  /** When it falls due: a review step's SLA end (date-time), a brief's or deliverable's due date. */
  dueAt: string | null;
  /** `dueAt` is a calendar date (brief, deliverable, contract end) rather than a moment. */
  dueIsDate: boolean;
  overdue: boolean;
  agencyName: string | null;
  briefId: string | null;
  briefTitle: string | null;
  /** Review rows: the step's name and the version under review. */
  stepName: string | null;
  versionNumber: number | null;
  thumbnail: DeliverableThumbnailDto | null;
  /** Contract rows: why they are listed, and committed spend as a percent of the cap. */
  attention: ContractAttention[];
  budgetUsedPercent: number | null;
  /** Brief rows: when it was sent; person rows: their e-mail. */
  sentAt: string | null;
  detail: string | null;
}

export interface HomeQueueDto {
  key: HomeQueueKey;
  /** How many rows the queue holds (capped like every list total). */
  total: PageTotal;
  /** How many of them are overdue. */
  overdue: number;
  /** The first HOME_PREVIEW_SIZE rows, overdue first. */
  items: HomeItemDto[];
  /** Read on with GET /api/home/queues/:key?cursor=; null when `items` is all there is. */
  nextCursor: string | null;
}

export interface HomeDto {
  queues: HomeQueueDto[];
}
