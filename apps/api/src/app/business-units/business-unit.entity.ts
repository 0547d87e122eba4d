import type { OperatingModel } from '@agency-portal/shared';
import { Column, Entity, type Relation } from 'typeorm';
import { ForeignKey, TimestampedEntity } from '../database/columns';

@Entity({ name: 'business_units' })
export class BusinessUnit extends TimestampedEntity {
  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'operating_model', type: 'text' })
  operatingModel!: OperatingModel;

  @ForeignKey('parent_id', () => BusinessUnit, 'parent', { nullable: true })
  parentId!: string | null;
  parent?: Relation<BusinessUnit> | null;
}
