import { Injectable } from '@nestjs/common';
import type { AppliedPolicyDto, ApprovalPolicyDto, ApprovalStepDto } from '@agency-portal/shared';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { fieldError, notFound } from '../common/errors/domain-error';
import { Contract } from '../contracts/contract.entity';
import { User } from '../users/user.entity';
import { ApprovalPolicy } from './approval-policy.entity';
import type { UpsertApprovalPolicyDto } from './dto/review.dto';

/** Used when neither the contract, its unit nor a CoE above it defines a policy. */
export const DEFAULT_POLICY: Pick<AppliedPolicyDto, 'name' | 'steps'> = {
  name: 'Default: social lead approval',
  steps: [{ name: 'Social lead approval', approverRole: 'social_lead', approverUserIds: [], slaHours: 48 }],
};

const REVIEWING_ROLES = ['admin', 'social_lead', 'reviewer'];

@Injectable()
export class ApprovalPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<ApprovalPolicyDto[]> {
    const policies = await this.dataSource.getRepository(ApprovalPolicy).find({ order: { name: 'ASC' } });
    return policies.map(toPolicyDto);
  }

  /**
   * Which policy applies to work under a contract, and why: the contract's own override, else its
   * business unit's policy, else the template of the nearest centre of excellence above the unit,
   * else the default.
   */
  async effectiveForContract(manager: EntityManager, contractId: string): Promise<AppliedPolicyDto> {
    const contract = await manager.findOneBy(Contract, { id: contractId });
    if (!contract) throw notFound('Contract');
    const own = await manager.findOneBy(ApprovalPolicy, { contractId });
    if (own) {
      return {
        source: 'contract',
        explanation: `Set on contract ${contract.reference}.`,
        policyId: own.id,
        name: own.name,
        steps: own.steps,
      };
    }
    const chain: { id: string; name: string; operating_model: string; depth: number }[] = await manager.query(
      `WITH RECURSIVE chain(id, name, operating_model, parent_id, depth) AS (
         SELECT id, name, operating_model, parent_id, 0 FROM business_units WHERE id = $1
         UNION ALL
         SELECT unit.id, unit.name, unit.operating_model, unit.parent_id, chain.depth + 1
           FROM business_units unit JOIN chain ON unit.id = chain.parent_id WHERE chain.depth < 20
       ) SELECT id, name, operating_model, depth FROM chain ORDER BY depth`,
      [contract.businessUnitId],
    );
    const policies = await manager.find(ApprovalPolicy, {
      where: { businessUnitId: In(chain.map((unit) => unit.id)) },
    });
    const unit = chain[0];
    const unitPolicy = policies.find((policy) => policy.businessUnitId === unit?.id);
    if (unit && unitPolicy) {
      return {
        source: 'business_unit',
        explanation: `Set by ${unit.name}.`,
        policyId: unitPolicy.id,
        name: unitPolicy.name,
        steps: unitPolicy.steps,
      };
    }
    for (const ancestor of chain.slice(1)) {
      const template = policies.find((policy) => policy.businessUnitId === ancestor.id);
      if (ancestor.operating_model === 'coe' && template) {
        return {
          source: 'coe_template',
          explanation: `Inherited from the centre-of-excellence template of ${ancestor.name}; ${unit?.name ?? 'the unit'} does not override it.`,
          policyId: template.id,
          name: template.name,
          steps: template.steps,
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

  async effective(contractId: string): Promise<AppliedPolicyDto> {
    return this.effectiveForContract(this.dataSource.manager, contractId);
  }

  async upsert(
    actor: Actor,
    target: { businessUnitId: string } | { contractId: string },
    input: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyDto> {
    return this.dataSource.transaction(async (manager) => {
      if (
        'businessUnitId' in target &&
        !(await manager.existsBy(BusinessUnit, { id: target.businessUnitId }))
      ) {
        throw notFound('Business unit');
      }
      if ('contractId' in target && !(await manager.existsBy(Contract, { id: target.contractId }))) {
        throw notFound('Contract');
      }
      await this.validateSteps(manager, input.steps);
      const existing = await manager.findOneBy(ApprovalPolicy, target);
      const before = existing ? toPolicyDto(existing) : null;
      const policy =
        existing ?? manager.create(ApprovalPolicy, { businessUnitId: null, contractId: null, ...target });
      policy.name = input.name;
      policy.steps = input.steps.map((step) => ({
        name: step.name,
        approverRole: step.approverRole ?? null,
        approverUserIds: step.approverUserIds ?? [],
        slaHours: step.slaHours,
      }));
      const saved = await manager.save(policy);
      await this.audit.record(manager, actor, {
        action: existing ? 'approval_policy.updated' : 'approval_policy.created',
        entity: 'approval_policy',
        entityId: saved.id,
        before: before ? { ...before } : null,
        after: { ...toPolicyDto(saved) },
      });
      return toPolicyDto(saved);
    });
  }

  async remove(actor: Actor, target: { businessUnitId: string } | { contractId: string }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(ApprovalPolicy, target);
      if (!existing) throw notFound('Approval policy');
      await manager.delete(ApprovalPolicy, { id: existing.id });
      await this.audit.record(manager, actor, {
        action: 'approval_policy.removed',
        entity: 'approval_policy',
        entityId: existing.id,
        before: { ...toPolicyDto(existing) },
      });
    });
  }

  private async validateSteps(manager: EntityManager, steps: readonly ApprovalStepDto[]): Promise<void> {
    const userIds = [...new Set(steps.flatMap((step) => step.approverUserIds ?? []))];
    const users = userIds.length ? await manager.find(User, { where: { id: In(userIds) } }) : [];
    steps.forEach((step, index) => {
      const named = step.approverUserIds ?? [];
      if (!step.approverRole && named.length === 0) {
        throw fieldError(
          `steps.${index}.approverRole`,
          'Each step needs an approver role or named approvers.',
        );
      }
      for (const id of named) {
        const user = users.find((candidate) => candidate.id === id);
        if (!user || !user.active || !REVIEWING_ROLES.includes(user.role)) {
          throw fieldError(
            `steps.${index}.approverUserIds`,
            'Named approvers must be active admins, social leads or reviewers.',
          );
        }
      }
    });
  }
}

export function toPolicyDto(policy: ApprovalPolicy): ApprovalPolicyDto {
  return {
    id: policy.id,
    businessUnitId: policy.businessUnitId,
    contractId: policy.contractId,
    name: policy.name,
    steps: policy.steps,
    updatedAt: policy.updatedAt.toISOString(),
  };
}

/** Whether the actor is an approver of a step. */
export function isApproverOf(step: ApprovalStepDto, actor: { id: string; role: string }): boolean {
  return (
    (step.approverRole !== null && step.approverRole === actor.role) ||
    step.approverUserIds.includes(actor.id)
  );
}
