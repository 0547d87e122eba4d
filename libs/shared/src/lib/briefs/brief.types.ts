import type { ListQuery } from '../common/page';
import type { Channel, FunnelStage } from '../goals/goal.types';
import type { UserRef } from '../organisation/organisation.types';

export const BRIEF_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'cancelled',
] as const;
export type BriefStatus = (typeof BRIEF_STATUSES)[number];
export interface DeliverableSpecDto {
  id: string;
  rateCardItemId: string;
  rateCardCode: string;
  description: string;
  quantity: number;
  dueDate: string;
  channel: Channel | null;
  /** unit price × quantity, minor units of the contract's currency. */
  estimateMinor: number;
}

export interface DeliverableSpecInput {
  rateCardItemId: string;
  quantity: number;
  dueDate: string;
  channel?: Channel | null;
}

export interface BudgetOverrideDto {
  reason: string;
  by: UserRef;
  at: string;
}

/** A goal as a brief names it. */
export interface BriefGoalRef {
  id: string;
  name: string;
}

export interface BriefDto {
  id: string;
  contractId: string;
  contractReference: string;
  agencyId: string;
  agencyName: string;
  currency: string;
  goals: BriefGoalRef[];
  title: string;
  objective: string;
  audience: string;
  keyMessages: string[];
  channels: Channel[];
  funnelStage: FunnelStage;
  dueDate: string;
  budgetEstimateMinor: number;
  status: BriefStatus;
  declineReason: string | null;
  budgetOverride: BudgetOverrideDto | null;
  sentAt: string | null;
  answeredAt: string | null;
  createdBy: UserRef;
  createdAt: string;
  updatedAt: string;
}

/** What can be done to a brief (which, in which status, by which side: `brief-workflow.ts`). */
export const BRIEF_ACTIONS = [
  'edit',
  'send',
  'accept',
  'decline',
  'cancel',
  'complete',
  'override_budget',
] as const;
export type BriefAction = (typeof BRIEF_ACTIONS)[number];

export interface BriefDetailDto extends BriefDto {
  /** What the reader may do to the brief now, decided by the API with `briefActions`. */
  allowedActions: BriefAction[];
  specs: DeliverableSpecDto[];
  /** The first NESTED_LIST_LIMIT by due date; all of them: `GET /api/deliverables?briefId=`. */
  deliverables: DeliverableSummaryDto[];
  deliverableCount: number;
}

export interface CreateBriefRequest {
  contractId: string;
  goalIds: string[];
  title: string;
  objective: string;
  audience: string;
  keyMessages: string[];
  channels: Channel[];
  funnelStage: FunnelStage;
  dueDate: string;
  /** Defaults to the sum of the specs priced from the rate card. */
  budgetEstimateMinor?: number;
  specs: DeliverableSpecInput[];
}

export type UpdateBriefRequest = Partial<Omit<CreateBriefRequest, 'contractId'>>;

export interface DeclineBriefRequest {
  reason: string;
}

export interface BudgetOverrideRequest {
  reason: string;
}

export const BRIEF_SORT_KEYS = ['dueDate', 'title', 'createdAt', 'updatedAt'] as const;
export type BriefSortKey = (typeof BRIEF_SORT_KEYS)[number];

/** `GET /api/briefs`: `q` searches the title and the contract reference. */
export interface BriefListQuery extends ListQuery {
  contractId?: string;
  agencyId?: string;
  goalId?: string;
  status?: BriefStatus;
  /** Due on or after / on or before (ISO dates). */
  dueFrom?: string;
  dueTo?: string;
}

// Deliverables -------------------------------------------------------------------------------

export const DELIVERABLE_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'rejected',
  'published',
] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];
export interface DeliverableSummaryDto {
  id: string;
  briefId: string;
  title: string;
  rateCardCode: string | null;
  channel: Channel | null;
  dueDate: string;
  status: DeliverableStatus;
  derivedFromId: string | null;
  latestVersionNumber: number | null;
  /** Index of the approval step awaiting a decision while in review. */
  currentStep: number | null;
  /** When the current step's SLA runs out (ISO instant), while in review. */
  stepDueAt: string | null;
  /** The latest version's file a list shows beside the title; null before the first version. */
  thumbnail: DeliverableThumbnailDto | null;
}

