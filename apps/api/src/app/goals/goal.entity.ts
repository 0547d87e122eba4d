import type { Channel, FunnelStage, GoalStatus, KpiMetric } from '@agency-portal/shared';
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
import { BusinessUnit } from '../business-units/business-unit.entity';
import { bigintNumber } from '../common/bigint';
import { User } from '../users/user.entity';

@Entity({ name: 'marketing_goals' })
export class MarketingGoal {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'business_unit_id', type: 'uuid' })
  businessUnitId!: string;

  @ManyToOne(() => BusinessUnit)
  @JoinColumn({ name: 'business_unit_id' })
  businessUnit?: Relation<BusinessUnit>;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'kpi_metric', type: 'text' })
  kpiMetric!: KpiMetric;

  @Column({ name: 'target_value', type: 'bigint', transformer: bigintNumber })
  targetValue!: number;

  @Column({ name: 'target_currency', type: 'char', length: 3, nullable: true })
  targetCurrency!: string | null;

  @Column({ name: 'period_start', type: 'date' })
  periodStart!: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd!: string;

  @Column({ type: 'text', array: true })
  channels!: Channel[];

  @Column({ name: 'funnel_stage', type: 'text' })
  funnelStage!: FunnelStage;

  @Column({ type: 'text', default: 'draft' })
  status!: GoalStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
