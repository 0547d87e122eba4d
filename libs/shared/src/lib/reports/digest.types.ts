import type { ListQuery } from '../common/page';

/** What a weekly digest is about: one goal, or the active goals of a business unit. */
export const DIGEST_SUBJECTS = ['goal', 'business_unit'] as const;
export type DigestSubject = (typeof DIGEST_SUBJECTS)[number];

/** A person's subscription to the weekly digest of a goal or a business unit. */
export interface DigestSubscriptionDto {
  id: string;
  subject: DigestSubject;
  /** The goal's or the unit's id. */
  subjectId: string;
  /** The goal's or the unit's name. */
  name: string;
  createdAt: string;
  /** When the last digest went out (ISO), null before the first. */
  lastSentAt: string | null;
}

/** Exactly one of the two. */
export interface DigestSubscriptionInput {
  goalId?: string;
  businessUnitId?: string;
}

export const DIGEST_SUBSCRIPTION_SORT_KEYS = ['createdAt'] as const;
export type DigestSubscriptionSortKey = (typeof DIGEST_SUBSCRIPTION_SORT_KEYS)[number];

export interface DigestSubscriptionQuery extends ListQuery {
  /** Only the subscription to this goal (does the reader get its digest?). */
  goalId?: string;
  businessUnitId?: string;
}

/** The local hour on Monday from which the week's digest is sent, in each subscriber's own time zone. */
export const DIGEST_SEND_HOUR = 8;
