import type { BriefStatus, Channel, FunnelStage } from '@agency-portal/shared';
import { Column, Entity, PrimaryColumn, type Relation } from 'typeorm';
import { Contract, RateCardItem } from '../contracts/contract.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { User } from '../users/user.entity';
import { BigintColumn, ForeignKey, IdEntity, TimestampColumn, TimestampedEntity } from '../database/columns';

@Entity({ name: 'briefs' })
export class Brief extends TimestampedEntity {
  @ForeignKey('contract_id', () => Contract, 'contract')
  contractId!: string;
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

  @BigintColumn('budget_estimate_minor')
  budgetEstimateMinor!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: BriefStatus;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @ForeignKey('override_by', () => User, 'overrideUser', { nullable: true })
  overrideBy!: string | null;
  overrideUser?: Relation<User> | null;

  @TimestampColumn('override_at', { nullable: true })
  overrideAt!: Date | null;

  @TimestampColumn('sent_at', { nullable: true })
  sentAt!: Date | null;

  @TimestampColumn('answered_at', { nullable: true })
  answeredAt!: Date | null;

  @ForeignKey('created_by', () => User, 'creator')
  createdBy!: string;
  creator?: Relation<User>;
}

@Entity({ name: 'brief_goals' })
export class BriefGoal {
  @PrimaryColumn({ name: 'brief_id', type: 'uuid' })
  briefId!: string;

  @ForeignKey('goal_id', () => MarketingGoal, 'goal', { primary: true })
  goalId!: string;
  goal?: Relation<MarketingGoal>;
}

@Entity({ name: 'deliverable_specs' })
export class DeliverableSpec extends IdEntity {
  @Column({ name: 'brief_id', type: 'uuid' })
  briefId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @ForeignKey('rate_card_item_id', () => RateCardItem, 'rateCardItem')
  rateCardItemId!: string;
  rateCardItem?: Relation<RateCardItem>;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'text', nullable: true })
  channel!: Channel | null;
}
