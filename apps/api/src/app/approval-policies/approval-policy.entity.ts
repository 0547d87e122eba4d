import type { ApprovalStepDto } from '@agency-portal/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Ordered approval steps for a business unit (a CoE's is its units' template) or one contract. */
@Entity({ name: 'approval_policies' })
export class ApprovalPolicy {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'business_unit_id', type: 'uuid', nullable: true })
  businessUnitId!: string | null;

  @Column({ name: 'contract_id', type: 'uuid', nullable: true })
  contractId!: string | null;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  steps!: ApprovalStepDto[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
