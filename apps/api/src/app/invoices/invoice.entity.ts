import type { InvoiceChecks, InvoiceStatus, RateUnit } from '@agency-portal/shared';
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
import { bigintNumber } from '../common/bigint';
import { Contract } from '../contracts/contract.entity';
import { Deliverable } from '../deliverables/deliverable.entity';
import { StoredFile } from '../files/stored-file.entity';
import { MarketingGoal } from '../goals/goal.entity';
import { User } from '../users/user.entity';

/** numeric(12,2) quantities arrive as text; two decimals are exact in a double. */
const decimalNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** An agency's invoice against one of its contracts, in the contract's currency. */
@Entity({ name: 'invoices' })
export class Invoice {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency)
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ name: 'contract_id', type: 'uuid' })
  contractId!: string;

  @ManyToOne(() => Contract)
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;

  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'issue_date', type: 'date' })
  issueDate!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'net_minor', type: 'bigint', transformer: bigintNumber })
  netMinor!: number;

  @Column({ name: 'tax_rate_bp', type: 'integer' })
  taxRateBp!: number;

  @Column({ name: 'tax_minor', type: 'bigint', transformer: bigintNumber })
  taxMinor!: number;

  @Column({ name: 'gross_minor', type: 'bigint', transformer: bigintNumber })
  grossMinor!: number;

  @Column({ type: 'text', default: 'submitted' })
  status!: InvoiceStatus;

  /** Bumped by every decision: the conditional UPDATE of a decision names the version it saw. */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'approvals_required', type: 'smallint' })
  approvalsRequired!: number;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @ManyToOne(() => StoredFile)
  @JoinColumn({ name: 'document_id' })
  document?: Relation<StoredFile>;

  @Column({ type: 'text', default: '' })
  notes!: string;

  @Column({ type: 'jsonb', default: {} })
  checks!: InvoiceChecks;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'submitted_by' })
  submitter?: Relation<User>;

  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'now()' })
  submittedAt!: Date;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'rejected_by', type: 'uuid', nullable: true })
  rejectedBy!: string | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'rejected_by' })
  rejecter?: Relation<User> | null;

  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true })
  rejectedAt!: Date | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @Column({ name: 'paid_by', type: 'uuid', nullable: true })
  paidBy!: string | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'paid_by' })
  payer?: Relation<User> | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'payment_date', type: 'date', nullable: true })
  paymentDate!: string | null;

  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference!: string | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @ManyToOne(() => User, { nullable: true })
  @JoinColumn({ name: 'withdrawn_by' })
  withdrawer?: Relation<User> | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One billed item: what the rate card said, what the agency charged, the work and goal it traces to. */
@Entity({ name: 'invoice_lines' })
export class InvoiceLine {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @Column({ type: 'integer' })
  position!: number;

  /** Null once the contract's rate card dropped the item; the line keeps its code and price. */
  @Column({ name: 'rate_card_item_id', type: 'uuid', nullable: true })
  rateCardItemId!: string | null;

  @Column({ name: 'item_code', type: 'text' })
  itemCode!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text' })
  unit!: RateUnit;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: decimalNumber })
  quantity!: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: bigintNumber })
  unitPriceMinor!: number;

  @Column({ name: 'rate_card_price_minor', type: 'bigint', transformer: bigintNumber })
  rateCardPriceMinor!: number;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: bigintNumber })
  amountMinor!: number;

  @Column({ name: 'deliverable_id', type: 'uuid', nullable: true })
  deliverableId!: string | null;

  @ManyToOne(() => Deliverable, { nullable: true })
  @JoinColumn({ name: 'deliverable_id' })
  deliverable?: Relation<Deliverable> | null;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId!: string;

  @ManyToOne(() => MarketingGoal)
  @JoinColumn({ name: 'goal_id' })
  goal?: Relation<MarketingGoal>;

  /** The brief spec's quantity and what live invoices billed of it with this line (null without a spec). */
  @Column({ name: 'spec_quantity', type: 'integer', nullable: true })
  specQuantity!: number | null;

  @Column({
    name: 'billed_spec_quantity',
    type: 'numeric',
    precision: 12,
    scale: 2,
    nullable: true,
    transformer: decimalNumber,
  })
  billedSpecQuantity!: number | null;

  /** Follows the invoice's status (trigger): live lines hold their deliverable. */
  @Column({ type: 'boolean', default: true, insert: false, update: false })
  live!: boolean;
}

@Entity({ name: 'invoice_approvals' })
export class InvoiceApproval {
  @PrimaryColumn({ name: 'invoice_id', type: 'uuid' })
  invoiceId!: string;

  @PrimaryColumn({ name: 'approver_id', type: 'uuid' })
  approverId!: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'approver_id' })
  approver?: Relation<User>;

  @Column({ name: 'approved_at', type: 'timestamptz', default: () => 'now()' })
  approvedAt!: Date;
}
