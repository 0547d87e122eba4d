import type { DeliverableDetailDto } from '@agency-portal/shared';
import { approvalStep, deliverableActions, NESTED_LIST_LIMIT } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import type { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors/domain-error';
import { joinSome, PERSON } from '../common/lists/paginate';
import { StoredFile } from '../files/stored-file.entity';
import { readyRenditionsOf } from '../renditions/rendition-queries';
import type { ApprovalPoliciesService } from '../approval-policies/approval-policies.service';
import { deliverableSummaryQuery, thumbnailAmong } from './deliverable-queries';
import { ApprovalDecision, Deliverable, DeliverableVersion } from './deliverable.entity';
import { toDeliverableSummary } from './deliverable.mapper';

/** The newest versions of a deliverable, the ones its page lists (files and decisions follow them). */
const LISTED_VERSIONS = `SELECT listed.id FROM deliverable_versions listed
  WHERE listed.deliverable_id = :id ORDER BY listed.number DESC LIMIT ${NESTED_LIST_LIMIT}`;

/**
 * The deliverable page in two round trips of at most seven statements whatever its history: the
 * deliverable with its brief, contract, agency and master; then, side by side, its newest versions
 * and its cut-downs (each with the count of all), those versions' files and decisions, and the policy
 * explanation only while no review has run yet.
 */
export async function loadDeliverableDetail(
  manager: EntityManager,
  access: AccessService,
  policies: ApprovalPoliciesService,
  actor: Actor,
  id: string,
): Promise<DeliverableDetailDto> {
  const qb = deliverableSummaryQuery(manager);
  joinSome(qb, 'deliverable.brief', 'brief', ['title', 'status', 'contractId'], true);
  joinSome(qb, 'brief.contract', 'contract', ['agencyId', 'ownerId'], true);
  joinSome(qb, 'contract.owner', 'contractOwner', PERSON);
  joinSome(qb, 'contract.agency', 'agency', ['name'], true);
  joinSome(qb, 'deliverable.derivedFrom', 'derivedFrom', ['title']).where('deliverable.id = :id', { id });
  const deliverable = await access.scope(qb, actor, 'deliverable', 'deliverable').getOne();
  const brief = deliverable?.brief;
  const contract = brief?.contract;
  if (!deliverable || !brief || !contract) throw notFound('Deliverable');

  const versionQuery = manager.getRepository(DeliverableVersion).createQueryBuilder('version');
  joinSome(versionQuery, 'version.uploader', 'uploader', PERSON)
    .addSelect('count(*) OVER ()', 'version_count')
    .where('version.deliverable_id = :id', { id })
    .orderBy('version.number', 'DESC')
    .limit(NESTED_LIST_LIMIT);
  const derivativeQuery = manager
    .getRepository(Deliverable)
    .createQueryBuilder('child')
    .select(['child.id', 'child.title', 'child.status'])
    .addSelect('count(*) OVER ()', 'derivative_count')
    .where('child.derived_from_id = :id', { id })
    .orderBy('child.created_at', 'ASC')
    .addOrderBy('child.id', 'ASC')
    .limit(NESTED_LIST_LIMIT);
  const decisionQuery = manager.getRepository(ApprovalDecision).createQueryBuilder('decision');
  joinSome(decisionQuery, 'decision.approver', 'approver', PERSON)
    .where(`decision.version_id IN (${LISTED_VERSIONS})`, { id })
    .orderBy('decision.decided_at', 'ASC');
  const goalsQuery = manager.query<{ goal_id: string; goal_name: string }[]>(
    `SELECT g.id AS goal_id, g.name AS goal_name FROM brief_goals bg JOIN marketing_goals g ON g.id = bg.goal_id
      WHERE bg.brief_id = $1 ORDER BY g.name, g.id LIMIT ${NESTED_LIST_LIMIT}`,
    [deliverable.briefId],
  );
  const [versions, derivatives, files, renditions, decisions, applied, goals] = await Promise.all([
    versionQuery.getRawAndEntities<{ version_count: string }>(),
    derivativeQuery.getRawAndEntities<{ derivative_count: string }>(),
    manager
      .getRepository(StoredFile)
      .createQueryBuilder('file')
      .where(`file.version_id IN (${LISTED_VERSIONS})`, { id })
      .orderBy('file.created_at', 'ASC')
      .getMany(),
    readyRenditionsOf(manager, LISTED_VERSIONS, { id }),
    decisionQuery.getMany(),
    deliverable.reviewPolicy ?? policies.effectiveForContract(manager, contract.id),
    goalsQuery,
  ]);

  const filesOf = new Map<string, StoredFile[]>();
  for (const file of files) {
    if (file.versionId) filesOf.set(file.versionId, [...(filesOf.get(file.versionId) ?? []), file]);
  }
  const numberOf = new Map(versions.entities.map((version) => [version.id, version.number]));
  const policy = { ...applied, steps: applied.steps.map(approvalStep) };
  const allowedActions = deliverableActions(
    {
      status: deliverable.status,
      briefStatus: brief.status,
      derivedFromId: deliverable.derivedFromId,
      currentStep: deliverable.currentStep,
      hasVersion: versions.entities.length > 0,
      steps: policy.steps,
      contractOwnerId: contract.ownerId,
      decisions: decisions.filter((decision) => decision.versionId === deliverable.currentVersionId),
    },
    actor,
  );
  return {
    ...toDeliverableSummary(
      deliverable,
      versions.entities[0]?.number ?? null,
      thumbnailAmong(filesOf.get(deliverable.currentVersionId ?? '') ?? []),
    ),
    allowedActions,
    briefTitle: brief.title,
    goals: goals.map((goal) => ({ goalId: goal.goal_id, goalName: goal.goal_name })),
    contractId: contract.id,
    contractOwner: {
      id: contract.ownerId,
      name: contract.owner?.name ?? '',
      email: contract.owner?.email ?? '',
    },
    agencyId: contract.agencyId,
    agencyName: contract.agency?.name ?? '',
    derivedFrom: deliverable.derivedFrom
      ? { id: deliverable.derivedFrom.id, title: deliverable.derivedFrom.title }
      : null,
    derivatives: derivatives.entities.map((child) => ({
      id: child.id,
      title: child.title,
      status: child.status,
    })),
    derivativeCount: Number(derivatives.raw[0]?.derivative_count ?? 0),
    postUrl: deliverable.postUrl,
    publishedAt: deliverable.publishedAt?.toISOString() ?? null,
    versions: versions.entities.map((version) => ({
      id: version.id,
      number: version.number,
      copyText: version.copyText,
      files: (filesOf.get(version.id) ?? []).map((file) => ({
        id: file.id,
        fileName: file.originalName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        renditions: renditions.get(file.id) ?? [],
      })),
      uploadedBy: {
        id: version.uploadedBy,
        name: version.uploader?.name ?? '',
        email: version.uploader?.email ?? '',
      },
      submittedAt: version.submittedAt.toISOString(),
    })),
    versionCount: Number(versions.raw[0]?.version_count ?? 0),
    policy,
    decisions: decisions.map((decision) => ({
      id: decision.id,
      versionId: decision.versionId,
      versionNumber: numberOf.get(decision.versionId) ?? 0,
      stepIndex: decision.stepIndex,
      stepName: decision.stepName,
      approver: {
        id: decision.approverId,
        name: decision.approver?.name ?? '',
        email: decision.approver?.email ?? '',
      },
      decision: decision.decision,
      comment: decision.comment,
      decidedAt: decision.decidedAt.toISOString(),
    })),
  };
}
