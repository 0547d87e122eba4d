import type { AppliedPolicyDto, ApprovalStepDto } from '@agency-portal/shared';
import { DEFAULT_POLICY } from '../../../../apps/api/src/app/approval-policies/default-policy';
import { TableBuffer } from '../copy';
import {
  account as known,
  staffOf,
  type ContractPlan,
  type Domain,
  type PolicyPlan,
  type UnitPlan,
  type UserPlan,
} from '../context';
import { TABLES } from '../tables';
import { DAY } from '../time';

const byRole = (
  name: string,
  approverRole: ApprovalStepDto['approverRole'],
  slaHours: number,
): ApprovalStepDto => ({
  name,
  approverRole,
  approverUserIds: [],
  contractOwner: false,
  allowEarlierApprovers: false,
  slaHours,
});

const byName = (name: string, users: UserPlan[], slaHours: number): ApprovalStepDto => ({
  name,
  approverRole: null,
  approverUserIds: users.map((user) => user.id),
  contractOwner: false,
  allowEarlierApprovers: false,
  slaHours,
});

/**
 * Which policy applies to a contract, worked out as the effective_approval_policies view does:
 * the contract's own, else its unit's, else the nearest centre of excellence above it, else the
 * default; explained in the words ApprovalPoliciesService uses.
 */
function applied(contract: ContractPlan, policies: PolicyPlan[]): AppliedPolicyDto {
  const own = policies.find((policy) => policy.contract === contract);
  const steps = (policy: PolicyPlan) => ({ policyId: policy.id, name: policy.name, steps: policy.steps });
  if (own)
    return { source: 'contract', explanation: `Set on contract ${contract.reference}.`, ...steps(own) };
  const unitPolicy = policies.find((policy) => policy.unit === contract.unit);
  if (unitPolicy)
    return { source: 'business_unit', explanation: `Set by ${contract.unit.name}.`, ...steps(unitPolicy) };
  for (let unit: UnitPlan | null = contract.unit.parent; unit; unit = unit.parent) {
    const template = unit.model === 'coe' ? policies.find((policy) => policy.unit === unit) : undefined;
    if (template) {
      return {
        source: 'coe_template',
        explanation: `Inherited from the centre-of-excellence template of ${unit.name}; ${contract.unit.name} does not override it.`,
        ...steps(template),
      };
    }
  }
  return {
    source: 'default',
    explanation: 'No policy is set for this contract, its unit or a centre of excellence above it.',
    policyId: null,
    ...DEFAULT_POLICY,
  };
}

/**
 * A CoE template (brand review by any reviewer, then legal by name), a regional CoE's own template,
 * unit overrides, contract overrides, and units with none (the default applies). One reviewer,
 * hr-reviewer@large.local, is named by exactly one policy.
 */
export const policies: Domain = {
  name: 'policies',

  plan(ctx) {
    const random = ctx.random.fork('policies');
    const account = (key: string) => known(ctx, key);
    const unit = (key: string) => ctx.org.units.find((candidate) => candidate.key === key) as UnitPlan;
    const created = ctx.since - 20 * DAY;
    const reviewers = staffOf(ctx, 'reviewer').filter(
      (user) => user.leftAt === null && !Object.values(ctx.org.accounts).includes(user),
    );
    const planned: PolicyPlan[] = [
      {
        unit: unit('coe'),
        name: 'Brand and legal review',
        steps: [
          byRole('Brand review', 'reviewer', 24),
          byName('Legal', [account('legal'), account('legal2')], 48),
        ],
      },
      {
        unit: unit('korea-premium'),
        name: 'Premium brand review',
        steps: [
          byRole('Brand review', 'reviewer', 24),
          byName('Korea lead sign-off', [account('korea-lead-reviewer')], 24),
          byName('Legal', [account('legal')], 48),
        ],
      },
      {
        unit: unit('us'),
        name: 'US social lead approval',
        steps: [byRole('Social lead approval', 'social_lead', 24)],
      },
      {
        unit: unit('sea'),
        name: 'SEA brand and compliance',
        steps: [
          byRole('Brand review', 'social_lead', 24),
          byName('Local compliance', [account('sea-compliance'), account('sea-compliance2')], 48),
        ],
      },
      {
        unit: unit('indonesia-retail'),
        name: 'Retail partner review',
        steps: [byRole('Partner review', 'social_lead', 48)],
      },
      {
        unit: unit('employer'),
        name: 'Employer brand review',
        steps: [byName('HR review', [account('hr-reviewer')], 72)],
      },
    ].map((policy) => ({ ...policy, id: random.uuid(), contract: null, createdAt: created }));

    // A few contracts override what their unit says, some naming one reviewer, some a role.
    const overridden = random.sample(
      ctx.contracts.filter((contract) => contract.status !== 'draft'),
      Math.max(2, Math.round(ctx.contracts.length * 0.04)),
    );
    overridden.forEach((contract, index) => {
      const named = reviewers.length > 0 ? random.pick(reviewers) : account('legal2');
      const variants: Pick<PolicyPlan, 'name' | 'steps'>[] = [
        { name: 'Fast-track approval', steps: [byRole('Social lead approval', 'social_lead', 12)] },
        {
          name: 'Launch review with executive sign-off',
          steps: [
            byRole('Brand review', 'reviewer', 24),
            byName('Legal', [account('legal2')], 48),
            byRole('Executive sign-off', 'admin', 48),
          ],
        },
        {
          name: `Review by ${named.name}`,
          steps: [byName('Named review', [named], 24), byRole('Social lead approval', 'social_lead', 24)],
        },
      ];
      const variant = variants[index % variants.length] as Pick<PolicyPlan, 'name' | 'steps'>;
      planned.push({
        ...variant,
        id: random.uuid(),
        unit: null,
        contract,
        createdAt: contract.createdAt + DAY / 2,
      });
    });
    ctx.policies = planned;
    for (const contract of ctx.contracts) contract.policy = applied(contract, planned);
  },

  async write(ctx, loader) {
    const rows = new TableBuffer(TABLES.approvalPolicies);
    for (const policy of ctx.policies) {
      rows.push({
        id: policy.id,
        business_unit_id: policy.unit?.id ?? null,
        contract_id: policy.contract?.id ?? null,
        name: policy.name,
        steps: policy.steps.map((step) => ({ ...step })),
        created_at: policy.createdAt,
        updated_at: policy.createdAt,
      });
      ctx.activity.record(
        policy.createdAt,
        known(ctx, 'admin'),
        'approval_policy.created',
        'approval_policy',
        policy.id,
        null,
        {
          id: policy.id,
          businessUnitId: policy.unit?.id ?? null,
          contractId: policy.contract?.id ?? null,
          name: policy.name,
          steps: policy.steps.map((step) => ({ ...step })),
          updatedAt: new Date(policy.createdAt).toISOString(),
        },
      );
    }
    await loader.write(rows);
  },
};
