import type { ContractStatus } from '@agency-portal/shared';
import { CONTRACT_STATUSES } from '@agency-portal/shared';
import { CONTRACT_STATUS_LABELS } from '../../shared/i18n/labels';
import type { StatusTone } from '../../shared/ui/status-chip';

export const CONTRACT_STATUS_TONES: Record<ContractStatus, StatusTone> = {
  draft: 'pending',
  active: 'active',
  expired: 'neutral',
  terminated: 'inactive',
};

function isContractStatus(status: string): status is ContractStatus {
  return (CONTRACT_STATUSES as readonly string[]).includes(status);
}

export function contractStatusLabel(status: string): string {
  return isContractStatus(status) ? CONTRACT_STATUS_LABELS[status] : status;
}

export function contractStatusTone(status: string): StatusTone {
  return isContractStatus(status) ? CONTRACT_STATUS_TONES[status] : 'neutral';
}
