import type { ApprovalStepDto, DeliverableStatus } from '@agency-portal/shared';
import { ANY_OF_ROLE_LABELS, CONTRACT_OWNER_LABEL } from '../../shared/i18n/labels';
import { byPlural } from '../../shared/i18n/plural';
import type { StatusTone } from '../../shared/ui/status-chip';

export const DELIVERABLE_STATUS_TONES: Record<DeliverableStatus, StatusTone> = {
  draft: 'neutral',
  in_review: 'pending',
  changes_requested: 'pending',
  approved: 'active',
  rejected: 'inactive',
  published: 'active',
};

/**
 * Who decides a step: the contract's owner (by name where known), "Any Reviewer" or the named
 * people (names where known).
 */
export function approversText(
  step: ApprovalStepDto,
  userNames: ReadonlyMap<string, string>,
  locale: string,
  contractOwnerName: string | null = null,
): string {
  if (step.contractOwner) {
    return contractOwnerName
      ? $localize`:Who decides an approval step — the contract's owner, named@@approver.contractOwnerNamed:${contractOwnerName}:name: (the contract's owner)`
      : CONTRACT_OWNER_LABEL;
  }
  if (step.approverRole) {
    return ANY_OF_ROLE_LABELS[step.approverRole];
  }
  const count = step.approverUserIds.length;
  if (count === 0) {
    return $localize`:Who decides an approval step — nobody@@approver.nobody:Nobody assigned`;
  }
  const names = step.approverUserIds.map((id) => userNames.get(id));
  if (names.every((name): name is string => !!name)) {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
  }
  return byPlural(count, locale, {
    one: $localize`:Who decides an approval step@@approver.namedOne:1 named person`,
    other: $localize`:Who decides an approval step@@approver.namedOther:${count}:count: named people`,
  });
}
