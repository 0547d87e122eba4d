import { Injectable } from '@nestjs/common';
import type {
  AppliedPolicyDto,
  ApprovalPolicyDto,
  ApprovalPolicySortKey,
  ApprovalStepDto,
  ApprovalStepInput,
  Page,
  PolicySource,
} from '@agency-portal/shared';
import { approvalStep } from '@agency-portal/shared';
import { In, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { fieldError, notFound } from '../common/errors/domain-error';
import { paginate, toPage, whereSearch, type ListSpec, whereEqual } from '../common/lists/paginate';
import { UnitOfWork } from '../database/unit-of-work';
import { Contract } from '../contracts/contract.entity';
import { User } from '../users/user.entity';
import { ApprovalPolicy } from './approval-policy.entity';
import { DEFAULT_POLICY } from './default-policy';
import type { ApprovalPolicyListQueryDto, UpsertApprovalPolicyDto } from './dto/approval-policy.dto';

const POLICY_LIST: ListSpec<ApprovalPolicySortKey> = {
  alias: 'policy',
  sorts: {
    name: { expression: 'policy.name', type: 'text' },
    updatedAt: { expression: 'policy.updated_at', type: 'timestamptz' },
  },
  defaultSort: 'name',
};

const REVIEWING_ROLES = ['admin', 'social_lead', 'reviewer'];

@Injectable()
export class ApprovalPoliciesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, query: ApprovalPolicyListQueryDto): Promise<Page<ApprovalPolicyDto>> {
    const qb = this.uow.manager.getRepository(ApprovalPolicy).createQueryBuilder('policy');
    this.access.scope(qb, actor, 'approval_policy', 'policy');
    whereEqual(qb, {
      'policy.business_unit_id': query.businessUnitId,
      'policy.contract_id': query.contractId,
    });
    if (query.kind === 'business_unit') qb.andWhere('policy.business_unit_id IS NOT NULL');
    if (query.kind === 'contract') qb.andWhere('policy.contract_id IS NOT NULL');
    whereSearch(qb, query.q, ['policy.name']);
    return toPage(await paginate(qb, POLICY_LIST, query), toPolicyDto);
  }

  /**
   * Which policy applies to work under a contract, and why: the contract's own override, else its
   * business unit's policy, else the template of the nearest centre of excellence above the unit,
   * else the default. The choice itself is the `effective_approval_policies` view's (reviewers are
   * scoped by the same view); this adds the policy and the explanation.
   */
  async effectiveForContract(manager: EntityManager, contractId: string): Promise<AppliedPolicyDto> {
    // One statement: the contract, the view's choice, the policy and the unit names it explains with.
    const rows: {
      reference: string;
      unit_name: string;
      source: PolicySource | null;
      policy_id: string | null;
      policy_name: string | null;
      steps: ApprovalStepDto[] | null;
      coe_name: string | null;
    }[] = await manager.query(
      `SELECT contract.reference, unit.name AS unit_name, applied.source, policy.id AS policy_id,
              policy.name AS policy_name, policy.steps, coe.name AS coe_name
         FROM contracts contract
         JOIN business_units unit ON unit.id = contract.business_unit_id
         LEFT JOIN effective_approval_policies applied ON applied.contract_id = contract.id
         LEFT JOIN approval_policies policy ON policy.id = applied.policy_id
         LEFT JOIN business_units coe ON coe.id = applied.unit_id
        WHERE contract.id = $1`,
      [contractId],
    );
    const row = rows[0];
    if (!row) throw notFound('Contract');
    if (!row.policy_id || !row.policy_name || !row.steps || !row.source || row.source === 'default') {
      return {
        source: 'default',
        explanation: 'No policy is set for this contract, its unit or a centre of excellence above it.',
        policyId: null,
        ...DEFAULT_POLICY,
      };
    }
    const applies = { policyId: row.policy_id, name: row.policy_name, steps: row.steps.map(approvalStep) };
    if (row.source === 'contract') {
      return { source: 'contract', explanation: `Set on contract ${row.reference}.`, ...applies };
    }
    if (row.source === 'business_unit') {
      return { source: 'business_unit', explanation: `Set by ${row.unit_name}.`, ...applies };
    }
    return {
      source: 'coe_template',
      explanation: `Inherited from the centre-of-excellence template of ${row.coe_name ?? 'a parent unit'}; ${row.unit_name} does not override it.`,
      ...applies,
    };
  }

  /** The applied policy of a contract the actor may read (a reviewer: one they review). */
  async effective(actor: Actor, contractId: string): Promise<AppliedPolicyDto> {
    const manager = this.uow.manager;
    await this.access.require(actor, 'contract', contractId, manager);
    return this.effectiveForContract(manager, contractId);
  }

  async upsert(
    actor: Actor,
    target: { businessUnitId: string } | { contractId: string },
    input: UpsertApprovalPolicyDto,
  ): Promise<ApprovalPolicyDto> {
    return this.uow.run(async (manager) => {
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
      policy.steps = input.steps.map(approvalStep);
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
    await this.uow.run(async (manager) => {
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

  private async validateSteps(manager: EntityManager, steps: readonly ApprovalStepInput[]): Promise<void> {
    const userIds = [...new Set(steps.flatMap((step) => step.approverUserIds ?? []))];
    const users = userIds.length ? await manager.find(User, { where: { id: In(userIds) } }) : [];
    steps.forEach((step, index) => {
      const named = step.approverUserIds ?? [];
      if (!step.approverRole && named.length === 0 && !step.contractOwner) {
        throw fieldError(
          `steps.${index}.approverRole`,
          "Each step needs an approver role, named approvers or the contract's owner.",
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
    steps: policy.steps.map(approvalStep),
    updatedAt: policy.updatedAt.toISOString(),
  };
}
