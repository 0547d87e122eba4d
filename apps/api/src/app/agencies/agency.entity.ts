import type { AgencyService, AgencyStatus } from '@agency-portal/shared';
import { Column, Entity, type Relation } from 'typeorm';
import { User } from '../users/user.entity';
import { ForeignKey, TimestampColumn, TimestampedEntity } from '../database/columns';

@Entity({ name: 'agencies' })
export class Agency extends TimestampedEntity {
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services!: AgencyService[];

  @Column({ type: 'text', default: 'active' })
  status!: AgencyStatus;

  @ForeignKey('relationship_owner_id', () => User, 'relationshipOwner')
  relationshipOwnerId!: string;
  relationshipOwner?: Relation<User>;

  @TimestampColumn('offboarded_at', { nullable: true })
  offboardedAt!: Date | null;

  @Column({ name: 'offboard_reason', type: 'text', nullable: true })
  offboardReason!: string | null;
}
