import type { AgencyService, AgencyStatus } from '@agency-portal/shared';
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
import { User } from '../users/user.entity';

@Entity({ name: 'agencies' })
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'legal_name', type: 'text' })
  legalName!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services!: AgencyService[];

  @Column({ type: 'text', default: 'active' })
  status!: AgencyStatus;

  @Column({ name: 'relationship_owner_id', type: 'uuid' })
  relationshipOwnerId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'relationship_owner_id' })
  relationshipOwner?: Relation<User>;

  @Column({ name: 'offboarded_at', type: 'timestamptz', nullable: true })
  offboardedAt!: Date | null;

  @Column({ name: 'offboard_reason', type: 'text', nullable: true })
  offboardReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
