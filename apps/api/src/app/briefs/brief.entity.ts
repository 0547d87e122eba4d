import type { BriefStatus, Channel, FunnelStage } from '@agency-portal/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { bigintNumber } from '../common/bigint';
import { Contract, RateCardItem } from '../contracts/contract.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { User } from '../users/user.entity';

@Entity({ name: 'briefs' })
export class Brief {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => Contract)
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  objective!: string;

  @Column({ type: 'text', default: '' })
  audience!: string;

  @Column({ name: 'key_messages', type: 'text', array: true, default: () => "'{}'" })
  keyMessages!: string[];

  @Column({ type: 'text', array: true })
  channels!: Channel[];

  @Column({ name: 'funnel_stage', type: 'text' })
  funnelStage!: FunnelStage;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'budget_estimate_minor', type: 'bigint', transformer: bigintNumber })
  budgetEstimateMinor!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: BriefStatus;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ name: 'override_by', type: 'uuid', nullable: true })
  overrideBy!: string | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'override_by' })
  overrideUser?: Relation<User> | null;

  @Column({ name: 'override_at', type: 'timestamptz', nullable: true })
  overrideAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'created_by' })
  creator?: Relation<User>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'brief_goals' })
export class BriefGoal {
  @PrimaryColumn({ name: 'brief_id', type: 'uuid' })
  briefId!: string;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @ManyToOne(() => MarketingGoal)
  @JoinColumn({ name: 'goal_id' })
  goal?: Relation<MarketingGoal>;
}

@Entity({ name: 'deliverable_specs' })
export class DeliverableSpec {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'brief_id', type: 'uuid' })
  briefId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'rate_card_item_id', type: 'uuid' })
  rateCardItemId!: string;

  @ManyToOne(() => RateCardItem)
  @JoinColumn({ name: 'rate_card_item_id' })
  rateCardItem?: Relation<RateCardItem>;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', nullable: true })
  channel!: Channel | null;
}
