import type { ApprovalStepDto } from '@agency-portal/shared';
import { Column, Entity } from 'typeorm';
import { TimestampedEntity } from '../database/columns';

/** Ordered approval steps for a business unit (a CoE's is its units' template) or one contract. */
@Entity({ name: 'approval_policies' })
export class ApprovalPolicy extends TimestampedEntity {
  @Column({ name: 'business_unit_id', type: 'uuid', nullable: true })
  businessUnitId!: string | null;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  steps!: ApprovalStepDto[];
}
