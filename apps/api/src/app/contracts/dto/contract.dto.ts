import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  BudgetSummaryDto,
  ContractDetailDto,
  ContractDto,
  ContractListQuery,
  ContractStatus,
  CreateContractRequest,
  GoalAllocationDto,
  GoalAllocationInput,
  RateCardItemDto,
  RateCardItemInput,
  RateUnit,
  SignedDocumentDto,
  TerminateContractRequest,
  UpdateContractRequest,
} from '@agency-portal/shared';
import {
  CONTRACT_SORT_KEYS,
  CONTRACT_STATUSES,
  RATE_UNITS,
  MAX_TAX_RATE_BP,
  CONTRACT_ACTIONS,
  type ContractAction,
  ITEM_LIMITS,
  NUMBER_LIMITS,
  TEXT_LIMITS,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { UserRefResponse } from '../../agencies/dto/agency.dto';
import { trim } from '../../common/http/transformers';
import {
  IsCurrencyCode,
  IsIsoDate,
  IsMinorUnits,
  NestedObjects,
  OptionalDate,
  OptionalIn,
} from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

export class RateCardItemInputDto implements RateCardItemInput {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.rateCardCode)
  code!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.rateCardDescription)
  description!: string;

  @ApiProperty({ enum: RATE_UNITS })
  @IsIn(RATE_UNITS)
  unit!: RateUnit;

  /** Minor units of the contract's currency. */
  @IsMinorUnits()
  unitPriceMinor!: number;
}

export class GoalAllocationInputDto implements GoalAllocationInput {
  @IsUUID()
  goalId!: string;

  /** Whole percent of the budget cap, 1–100; all allocations together at most 100. */
  @IsInt()
  @Min(NUMBER_LIMITS.allocationPercent.min)
  @Max(NUMBER_LIMITS.allocationPercent.max)
  percent!: number;
}

export class CreateContractDto implements CreateContractRequest {
  @IsUUID()
  agencyId!: string;

  @IsUUID()
  businessUnitId!: string;

  /** An active in-house user. */
  @IsUUID()
  ownerId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.contractReference)
  reference!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  title!: string;

  @IsString()
  @MaxLength(TEXT_LIMITS.contractText)
  scope!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  startDate!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  endDate!: string;

  @ApiProperty({ example: 'KRW' })
  @IsCurrencyCode()
  currency!: string;

  /** Minor units of the currency (KRW has none, USD and IDR two). */
  @IsMinorUnits()
  budgetCapMinor!: number;

  @ApiPropertyOptional({ description: 'Tax on invoices in basis points (1000 = 10 %); none when omitted.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TAX_RATE_BP)
  taxRateBp?: number;

  @IsInt()
  @Min(NUMBER_LIMITS.renewalNoticeDays.min)
  @Max(NUMBER_LIMITS.renewalNoticeDays.max)
  renewalNoticeDays!: number;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.contractText)
  internalNotes?: string;

  @ApiProperty({ type: [RateCardItemInputDto] })
  @IsArray()
  @ArrayMaxSize(ITEM_LIMITS.rateCardItems)
  @NestedObjects(() => RateCardItemInputDto)
  rateCard!: RateCardItemInputDto[];

  @ApiProperty({ type: [GoalAllocationInputDto] })
  @IsArray()
  @ArrayMaxSize(ITEM_LIMITS.goalAllocations)
  @NestedObjects(() => GoalAllocationInputDto)
  allocations!: GoalAllocationInputDto[];
}

export class UpdateContractDto implements UpdateContractRequest {
  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.contractReference)
  reference?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.contractText)
  scope?: string;

  @OptionalDate()
  startDate?: string;

  @OptionalDate()
  endDate?: string;

  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @IsOptional()
  @IsMinorUnits()
  budgetCapMinor?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TAX_RATE_BP)
  taxRateBp?: number;

  @IsOptional()
  @IsInt()
  @Min(NUMBER_LIMITS.renewalNoticeDays.min)
  @Max(NUMBER_LIMITS.renewalNoticeDays.max)
  renewalNoticeDays?: number;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.contractText)
  internalNotes?: string;

  @ApiPropertyOptional({ type: [RateCardItemInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ITEM_LIMITS.rateCardItems)
  @NestedObjects(() => RateCardItemInputDto)
  rateCard?: RateCardItemInputDto[];

  @ApiPropertyOptional({ type: [GoalAllocationInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ITEM_LIMITS.goalAllocations)
  @NestedObjects(() => GoalAllocationInputDto)
  allocations?: GoalAllocationInputDto[];
}

export class TerminateContractDto implements TerminateContractRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.reason)
  reason!: string;
}

export class ContractListQueryDto extends ListQueryDto implements ContractListQuery {
  @ListSort(CONTRACT_SORT_KEYS, '-startDate')
  sort?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ example: 'KRW' })
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @OptionalIn(CONTRACT_STATUSES)
  status?: ContractStatus;

  @IsOptional()
  @IsUUID()
  goalId?: string;
}

export class SignedDocumentResponse implements SignedDocumentDto {
  id!: string;
  fileName!: string;
  sizeBytes!: number;
  sha256!: string;
  uploadedAt!: string;
}

export class ContractResponse implements ContractDto {
  id!: string;
  agencyId!: string;
  agencyName!: string;
  businessUnitId!: string;
  businessUnitName!: string;
  owner!: UserRefResponse;
  reference!: string;
  title!: string;
  scope!: string;
  @ApiProperty({ format: 'date' })
  startDate!: string;
  @ApiProperty({ format: 'date' })
  endDate!: string;
  currency!: string;
  budgetCapMinor!: number;
  @ApiProperty({ description: 'Tax on invoices in basis points (1000 = 10 %), always sent.' })
  taxRateBp?: number;
  renewalNoticeDays!: number;
  @ApiProperty({ enum: CONTRACT_STATUSES })
  status!: ContractStatus;
  terminationReason!: string | null;
  terminatedAt!: string | null;
  activatedAt!: string | null;
  signedDocument!: SignedDocumentResponse | null;
  /** Absent for agency users. */
  internalNotes?: string;
  createdAt!: string;
  updatedAt!: string;
}

export class RateCardItemResponse implements RateCardItemDto {
  id!: string;
  code!: string;
  description!: string;
  @ApiProperty({ enum: RATE_UNITS })
  unit!: RateUnit;
  unitPriceMinor!: number;
}

export class GoalAllocationResponse implements GoalAllocationDto {
  goalId!: string;
  goalName!: string;
  percent!: number;
  allocatedMinor!: number;
}

export class BudgetSummaryResponse implements BudgetSummaryDto {
  currency!: string;
  capMinor!: number;
  committedMinor!: number;
  invoicedMinor!: number;
  approvedMinor!: number;
  paidMinor!: number;
  remainingMinor!: number;
}

export class ContractPage extends PageOf(ContractResponse, 'ContractPage') {}

export class ContractDetailResponse extends ContractResponse implements ContractDetailDto {
  @ApiProperty({ enum: CONTRACT_ACTIONS, isArray: true })
  allowedActions!: ContractAction[];
  @ApiProperty({ type: [RateCardItemResponse] })
  rateCard!: RateCardItemResponse[];
  @ApiProperty({ type: [GoalAllocationResponse] })
  allocations!: GoalAllocationResponse[];
  budget!: BudgetSummaryResponse;
}
