import { Column, Entity } from 'typeorm';
import { CreatedEntity } from '../database/columns';

/** A person's subscription to the weekly digest of one goal or one business unit (exactly one is set). */
@Entity({ name: 'digest_subscriptions' })
export class DigestSubscription extends CreatedEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'goal_id', type: 'uuid', nullable: true })
  goalId!: string | null;

  @Column({ name: 'business_unit_id', type: 'uuid', nullable: true })
  businessUnitId!: string | null;
}
