import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  FinanceQueue,
  FinanceQueueCountsDto,
  FinanceQueueQuery,
  InvoiceAction,
  InvoiceApprovalDto,
  InvoiceChecks,
  InvoiceDetailDto,
  InvoiceDocumentDto,
  InvoiceDraftDto,
  InvoiceDraftLineDto,
  InvoiceDraftRequest,
  InvoiceDto,
  InvoiceLineChecks,
  InvoiceLineDto,
  InvoiceLineInput,
  InvoiceListQuery,
  InvoiceStatus,
  PayInvoiceRequest,
  RateUnit,
  RejectInvoiceRequest,
  SubmitInvoiceRequest,
} from '@agency-portal/shared';
import {
  FINANCE_QUEUES,
  INVOICE_NUMBER_MAX_LENGTH,
  INVOICE_SORT_KEYS,
  INVOICE_STATUSES,
  MAX_INVOICE_LINES,
  MAX_QUANTITY,
  RATE_UNITS,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { UserRefResponse } from '../../agencies/dto/agency.dto';
import { toBoolean, trim } from '../../common/http/transformers';
import {
  IsCurrencyCode,
  IsIsoDate,
  IsMinorUnits,
  NestedObjects,
  OptionalDate,
  OptionalIn,
} from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

export class InvoiceLineInputDto implements InvoiceLineInput {
  @IsUUID()
  rateCardItemId!: string;

  @ApiProperty({
    description: 'Whole for deliverable items; hours and months to two decimals (1.25).',
    example: 1,
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional({
    description: "Minor units; the rate card's price when omitted (a different one is flagged).",
  })
  @IsOptional()
  @IsMinorUnits()
  unitPriceMinor?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The approved deliverable billed: required for deliverable items.',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  deliverableId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      "A goal of the contract; by default the deliverable's brief's (else the largest allocation).",
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  goalId?: string | null;

  @ApiPropertyOptional({ description: "The rate card item's description when omitted." })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class SubmitInvoiceDto implements SubmitInvoiceRequest {
  @IsUUID()
  contractId!: string;

  @ApiProperty({ description: "The agency's own invoice number, unique among its live invoices." })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(INVOICE_NUMBER_MAX_LENGTH)
  number!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  issueDate!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueDate!: string;

  @ApiProperty({ example: 'KRW', description: "The contract's currency; any other is refused (422)." })
  @IsCurrencyCode()
  currency!: string;

  @ApiProperty({ description: 'The PDF uploaded with POST /api/invoices/documents.' })
  @IsUUID()
  documentId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiProperty({ type: [InvoiceLineInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_INVOICE_LINES)
  @NestedObjects(() => InvoiceLineInputDto)
  lines!: InvoiceLineInputDto[];
}

export class InvoiceDraftRequestDto implements InvoiceDraftRequest {
  @IsUUID()
  contractId!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Only these deliverables; every billable one when omitted.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INVOICE_LINES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  deliverableIds?: string[];
}

export class RejectInvoiceDto implements RejectInvoiceRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class PayInvoiceDto implements PayInvoiceRequest {
  @ApiProperty({
    format: 'date',
    description: 'When the money left; not in the future, not before the issue date.',
  })
  @IsIsoDate()
  paymentDate!: string;

  @ApiProperty({ description: "The payment's reference (bank transfer id)." })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reference!: string;
}

export class InvoiceListQueryDto extends ListQueryDto implements InvoiceListQuery {
  @ListSort(INVOICE_SORT_KEYS, '-submittedAt')
  sort?: string;

  @OptionalIn(INVOICE_STATUSES)
  status?: InvoiceStatus;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({ example: 'KRW' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @OptionalDate()
  dueFrom?: string;

  @OptionalDate()
  dueTo?: string;

  @ApiPropertyOptional({ description: 'Approved, unpaid and past due.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

export class FinanceQueueQueryDto extends ListQueryDto implements FinanceQueueQuery {
  @ListSort(INVOICE_SORT_KEYS, 'dueDate')
  sort?: string;

  @ApiProperty({ enum: FINANCE_QUEUES })
  @IsIn(FINANCE_QUEUES)
  queue!: FinanceQueue;
}

export class InvoiceChecksResponse implements InvoiceChecks {
  @ApiProperty({
    type: Object,
    nullable: true,
    description: '{ remainingMinor, netMinor } when over budget.',
  })
  overBudget!: { remainingMinor: number; netMinor: number } | null;
  priceDeviations!: number;
  quantityBeyondSpec!: number;
}

export class InvoiceLineChecksResponse implements InvoiceLineChecks {
  @ApiProperty({ type: Number, nullable: true })
  priceDeviationMinor!: number | null;
  @ApiProperty({ type: Object, nullable: true, description: '{ specified, billed } when beyond the spec.' })
  quantityBeyondSpec!: { specified: number; billed: number } | null;
}

export class InvoiceResponse implements InvoiceDto {
  id!: string;
  agencyId!: string;
  agencyName!: string;
  contractId!: string;
  contractReference!: string;
  businessUnitId!: string;
  number!: string;
  @ApiProperty({ format: 'date' })
  issueDate!: string;
  @ApiProperty({ format: 'date' })
  dueDate!: string;
  currency!: string;
  netMinor!: number;
  taxRateBp!: number;
  taxMinor!: number;
  grossMinor!: number;
  @ApiProperty({ enum: INVOICE_STATUSES })
  status!: InvoiceStatus;
  approvalsRequired!: number;
  approvalCount!: number;
  overdue!: boolean;
  checks!: InvoiceChecksResponse;
  submittedBy!: UserRefResponse;
  submittedAt!: string;
  @ApiProperty({ type: String, nullable: true })
  rejectionReason!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  paymentDate!: string | null;
  @ApiProperty({ type: String, nullable: true })
  paymentReference!: string | null;
  version!: number;
  updatedAt!: string;
}

export class InvoiceDocumentResponse implements InvoiceDocumentDto {
  id!: string;
  fileName!: string;
  sizeBytes!: number;
  sha256!: string;
  uploadedAt!: string;
}

export class InvoiceLineResponse implements InvoiceLineDto {
  id!: string;
  position!: number;
  @ApiProperty({ type: String, nullable: true })
  rateCardItemId!: string | null;
  itemCode!: string;
  description!: string;
  @ApiProperty({ enum: RATE_UNITS })
  unit!: RateUnit;
  quantity!: number;
  unitPriceMinor!: number;
  rateCardPriceMinor!: number;
  amountMinor!: number;
  @ApiProperty({ type: String, nullable: true })
  deliverableId!: string | null;
  @ApiProperty({ type: String, nullable: true })
  deliverableTitle!: string | null;
  @ApiProperty({ type: String, nullable: true })
  briefId!: string | null;
  goalId!: string;
  goalName!: string;
  checks!: InvoiceLineChecksResponse;
}

export class InvoiceApprovalResponse implements InvoiceApprovalDto {
  by!: UserRefResponse;
  at!: string;
}

const INVOICE_ACTIONS: readonly InvoiceAction[] = ['approve', 'reject', 'pay', 'withdraw'];

export class InvoiceDetailResponse extends InvoiceResponse implements InvoiceDetailDto {
  notes!: string;
  document!: InvoiceDocumentResponse;
  @ApiProperty({ type: [InvoiceLineResponse] })
  lines!: InvoiceLineResponse[];
  @ApiProperty({ type: [InvoiceApprovalResponse] })
  approvals!: InvoiceApprovalResponse[];
  @ApiProperty({ type: UserRefResponse, nullable: true })
  rejectedBy!: UserRefResponse | null;
  @ApiProperty({ type: UserRefResponse, nullable: true })
  paidBy!: UserRefResponse | null;
  @ApiProperty({ type: UserRefResponse, nullable: true })
  withdrawnBy!: UserRefResponse | null;
  @ApiProperty({ enum: INVOICE_ACTIONS, isArray: true })
  allowedActions!: InvoiceAction[];
}

export class InvoiceDraftLineResponse implements InvoiceDraftLineDto {
  rateCardItemId!: string;
  itemCode!: string;
  description!: string;
  @ApiProperty({ enum: RATE_UNITS })
  unit!: RateUnit;
  quantity!: number;
  unitPriceMinor!: number;
  amountMinor!: number;
  deliverableId!: string;
  deliverableTitle!: string;
  briefId!: string;
  goalId!: string;
  goalName!: string;
}

export class InvoiceDraftResponse implements InvoiceDraftDto {
  contractId!: string;
  contractReference!: string;
  currency!: string;
  taxRateBp!: number;
  @ApiProperty({ type: [InvoiceDraftLineResponse] })
  lines!: InvoiceDraftLineResponse[];
  netMinor!: number;
  taxMinor!: number;
  grossMinor!: number;
  remainingDeliverables!: number;
}

export class FinanceQueueCountsResponse implements FinanceQueueCountsDto {
  toDecide!: number;
  awaitingPayment!: number;
  overdue!: number;
}

export class InvoicePage extends PageOf(InvoiceResponse, 'InvoicePage') {}
