import type { ContractStatus, RateUnit } from '@agency-portal/shared';
import { Column, Entity, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { StoredFile } from '../files/stored-file.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { User } from '../users/user.entity';
import {
  BigintColumn,
  CurrencyColumn,
  ForeignKey,
  IdEntity,
  TimestampColumn,
  TimestampedEntity,
} from '../database/columns';

/** A statement of work binding one agency to a business unit, with an in-house owner. */
@Entity({ name: 'contracts' })
export class Contract extends TimestampedEntity {
  @ForeignKey('agency_id', () => Agency, 'agency')
  agencyId!: string;
  agency?: Relation<Agency>;

  @ForeignKey('business_unit_id', () => BusinessUnit, 'businessUnit')
  businessUnitId!: string;
  businessUnit?: Relation<BusinessUnit>;

  @ForeignKey('owner_id', () => User, 'owner')
  ownerId!: string;
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

  @CurrencyColumn()
  currency!: string;

  @BigintColumn('budget_cap_minor')
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

  @TimestampColumn('terminated_at', { nullable: true })
  terminatedAt!: Date | null;

  @TimestampColumn('activated_at', { nullable: true })
  activatedAt!: Date | null;

  @TimestampColumn('expired_at', { nullable: true })
  expiredAt!: Date | null;

  @TimestampColumn('renewal_notified_at', { nullable: true })
  renewalNotifiedAt!: Date | null;

  @ForeignKey('signed_document_id', () => StoredFile, 'signedDocument', { nullable: true })
  signedDocumentId!: string | null;
  signedDocument?: Relation<StoredFile> | null;

  /** In-house only: never sent to agency users. */
  @Column({ name: 'internal_notes', type: 'text', default: '' })
  internalNotes!: string;
}

@Entity({ name: 'rate_card_items' })
export class RateCardItem extends IdEntity {
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

  @BigintColumn('unit_price_minor')
  unitPriceMinor!: number;
}

@Entity({ name: 'contract_goals' })
export class ContractGoal {
  @ForeignKey('contract_id', () => Contract, 'contract', { primary: true })
  contractId!: string;
  contract?: Relation<Contract>;

  @ForeignKey('goal_id', () => MarketingGoal, 'goal', { primary: true })
  goalId!: string;
  goal?: Relation<MarketingGoal>;

  @Column({ type: 'integer' })
  percent!: number;
}
