import type { Channel, GoalStatus } from '@agency-portal/shared';
import { CHANNEL_LABELS } from '../../shared/i18n/labels';
import type { StatusTone } from '../../shared/ui/status-chip';

/** Modifier of `.ap-status` per goal status. */
export const GOAL_STATUS_TONES: Record<GoalStatus, StatusTone> = {
  draft: 'pending',
  active: 'active',
  achieved: 'active',
  missed: 'inactive',
  archived: 'neutral',
};

export function channelLabels(channels: readonly Channel[]): string {
  return channels.map((channel) => CHANNEL_LABELS[channel]).join(', ');
}
