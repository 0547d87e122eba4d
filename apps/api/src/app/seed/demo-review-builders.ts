import type { AppliedPolicyDto, BriefStatus, Decision, DeliverableStatus } from '@agency-portal/shared';
import type { EntityManager } from 'typeorm';
import { Brief, BriefGoal, DeliverableSpec } from '../briefs/brief.entity';
import { Contract, ContractGoal, RateCardItem } from '../contracts/contract.entity';
import { ApprovalDecision, Deliverable, DeliverableVersion } from '../deliverables/deliverable.entity';
import type { FileStorage } from '../files/file-storage';
import type { StoredFile } from '../files/stored-file.entity';
import type { User } from '../users/user.entity';
import { storeDemoFile } from './demo-files';
import { demoPng } from './demo-png';
import { recordSeedEvent } from './seed-audit';

/** The demo's building blocks: a brief with its specs and deliverables, a version with its file, a decision. */

export async function activeContract(manager: EntityManager, agencyName: string): Promise<Contract> {
  return manager
    .getRepository(Contract)
    .createQueryBuilder('contract')
    .innerJoin('contract.agency', 'agency')
    .where('agency.name = :agencyName', { agencyName })
    .andWhere("contract.status = 'active'")
    .getOneOrFail();
}

export interface BriefSeed {
  title: string;
  objective: string;
  audience: string;
  keyMessages: string[];
  channels: Brief['channels'];
  dueDate: string;
  specs: { code: string; quantity: number; dueDate: string; channel: DeliverableSpec['channel'] }[];
  sentAt: Date | null;
  answeredAt: Date | null;
  declineReason?: string;
}

export async function brief(
  manager: EntityManager,
  lead: User,
  contract: Contract,
  status: BriefStatus,
  seed: BriefSeed,
): Promise<{ brief: Brief; deliverables: Deliverable[] }> {
  const items = await manager.find(RateCardItem, { where: { contractId: contract.id } });
  const goals = await manager.find(ContractGoal, { where: { contractId: contract.id } });
  const priced = seed.specs.map((spec) => {
    const item = items.find((candidate) => candidate.code === spec.code);
    if (!item) throw new Error(`demo rate card item ${spec.code} missing`);
    return { ...spec, item };
  });
  const estimate = priced.reduce(
    (sum, spec) => sum + BigInt(spec.item.unitPriceMinor) * BigInt(spec.quantity),
    0n,
  );
  const saved = await manager.save(
    manager.create(Brief, {
      contractId: contract.id,
      title: seed.title,
      objective: seed.objective,
      audience: seed.audience,
      keyMessages: seed.keyMessages,
      channels: seed.channels,
      funnelStage: 'awareness',
      dueDate: seed.dueDate,
      budgetEstimateMinor: Number(estimate),
      status,
      declineReason: seed.declineReason ?? null,
      overrideReason: null,
      overrideBy: null,
      overrideAt: null,
      sentAt: seed.sentAt,
      answeredAt: seed.answeredAt,
      createdBy: lead.id,
    }),
  );
  await manager.insert(
    BriefGoal,
    goals.slice(0, 1).map((goal) => ({ briefId: saved.id, goalId: goal.goalId })),
  );
  const deliverables: Deliverable[] = [];
  for (const [position, spec] of priced.entries()) {
    const row = await manager.save(
      manager.create(DeliverableSpec, {
        briefId: saved.id,
        position,
        rateCardItemId: spec.item.id,
        quantity: spec.quantity,
        dueDate: spec.dueDate,
        channel: spec.channel,
      }),
    );
    if (status === 'accepted' || status === 'in_progress') {
      for (let index = 0; index < spec.quantity; index++) {
        deliverables.push(
          await manager.save(
            manager.create(Deliverable, {
              briefId: saved.id,
              specId: row.id,
              title: spec.quantity > 1 ? `${spec.item.description} ${index + 1}` : spec.item.description,
              channel: spec.channel,
              dueDate: spec.dueDate,
              derivedFromId: null,
              status: 'draft',
              currentVersionId: null,
              currentStep: null,
            }),
          ),
        );
      }
    }
  }
  await recordSeedEvent(manager, 'brief.created', 'brief', saved.id, { title: saved.title, status });
  return { brief: saved, deliverables };
}

export async function version(
  manager: EntityManager,
  storage: FileStorage,
  written: string[],
  deliverable: Deliverable,
  uploader: User,
  number: number,
  at: Date,
  copyText: string,
  from: [number, number, number],
  to: [number, number, number],
): Promise<{ version: DeliverableVersion; file: StoredFile }> {
  const saved = await manager.save(
    manager.create(DeliverableVersion, {
      deliverableId: deliverable.id,
      number,
      copyText,
      uploadedBy: uploader.id,
      submittedAt: at,
    }),
  );
  const file = await storeDemoFile(manager, storage, written, {
    key: `deliverables/${deliverable.id}/demo-v${number}.png`,
    fileName: `${deliverable.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-v${number}.png`,
    contentType: 'image/png',
    bytes: demoPng(480, 600, from, to),
    uploadedBy: uploader.id,
    deliverableId: deliverable.id,
    versionId: saved.id,
  });
  return { version: saved, file };
}

export async function decide(
  manager: EntityManager,
  version: DeliverableVersion,
  stepIndex: number,
  stepName: string,
  approver: User,
  decision: Decision,
  comment: string | null,
  at: Date,
): Promise<void> {
  await manager.insert(ApprovalDecision, {
    versionId: version.id,
    stepIndex,
    stepName,
    approverId: approver.id,
    decision,
    comment,
    decidedAt: at,
  });
}

export async function review(
  manager: EntityManager,
  deliverable: Deliverable,
  current: DeliverableVersion,
  status: DeliverableStatus,
  step: number | null,
  startedAt: Date | null,
  policy: AppliedPolicyDto,
): Promise<void> {
  await manager.update(
    Deliverable,
    { id: deliverable.id },
    {
      status,
      currentVersionId: current.id,
      currentStep: step,
      reviewStartedAt: startedAt,
      reviewPolicy: policy,
    },
  );
}
