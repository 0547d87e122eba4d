import type { ContractStatus, RateUnit } from '@agency-portal/shared';
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
import { Agency } from '../agencies/agency.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { bigintNumber } from '../common/bigint';
import { StoredFile } from '../files/stored-file.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { User } from '../users/user.entity';

/** A statement of work binding one agency to a business unit, with an in-house owner. */
@Entity({ name: 'contracts' })
export class Contract {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

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
  reference!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  scope!: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'budget_cap_minor', type: 'bigint', transformer: bigintNumber })
  budgetCapMinor!: number;

  /** Tax on invoices in basis points (1000 = 10 % Korean VAT, 1100 = 11 % Indonesian PPN, 0 = none). */
  @Column({ name: 'tax_rate_bp', type: 'integer', default: 0 })
  taxRateBp!: number;

  @Column({ name: 'renewal_notice_days', type: 'integer', default: 30 })
  renewalNoticeDays!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: ContractStatus;

  @Column({ name: 'termination_reason', type: 'text', nullable: true })
  terminationReason!: string | null;

  @Column({ name: 'terminated_at', type: 'timestamptz', nullable: true })
  terminatedAt!: Date | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt!: Date | null;

  @Column({ name: 'renewal_notified_at', type: 'timestamptz', nullable: true })
  renewalNotifiedAt!: Date | null;

  @Column({ name: 'signed_document_id', type: 'uuid', nullable: true })
  signedDocumentId!: string | null;

  @ManyToOne(() => StoredFile, { nullable: true })
  @JoinColumn({ name: 'signed_document_id' })
  signedDocument?: Relation<StoredFile> | null;

  /** In-house only: never sent to agency users. */
  @Column({ name: 'internal_notes', type: 'text', default: '' })
  internalNotes!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'rate_card_items' })
export class RateCardItem {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  unit!: RateUnit;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintNumber })
  unitPriceMinor!: number;
}

@Entity({ name: 'contract_goals' })
export class ContractGoal {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => Contract)
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;

  @PrimaryColumn({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @ManyToOne(() => MarketingGoal)
  @JoinColumn({ name: 'goal_id' })
  goal?: Relation<MarketingGoal>;

  @Column({ type: 'integer' })
  percent!: number;
}
