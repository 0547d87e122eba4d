import type { ListQuery } from '../common/page';

/**
 * Deliverable files upload resumably with the tus protocol at /api/uploads (tus-js-client in the
 * browser). Metadata: `deliverableId` and `filename`. When an upload completes, the server checks
 * its content against the allowlist, records its sha256 and returns the stored file's id in the
 * `Upload-File-Id` response header of the final PATCH; GET /api/uploads/files/:id describes it.
 */
export const UPLOAD_ENDPOINT = '/api/uploads';

/** Detected content types accepted for deliverables. */
export const DELIVERABLE_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;
export type DeliverableContentType = (typeof DELIVERABLE_CONTENT_TYPES)[number];

export function previewKind(contentType: string): 'image' | 'video' | 'pdf' | null {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType === 'application/pdf') return 'pdf';
  return null;
}

/**
 * `POST /api/files/:id/stream-links`: a link a video element plays directly (with range
 * requests), for the caller only, until `expiresAt` or the end of their session.
 */
export interface FileStreamLinkDto {
  url: string;
  expiresAt: string;
}

export const DEFAULT_UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;

export const OUTBOX_STATUSES = ['pending', 'sent', 'not_sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_SORT_KEYS = ['createdAt'] as const;

/** `GET /api/mail-outbox`: `q` searches the recipient and the subject. */
export interface OutboxListQuery extends ListQuery {
  status?: OutboxStatus;
}

export interface OutboxMessageDto {
  id: string;
  to: string;
  subject: string;
  body: string;
  /** pending until dispatched; not_sent when SMTP is not configured. */
  status: 'pending' | 'sent' | 'not_sent' | 'failed';
  error: string | null;
  createdAt: string;
}
