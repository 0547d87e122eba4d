import type { ListQuery, Page } from '../common/page';
export const NOTIFICATION_KINDS = [
  'contract_changed',
  'contract_activated',
  'contract_terminated',
  'contract_renewal_due',
  'contract_expired',
  'brief_sent',
  'brief_answered',
  'version_submitted',
  'review_step_ready',
  'decision_made',
  'review_overdue',
  'invoice_submitted',
  'invoice_decided',
  'budget_threshold',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** In-app path to open, e.g. /contracts/<id>. */
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

export const NOTIFICATION_SORT_KEYS = ['createdAt'] as const;

/** `GET /api/notifications`: the caller's own notices, newest first by default. */
export interface NotificationListQuery extends ListQuery {
  /** Only unread notices. */
  unread?: boolean;
  /** The reading device's IANA zone, used for times when the profile names none. */
  timeZone?: string;
}

export interface NotificationListDto extends Page<NotificationDto> {
  /** Unread notices in all, not only those listed. */
  unread: number;
}
