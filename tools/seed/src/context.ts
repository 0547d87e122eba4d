import type {
  AgencyService,
  AppliedPolicyDto,
  ApprovalStepDto,
  Channel,
  ContractStatus,
  FunnelStage,
  GoalStatus,
  KpiMetric,
  OperatingModel,
  RateUnit,
  Role,
} from '@agency-portal/shared';
import type { Activity } from './activity';
import type { Loader } from './copy';
import type { Random } from './random';
import type { SampleFile, Storage } from './storage';
import type { Market } from './text';
import type { Instant } from './time';

export type Currency = 'KRW' | 'IDR' | 'USD';

/** Volumes at scale 1 are the large organisation of issue 8; the scale factor multiplies them. */
export interface Volumes {
  agencies: number;
  contracts: number;
  briefs: number;
  deliverables: number;
  /** Invoice lines over the contracts' history (issue 13: at least a million at scale 1). */
  invoiceLines: number;
  /** Published deliverables' daily figures (issue 14: ten million at scale 1). */
  metricRows: number;
}

export function volumesFor(scale: number): Volumes {
  return {
    agencies: Math.max(3, Math.round(50 * scale)),
    contracts: Math.max(12, Math.round(500 * scale)),
    briefs: Math.max(60, Math.round(20_000 * scale)),
    deliverables: Math.max(300, Math.round(200_000 * scale)),
    invoiceLines: Math.max(600, Math.round(1_050_000 * scale)),
    metricRows: Math.max(3000, Math.round(10_000_000 * scale)),
  };
}

export interface UnitPlan {
  id: string;
  key: string;
  name: string;
  model: OperatingModel;
  parent: UnitPlan | null;
  market: Market;
  currency: Currency;
  channels: Channel[];
}

export interface UserPlan {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  unit: UnitPlan | null;
  locale: 'en' | 'ko' | 'id';
  joinedAt: Instant;
  /** When the account was deactivated; null while active. It never acts after that. */
  leftAt: Instant | null;
  /** How busy the person is: a few people do most of the work. */
  weight: number;
}

export interface AgencyPlan {
  id: string;
  name: string;
  slug: string;
  code: string;
  legalName: string;
  market: Market;
  services: AgencyService[];
  owner: UserPlan;
  /** Relative size: a few agencies get most of the work. */
  weight: number;
  createdAt: Instant;
  offboarded: { at: Instant; reason: string } | null;
  users: UserPlan[];
  units: UnitPlan[];
}

export interface GoalPlan {
  id: string;
  unit: UnitPlan;
  owner: UserPlan;
  name: string;
  description: string;
  kpi: KpiMetric;
  target: number;
  currency: Currency | null;
  periodStart: string;
  periodEnd: string;
  channels: Channel[];
  funnel: FunnelStage;
  status: GoalStatus;
  createdAt: Instant;
}

/** What a rate card item produces, which decides the files its versions carry. */
export type WorkKind = 'video' | 'image' | 'carousel' | 'document' | 'service';

export interface RateItemPlan {
  id: string;
  position: number;
  code: string;
  description: string;
  unit: RateUnit;
  priceMinor: number;
  kind: WorkKind;
}

export interface FileRecord {
  id: string;
  key: string;
  name: string;
  sample: SampleFile;
}

export interface ContractPlan {
  id: string;
  agency: AgencyPlan;
  unit: UnitPlan;
  owner: UserPlan;
  reference: string;
  title: string;
  scope: string;
  startDate: string;
  endDate: string;
  currency: Currency;
  /** Sized by the work plan from what its briefs commit. */
  capMinor: number;
  noticeDays: number;
  status: ContractStatus;
  createdAt: Instant;
  activatedAt: Instant | null;
  terminated: { at: Instant; reason: string } | null;
  expiredAt: Instant | null;
  renewalNotifiedAt: Instant | null;
  signedDocument: FileRecord | null;
  internalNotes: string;
  rateCard: RateItemPlan[];
  allocations: { goal: GoalPlan; percent: number }[];
  /** The approval policy that applies (the effective_approval_policies view, worked out the same way). */
  policy: AppliedPolicyDto;
  /** Until when briefs can be sent and accepted: the end of the day before expiry, or termination. */
  activeUntil: Instant;
}

export interface PolicyPlan {
  id: string;
  unit: UnitPlan | null;
  contract: ContractPlan | null;
  name: string;
  steps: ApprovalStepDto[];
  createdAt: Instant;
}

/** A deliverable as later domains need it (spend bills approved ones, reporting measures published ones). */
export interface DeliverableRecord {
  id: string;
  briefId: string;
  contract: ContractPlan;
  rateItem: RateItemPlan;
  goalIds: string[];
  channel: Channel | null;
  status: string;
  derivedFromId: string | null;
  approvedAt: Instant | null;
  publishedAt: Instant | null;
  versions: number;
}

export interface Organisation {
  units: UnitPlan[];
  /** In-house users by role. */
  staff: Map<Role, UserPlan[]>;
  users: UserPlan[];
  agencies: AgencyPlan[];
  /** Known accounts for benchmarks and people exploring the data. */
  accounts: Record<string, UserPlan>;
}

export interface SeedContext {
  random: Random;
  /** The generated history ends here: nothing is dated after it. */
  now: Instant;
  /** The first day of the brand's work with its agencies. */
  since: Instant;
  scale: number;
  volumes: Volumes;
  passwordHash: string;
  /**
   * Foreign keys checked once at the end instead of per row (triggers off for the load, which
   * needs a superuser): then a deliverable can name its current version before the version row
   * is written, so no row is ever updated.
   */
  checksAtEnd: boolean;
  storage: Storage;
  activity: Activity;
  log: (line: string) => void;
  org: Organisation;
  goals: GoalPlan[];
  contracts: ContractPlan[];
  policies: PolicyPlan[];
  deliverables: DeliverableRecord[];
}

/** A known account by the local part of its e-mail (admin, lead, reviewer, legal, hr-reviewer, …). */
export function account(ctx: SeedContext, key: string): UserPlan {
  const user = ctx.org.accounts[key];
  if (!user) throw new Error(`no known account ${key}`);
  return user;
}

export function staffOf(ctx: SeedContext, role: Role): UserPlan[] {
  return ctx.org.staff.get(role) ?? [];
}

/** Whether the person had an active account at `at`. */
export function activeAt(user: UserPlan, at: Instant): boolean {
  return user.joinedAt <= at && (user.leftAt === null || at < user.leftAt);
}

/** A busy-weighted pick among the people active at `at`, or null when nobody is. */
export function pickActive(random: Random, users: readonly UserPlan[], at: Instant): UserPlan | null {
  return random.byWeight(users, (user) => activeAt(user, at));
}

/**
 * One part of the organisation. Every domain's plan() runs before any write(), so a later domain
 * can shape an earlier one's rows (the work plan sizes contract budgets); write() runs in order,
 * so a later domain sees everything the earlier ones generated (spend will bill the approved
 * deliverables, reporting will measure the published ones).
 */
export interface Domain {
  name: string;
  plan(ctx: SeedContext): void;
  write(ctx: SeedContext, loader: Loader): Promise<void>;
}
