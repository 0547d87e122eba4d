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
  edit: $localize`:Button — edit a brief@@briefAction.edit:Edit`,
  send: $localize`:Button — send a brief to the agency@@briefAction.send:Send to agency`,
  override_budget: $localize`:Button — let a brief exceed the contract's budget cap@@briefAction.override_budget:Override budget`,
  accept: $localize`:Button — the agency accepts a brief@@briefAction.accept:Accept`,
  decline: $localize`:Button — the agency declines a brief@@briefAction.decline:Decline`,
  cancel: $localize`:Button — the brand cancels a brief@@briefAction.cancel:Cancel brief`,
  complete: $localize`:Button — mark a brief complete@@briefAction.complete:Mark complete`,
};
