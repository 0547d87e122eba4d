import type { AppliedPolicyDto } from '@agency-portal/shared';

/**
 * Used when neither the contract, its unit nor a CoE above it defines a policy: the social lead
 * who owns the contract (and so its briefs) approves the agency's work.
 */
export const DEFAULT_POLICY: Pick<AppliedPolicyDto, 'name' | 'steps'> = {
  name: 'Default: social lead approval',
  steps: [
    {
      name: 'Social lead approval',
      approverRole: null,
      approverUserIds: [],
      contractOwner: true,
      allowEarlierApprovers: false,
      slaHours: 48,
    },
  ],
};
