import type { ApprovalStepDto, DeliverableStatus } from '@agency-portal/shared';
import { ROLE_LABELS } from '@agency-portal/shared';
import type { StatusTone } from '../../shared/ui/status-chip';

export const DELIVERABLE_STATUS_TONES: Record<DeliverableStatus, StatusTone> = {
  draft: 'neutral',
  in_review: 'pending',
  changes_requested: 'pending',
  approved: 'active',
  rejected: 'inactive',
  published: 'active',
};

/** Who decides a step: "Any Reviewer" or the named people (names where known). */
export function approversText(step: ApprovalStepDto, userNames: ReadonlyMap<string, string>): string {
  if (step.approverRole) {
    return `Any ${ROLE_LABELS[step.approverRole].toLowerCase()}`;
  }
  const count = step.approverUserIds.length;
  if (count === 0) {
    return 'Nobody assigned';
  }
  const names = step.approverUserIds.map((id) => userNames.get(id));
  if (names.every((name): name is string => !!name)) {
    return names.join(', ');
  }
  return count === 1 ? '1 named person' : `${count} named people`;
}
