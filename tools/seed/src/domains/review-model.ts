import type { Channel, Decision, DeliverableStatus } from '@agency-portal/shared';
import { TableBuffer } from '../copy';
import type { ContractPlan, RateItemPlan, UserPlan } from '../context';
import type { SampleFile } from '../storage';
import { TABLES } from '../tables';
import type { Instant } from '../time';

export interface SpecPlan {
  id: string;
  position: number;
  item: RateItemPlan;
  quantity: number;
  dueDate: string;
  channel: Channel | null;
}

/** One accepted brief's run: from acceptance until now, or until it was cancelled (`stop`). */
export interface BriefRun {
  briefId: string;
  contract: ContractPlan;
  goalIds: string[];
  specs: SpecPlan[];
  acceptedAt: Instant;
  /** Nothing happens at or after it; a cancellation lets reviews in flight finish just before. */
  stop: Instant;
  cancelled: boolean;
  /** Cut-downs of master assets planned for this brief. */
  derivatives: number;
}

export interface RunResult {
  /** The first version submitted under the brief (the brief then went in progress). */
  firstSubmission: { at: Instant; by: UserPlan } | null;
  /** When every deliverable had reached approved, published or rejected; null while any has not. */
  allDoneAt: Instant | null;
  deliverables: number;
  lastActivity: Instant;
}

/** The rows of one batch of briefs, in the order they are written. */
export class WorkBuffers {
  readonly briefs = new TableBuffer(TABLES.briefs);
  readonly briefGoals = new TableBuffer(TABLES.briefGoals);
  readonly specs = new TableBuffer(TABLES.specs);
  readonly deliverables = new TableBuffer(TABLES.deliverables);
  readonly versions = new TableBuffer(TABLES.versions);
  readonly currentVersions = new TableBuffer(TABLES.currentVersions);
  readonly files = new TableBuffer(TABLES.storedFiles);
  readonly decisions = new TableBuffer(TABLES.decisions);
  readonly comments = new TableBuffer(TABLES.comments);
}

export interface FileSim {
  id: string;
  sample: SampleFile;
}

export interface VersionSim {
  id: string;
  number: number;
  at: Instant;
  by: UserPlan;
  files: FileSim[];
  /** Who decided at which step: the people who may comment on it. */
  deciders: UserPlan[];
  /** When the version stopped being the one under review (a decision, or now). */
  closedAt: Instant;
  outcome: Decision | 'pending';
}

export interface DeliverableSim {
  id: string;
  title: string;
  spec: SpecPlan;
  channel: Channel | null;
  createdAt: Instant;
  dueDate: string;
  derivedFrom: DeliverableSim | null;
  status: DeliverableStatus;
  versions: VersionSim[];
  currentStep: number | null;
  reviewStartedAt: Instant | null;
  escalatedStep: number | null;
  approvedAt: Instant | null;
  publishedAt: Instant | null;
  postUrl: string | null;
  doneAt: Instant | null;
  updatedAt: Instant;
}