/**
 * What a deliverable list shows as its picture: the latest version's first image, else its first
 * file (whose type picks an icon). Read with GET /api/files/:fileId/content.
 */
export interface DeliverableThumbnailDto {
  fileId: string;
  fileName: string;
  contentType: string;
}

/**
 * Smaller copies the server makes of a version's files for the review screen: `preview`, an image
 * sized for the web (WebP, at most 2048 px on its longer side); `poster`, a frame of a video. The
 * original always downloads as it was uploaded.
 */
export const RENDITION_KINDS = ['preview', 'poster'] as const;
export type RenditionKind = (typeof RENDITION_KINDS)[number];

/** A rendition that is ready: `GET /api/files/:id/renditions/:kind`, under the original's access rule. */
export interface RenditionDto {
  kind: RenditionKind;
  contentType: string;
  width: number;
  height: number;
  sizeBytes: number;
}

export interface StoredFileDto {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  /** The renditions made so far (none until the queued job has run, none for documents). */
  renditions: RenditionDto[];
}

export interface DeliverableVersionDto {
  id: string;
  number: number;
  copyText: string;
  files: StoredFileDto[];
  uploadedBy: UserRef;
  submittedAt: string;
}

export const DELIVERABLE_SORT_KEYS = ['dueDate', 'title', 'createdAt', 'updatedAt'] as const;
export type DeliverableSortKey = (typeof DELIVERABLE_SORT_KEYS)[number];

/** `GET /api/deliverables`: `q` searches the title. `awaitingMe` is the caller's review queue. */
export interface DeliverableListQuery extends ListQuery {
  briefId?: string;
  contractId?: string;
  derivedFromId?: string;
  status?: DeliverableStatus;
  channel?: Channel;
  awaitingMe?: boolean;
  dueFrom?: string;
  dueTo?: string;
}

/** What can be done to a deliverable (which, when, by whom: `deliverable-workflow.ts`). */
export const DELIVERABLE_ACTIONS = ['submit_version', 'decide', 'publish', 'derive'] as const;
export type DeliverableAction = (typeof DELIVERABLE_ACTIONS)[number];

export interface DeliverableDetailDto extends DeliverableSummaryDto {
  /** What the reader may do to the deliverable now, decided by the API with `deliverableActions`. */
  allowedActions: DeliverableAction[];
  briefTitle: string;
  /** The goals the deliverable's brief serves (trace up to the goal dashboards), at most NESTED_LIST_LIMIT. */
  goals: { goalId: string; goalName: string }[];
  contractId: string;
  /** The contract's in-house owner: the approver of a `contractOwner` step. */
  contractOwner: UserRef;
  agencyId: string;
  agencyName: string;
  derivedFrom: { id: string; title: string } | null;
  /** The first NESTED_LIST_LIMIT cut-downs; all of them: `GET /api/deliverables?derivedFromId=`. */
  derivatives: { id: string; title: string; status: DeliverableStatus }[];
  derivativeCount: number;
  postUrl: string | null;
  publishedAt: string | null;
  /** The newest NESTED_LIST_LIMIT versions, newest first. */
  versions: DeliverableVersionDto[];
  versionCount: number;
  /** The approval policy that applies and why (contract override, unit, inherited CoE template, default). */
  policy: AppliedPolicyDto;
  decisions: ApprovalDecisionDto[];
}

export interface CreateDerivedDeliverableRequest {
  title: string;
  channel: Channel | null;
  dueDate: string;
}

export interface SubmitVersionRequest {
  /** Files uploaded by the submitter (tus uploads, completed) for this deliverable. */
  fileIds: string[];
  copyText: string;
}

export interface PublishDeliverableRequest {
  postUrl: string;
  publishedAt?: string;
}

// Approval policies and decisions ----------------------------------------------------------

