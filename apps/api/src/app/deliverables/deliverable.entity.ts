import type { AppliedPolicyDto, Channel, Decision, DeliverableStatus } from '@agency-portal/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Brief, DeliverableSpec } from '../briefs/brief.entity';
import { User } from '../users/user.entity';

@Entity({ name: 'deliverables' })
export class Deliverable {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId!: string;

  @ManyToOne(() => Brief)
  @JoinColumn({ name: 'brief_id' })
  brief?: Relation<Brief>;

  @Column({ name: 'spec_id', type: 'uuid', nullable: true })
  specId!: string | null;

  @ManyToOne(() => DeliverableSpec, { nullable: true })
  @JoinColumn({ name: 'spec_id' })
  spec?: Relation<DeliverableSpec> | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  channel!: Channel | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  /** Content atomisation lineage: the master asset this one was cut from. */
  @Column({ name: 'derived_from_id', type: 'uuid', nullable: true })
  derivedFromId!: string | null;

  @ManyToOne(() => Deliverable, { nullable: true })
  @JoinColumn({ name: 'derived_from_id' })
  derivedFrom?: Relation<Deliverable> | null;

  @Column({ type: 'text', default: 'draft' })
  status!: DeliverableStatus;

  @Column({ name: 'current_version_id', type: 'uuid', nullable: true })
  currentVersionId!: string | null;

  /** Read-only join for summaries: the current version is always the latest one submitted. */
  @ManyToOne(() => DeliverableVersion, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'current_version_id' })
  currentVersion?: Relation<DeliverableVersion> | null;

  /** The approval step awaiting a decision while in review. */
  @Column({ name: 'current_step', type: 'integer', nullable: true })
  currentStep!: number | null;

  /** When the current step started waiting (SLA clock). */
  @Column({ name: 'review_started_at', type: 'timestamptz', nullable: true })
  reviewStartedAt!: Date | null;

  /** The step already escalated as overdue, so each step escalates once. */
  @Column({ name: 'escalated_step', type: 'integer', nullable: true })
  escalatedStep!: number | null;

  /** The policy snapshot the current review runs on. */
  @Column({ name: 'review_policy', type: 'jsonb', nullable: true })
  reviewPolicy!: AppliedPolicyDto | null;

  @Column({ name: 'post_url', type: 'text', nullable: true })
  postUrl!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Immutable once written: a trigger refuses UPDATE and DELETE. */
@Entity({ name: 'deliverable_versions' })
export class DeliverableVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'deliverable_id', type: 'uuid' })
  deliverableId!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'copy_text', type: 'text', default: '' })
  copyText!: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'uploaded_by' })
  uploader?: Relation<User>;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt!: Date;
}

@Entity({ name: 'approval_decisions' })
export class ApprovalDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @Column({ name: 'step_index', type: 'integer' })
  stepIndex!: number;

  @Column({ name: 'step_name', type: 'text' })
  stepName!: string;

  @Column({ name: 'approver_id', type: 'uuid' })
  approverId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'approver_id' })
  approver?: Relation<User>;

  @Column({ type: 'text' })
  decision!: Decision;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', default: () => 'now()' })
  decidedAt!: Date;
}
