import type { ApprovalStepDto, StepDecision } from '@agency-portal/shared';
import { stepRefusal } from '@agency-portal/shared';
import { In, IsNull, type EntityManager } from 'typeorm';
import { ApprovalDecision } from '../deliverables/deliverable.entity';
import { User } from '../users/user.entity';

/** Where a version's review stands, as the rule of who may decide needs it. */
export interface ReviewStand {
  contractOwnerId: string;
  /** The decisions taken on the version so far. */
  decisions: readonly StepDecision[];
}

/** The decisions taken on a version so far: which step, by whom. */
export async function decisionsOn(manager: EntityManager, versionId: string): Promise<StepDecision[]> {
  return manager.find(ApprovalDecision, {
    select: { stepIndex: true, approverId: true },
    where: { versionId },
  });
}

/**
 * The active in-house users who may act on step `stepIndex` now: its role's members, the people it
 * names and the contract's owner when the step is theirs, less whoever the one-step-per-person rule
 * bars (they decided an earlier step of the version). Those, and only those, hear it is ready.
 */
export async function approversOf(
  manager: EntityManager,
  steps: readonly ApprovalStepDto[],
  stepIndex: number,
  stand: ReviewStand,
): Promise<User[]> {
  const step = steps[stepIndex];
  if (!step) return [];
  const byRole = step.approverRole
    ? await manager.find(User, { where: { role: step.approverRole, active: true, agencyId: IsNull() } })
    : [];
  const ids = [...step.approverUserIds, ...(step.contractOwner ? [stand.contractOwnerId] : [])];
  const named = ids.length
    ? await manager.find(User, { where: { id: In(ids), active: true, agencyId: IsNull() } })
    : [];
  const all = new Map([...byRole, ...named].map((user) => [user.id, user]));
  return [...all.values()].filter((user) => stepRefusal(steps, stepIndex, user, stand) === null);
}
