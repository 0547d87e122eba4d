import type { Channel, FunnelStage, GoalStatus, KpiMetric } from '@agency-portal/shared';
import { Column, Entity, type Relation } from 'typeorm';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { User } from '../users/user.entity';
import { BigintColumn, CurrencyColumn, ForeignKey, TimestampedEntity } from '../database/columns';

@Entity({ name: 'marketing_goals' })
export class MarketingGoal extends TimestampedEntity {
  @ForeignKey('business_unit_id', () => BusinessUnit, 'businessUnit')
  businessUnitId!: string;
  businessUnit?: Relation<BusinessUnit>;

  @ForeignKey('owner_id', () => User, 'owner')
  ownerId!: string;
  owner?: Relation<User>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'kpi_metric', type: 'text' })
  kpiMetric!: KpiMetric;

  @BigintColumn('target_value')
  targetValue!: number;

  @CurrencyColumn('target_currency', { nullable: true })
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
}
