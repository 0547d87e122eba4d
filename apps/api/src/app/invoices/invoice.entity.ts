import type { InvoiceChecks, InvoiceStatus, RateUnit } from '@agency-portal/shared';
import { Column, Entity, PrimaryColumn, type Relation } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { Contract } from '../contracts/contract.entity';
import { Deliverable } from '../deliverables/deliverable.entity';
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

/** numeric(12,2) quantities arrive as text; two decimals are exact in a double. */
const decimalNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** An agency's invoice against one of its contracts, in the contract's currency. */
@Entity({ name: 'invoices' })
export class Invoice extends TimestampedEntity {
  @ForeignKey('agency_id', () => Agency, 'agency')
  agencyId!: string;
  agency?: Relation<Agency>;

  @ForeignKey('contract_id', () => Contract, 'contract')
  contractId!: string;
  contract?: Relation<Contract>;

  @Column({ type: 'text' })
  number!: string;

  @Column({ name: 'issue_date', type: 'date' })
  issueDate!: string;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @CurrencyColumn()
  currency!: string;

  @BigintColumn('net_minor')
  netMinor!: number;

  @Column({ name: 'tax_rate_bp', type: 'integer' })
  taxRateBp!: number;

  @BigintColumn('tax_minor')
  taxMinor!: number;

  @BigintColumn('gross_minor')
  grossMinor!: number;

  @Column({ type: 'text', default: 'submitted' })
  status!: InvoiceStatus;

  /** Bumped by every decision: the conditional UPDATE of a decision names the version it saw. */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'approvals_required', type: 'smallint' })
  approvalsRequired!: number;

  @ForeignKey('document_id', () => StoredFile, 'document')
  documentId!: string;
  document?: Relation<StoredFile>;

  @Column({ type: 'text', default: '' })
  notes!: string;

  @Column({ type: 'jsonb', default: {} })
  checks!: InvoiceChecks;

  @ForeignKey('submitted_by', () => User, 'submitter')
  submittedBy!: string;
  submitter?: Relation<User>;

  @TimestampColumn('submitted_at', { default: () => 'now()' })
  submittedAt!: Date;

  @TimestampColumn('approved_at', { nullable: true })
  approvedAt!: Date | null;

  @ForeignKey('rejected_by', () => User, 'rejecter', { nullable: true })
  rejectedBy!: string | null;
  rejecter?: Relation<User> | null;

  @TimestampColumn('rejected_at', { nullable: true })
  rejectedAt!: Date | null;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason!: string | null;

  @ForeignKey('paid_by', () => User, 'payer', { nullable: true })
  paidBy!: string | null;
  payer?: Relation<User> | null;

  @TimestampColumn('paid_at', { nullable: true })
  paidAt!: Date | null;

  @Column({ name: 'payment_date', type: 'date', nullable: true })
  paymentDate!: string | null;

  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference!: string | null;

  @ForeignKey('withdrawn_by', () => User, 'withdrawer', { nullable: true })
  withdrawnBy!: string | null;
  withdrawer?: Relation<User> | null;

  @TimestampColumn('withdrawn_at', { nullable: true })
  withdrawnAt!: Date | null;
}

/** One billed item: what the rate card said, what the agency charged, the work and goal it traces to. */
@Entity({ name: 'invoice_lines' })
export class InvoiceLine extends IdEntity {
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

  @BigintColumn('unit_price_minor')
  unitPriceMinor!: number;

  @BigintColumn('rate_card_price_minor')
  rateCardPriceMinor!: number;

  @BigintColumn('amount_minor')
  amountMinor!: number;

  @ForeignKey('deliverable_id', () => Deliverable, 'deliverable', { nullable: true })
  deliverableId!: string | null;
  deliverable?: Relation<Deliverable> | null;

  @ForeignKey('goal_id', () => MarketingGoal, 'goal')
  goalId!: string;
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

  @ForeignKey('approver_id', () => User, 'approver', { primary: true })
  approverId!: string;
  approver?: Relation<User>;

  @TimestampColumn('approved_at', { default: () => 'now()' })
  approvedAt!: Date;
}
