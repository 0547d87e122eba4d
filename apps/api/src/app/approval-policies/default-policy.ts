import type { AppliedPolicyDto } from '@agency-portal/shared';

/** Used when neither the contract, its unit nor a CoE above it defines a policy. */
export const DEFAULT_POLICY: Pick<AppliedPolicyDto, 'name' | 'steps'> = {
  name: 'Default: social lead approval',
  steps: [{ name: 'Social lead approval', approverRole: 'social_lead', approverUserIds: [], slaHours: 48 }],
};
