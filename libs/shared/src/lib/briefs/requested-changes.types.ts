import type { UserRef } from '../organisation/organisation.types';
import type { CommentDto } from './brief.types';

/**
 * What the agency was asked to change on a deliverable (`GET /api/deliverables/:id/requested-changes`):
 * each "request changes" decision, newest first, with the comments still open on the version it
 * was made on (pinned ones first).
 */
export const REQUESTED_CHANGES_LIMITS = {
  /** Requests listed; `total` counts them all. */
  requests: 20,
  /** Open comments listed per request; `openCommentCount` counts them all. */
  commentsPerRequest: 50,
} as const;

export interface RequestedChangeDto {
  decisionId: string;
  versionId: string;
  versionNumber: number;
  stepIndex: number;
  stepName: string;
  requestedBy: UserRef;
  /** The decision's comment: what to change. */
  comment: string | null;
  decidedAt: string;
  /** Open top-level comments of that version, pinned ones first, then oldest first. */
  openComments: CommentDto[];
  openCommentCount: number;
}

export interface RequestedChangesDto {
  items: RequestedChangeDto[];
  total: number;
}
