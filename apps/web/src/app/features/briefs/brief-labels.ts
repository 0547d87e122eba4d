import type { BriefAction, BriefStatus } from '@agency-portal/shared';
import type { StatusTone } from '../../shared/ui/status-chip';

export const BRIEF_STATUS_TONES: Record<BriefStatus, StatusTone> = {
  draft: 'pending',
  sent: 'pending',
  accepted: 'active',
  declined: 'inactive',
  in_progress: 'active',
  completed: 'neutral',
  cancelled: 'inactive',
};

/** The button of each brief action; the e2e journeys use these names. */
export const BRIEF_ACTION_LABELS: Record<BriefAction, string> = {
  edit: 'Edit',
  send: 'Send to agency',
  override_budget: 'Override budget',
  accept: 'Accept',
  decline: 'Decline',
  cancel: 'Cancel brief',
  complete: 'Mark complete',
};
