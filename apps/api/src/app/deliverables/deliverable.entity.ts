import type { AppliedPolicyDto, Channel, Decision, DeliverableStatus } from '@agency-portal/shared';
import { Column, Entity, type Relation } from 'typeorm';
import { Brief, DeliverableSpec } from '../briefs/brief.entity';
import { User } from '../users/user.entity';
import { ForeignKey, IdEntity, TimestampColumn, TimestampedEntity } from '../database/columns';

@Entity({ name: 'deliverables' })
export class Deliverable extends TimestampedEntity {
  @ForeignKey('brief_id', () => Brief, 'brief')
  briefId!: string;
  brief?: Relation<Brief>;

  @ForeignKey('spec_id', () => DeliverableSpec, 'spec', { nullable: true })
  specId!: string | null;
  spec?: Relation<DeliverableSpec> | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  channel!: Channel | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** Content atomisation lineage: the master asset this one was cut from. */
  @ForeignKey('derived_from_id', () => Deliverable, 'derivedFrom', { nullable: true })
  derivedFromId!: string | null;
  derivedFrom?: Relation<Deliverable> | null;

  @Column({ type: 'text', default: 'draft' })
  status!: DeliverableStatus;

  /** Read-only join for summaries: the current version is always the latest one submitted. */
  @ForeignKey('current_version_id', () => DeliverableVersion, 'currentVersion', {
    nullable: true,
    noConstraint: true,
  })
  currentVersionId!: string | null;
  currentVersion?: Relation<DeliverableVersion> | null;

  /** The approval step awaiting a decision while in review. */
  @Column({ name: 'current_step', type: 'integer', nullable: true })
  currentStep!: number | null;

  /** When the current step started waiting (SLA clock). */
  @TimestampColumn('review_started_at', { nullable: true })
  reviewStartedAt!: Date | null;

  /** The step already escalated as overdue, so each step escalates once. */
  @Column({ name: 'escalated_step', type: 'integer', nullable: true })
  escalatedStep!: number | null;

  /** The policy snapshot the current review runs on. */
  @Column({ name: 'review_policy', type: 'jsonb', nullable: true })
  reviewPolicy!: AppliedPolicyDto | null;

  @Column({ name: 'post_url', type: 'text', nullable: true })
  postUrl!: string | null;

  @TimestampColumn('published_at', { nullable: true })
  publishedAt!: Date | null;
}

/** Immutable once written: a trigger refuses UPDATE and DELETE. */
@Entity({ name: 'deliverable_versions' })
export class DeliverableVersion extends IdEntity {
  @Column({ name: 'deliverable_id', type: 'uuid' })
  deliverableId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'copy_text', type: 'text', default: '' })
  copyText!: string;

  @ForeignKey('uploaded_by', () => User, 'uploader')
  uploadedBy!: string;
  uploader?: Relation<User>;

  @TimestampColumn('submitted_at', { default: () => 'now()' })
  submittedAt!: Date;
}

@Entity({ name: 'approval_decisions' })
export class ApprovalDecision extends IdEntity {
  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'step_index', type: 'integer' })
  stepIndex!: number;

  @Column({ name: 'step_name', type: 'text' })
  stepName!: string;

  @ForeignKey('approver_id', () => User, 'approver')
  approverId!: string;
  approver?: Relation<User>;

  @Column({ type: 'text' })
  decision!: Decision;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @TimestampColumn('decided_at', { default: () => 'now()' })
  decidedAt!: Date;
}