export interface ApprovalStepDto {
  name: string;
  /** A role whose members may decide, named users, or the contract's owner (any of them). */
  approverRole: 'social_lead' | 'reviewer' | 'admin' | null;
  approverUserIds: string[];
  /**
   * The in-house owner of the contract the work is under decides: the social lead who runs its
   * briefs, whoever that is when the step comes up.
   */
  contractOwner: boolean;
  /**
   * Someone who decided an earlier step of the same version may decide this one too. Otherwise
   * (the rule) a person decides at most one step of a version.
   */
  allowEarlierApprovers: boolean;
  slaHours: number;
}

/** A step as a policy is set: the options may be left out (false). */
export type ApprovalStepInput = Omit<ApprovalStepDto, 'contractOwner' | 'allowEarlierApprovers'> &
  Partial<Pick<ApprovalStepDto, 'contractOwner' | 'allowEarlierApprovers'>>;

export interface ApprovalPolicyDto {
  id: string;
  /** Exactly one of businessUnitId / contractId is set. */
  businessUnitId: string | null;
  contractId: string | null;
  name: string;
  steps: ApprovalStepDto[];
  updatedAt: string;
}

export const APPROVAL_POLICY_SORT_KEYS = ['name', 'updatedAt'] as const;
export type ApprovalPolicySortKey = (typeof APPROVAL_POLICY_SORT_KEYS)[number];

/** `GET /api/approval-policies`: `q` searches the name. */
export interface ApprovalPolicyListQuery extends ListQuery {
  businessUnitId?: string;
  contractId?: string;
  /** Unit policies (and CoE templates) or contract overrides. */
  kind?: 'business_unit' | 'contract';
}

export const COMMENT_SORT_KEYS = ['createdAt'] as const;

/** `GET /api/versions/:id/comments`, oldest first (threads read top-down); `q` searches the text. */
export interface CommentListQuery extends ListQuery {
  resolved?: boolean;
}

export interface UpsertApprovalPolicyRequest {
  name: string;
  steps: ApprovalStepInput[];
}

export const POLICY_SOURCES = ['contract', 'business_unit', 'coe_template', 'default'] as const;
export type PolicySource = (typeof POLICY_SOURCES)[number];

export interface AppliedPolicyDto {
  source: PolicySource;
  /** Human explanation, e.g. "Inherited from the CoE template of Global Social Centre of Excellence". */
  explanation: string;
  policyId: string | null;
  name: string;
  steps: ApprovalStepDto[];
}

export const DECISIONS = ['approve', 'request_changes', 'reject'] as const;
export type Decision = (typeof DECISIONS)[number];
export interface ApprovalDecisionDto {
  id: string;
  versionId: string;
  versionNumber: number;
  stepIndex: number;
  stepName: string;
  approver: UserRef;
  decision: Decision;
  comment: string | null;
  decidedAt: string;
}

export interface DecideRequest {
  /** The version being decided on; deciding on a superseded version is refused. */
  versionId: string;
  /** The step being decided; a stale step answers 409 with the current state. */
  stepIndex: number;
  decision: Decision;
  /** Required unless approving. */
  comment?: string;
}

// Comments ---------------------------------------------------------------------------------

/**
 * Where a comment is pinned, in fractions (0..1) of the preview's width and height from its
 * top-left corner: a point or a rectangle (`region`) on an image or a PDF page (with its page, from
 * 1), a rectangle on a video frame (with its time), or a video's timecode. Rules: `comment-pins.ts`.
 */
export type CommentPin =
  | { kind: 'point'; x: number; y: number; page?: number; fileId: string }
  | {
      kind: 'region';
      x: number;
      y: number;
      w: number;
      h: number;
      page?: number;
      seconds?: number;
      fileId: string;
    }
  | { kind: 'timecode'; seconds: number; fileId: string };

export interface CommentDto {
  id: string;
  versionId: string;
  parentId: string | null;
  author: UserRef;
  body: string;
  pin: CommentPin | null;
  resolved: boolean;
  resolvedBy: UserRef | null;
  createdAt: string;
}

export interface CreateCommentRequest {
  body: string;
  parentId?: string | null;
  pin?: CommentPin | null;
}
