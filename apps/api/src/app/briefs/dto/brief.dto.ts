import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  BriefDetailDto,
  BriefDto,
  BriefListQuery,
  BriefStatus,
  BudgetOverrideDto,
  BudgetOverrideRequest,
  Channel,
  CreateBriefRequest,
  DeclineBriefRequest,
  DeliverableSpecDto,
  DeliverableSpecInput,
  FunnelStage,
  UpdateBriefRequest,
} from '@agency-portal/shared';
import {
  BRIEF_SORT_KEYS,
  BRIEF_STATUSES,
  CHANNELS,
  FUNNEL_STAGES,
  BRIEF_ACTIONS,
  type BriefAction,
  ITEM_LIMITS,
  NUMBER_LIMITS,
  TEXT_LIMITS,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
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
  ValidateIf,
} from 'class-validator';
import { UserRefResponse } from '../../agencies/dto/agency.dto';
import { DeliverableSummaryResponse } from '../../deliverables/dto/deliverable.dto';
import { trim } from '../../common/http/transformers';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import {
  IsIsoDate,
  IsMinorUnits,
  NestedObjects,
  OptionalDate,
  DistinctValues,
  OptionalIn,
} from '../../common/http/validators';

export class DeliverableSpecInputDto implements DeliverableSpecInput {
  @IsUUID()
  rateCardItemId!: string;

  @IsInt()
  @Min(NUMBER_LIMITS.specQuantity.min)
  @Max(NUMBER_LIMITS.specQuantity.max)
  quantity!: number;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueDate!: string;

  @ApiPropertyOptional({ enum: CHANNELS, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(CHANNELS)
  channel?: Channel | null;
}

class BriefFieldsDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  goalIds!: string[];

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  title!: string;

  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  objective!: string;

  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  audience!: string;

  @IsArray()
  @ArrayMaxSize(ITEM_LIMITS.keyMessages)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.keyMessage, { each: true })
  keyMessages!: string[];

  @DistinctValues(CHANNELS)
  channels!: Channel[];

  @ApiProperty({ enum: FUNNEL_STAGES })
  @IsIn(FUNNEL_STAGES)
  funnelStage!: FunnelStage;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  dueDate!: string;

  /** Defaults to the specs priced from the rate card. */
  @IsOptional()
  @IsMinorUnits()
  budgetEstimateMinor?: number;

  @ApiProperty({ type: [DeliverableSpecInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ITEM_LIMITS.deliverableSpecs)
  @NestedObjects(() => DeliverableSpecInputDto)
  specs!: DeliverableSpecInputDto[];
}

export class CreateBriefDto extends BriefFieldsDto implements CreateBriefRequest {
  @IsUUID()
  contractId!: string;
}

export class UpdateBriefDto implements UpdateBriefRequest {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  goalIds?: string[];

  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  objective?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  audience?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ITEM_LIMITS.keyMessages)
  @IsString({ each: true })
  @MaxLength(TEXT_LIMITS.keyMessage, { each: true })
  keyMessages?: string[];

  @DistinctValues(CHANNELS, { optional: true })
  channels?: Channel[];

  @OptionalIn(FUNNEL_STAGES)
  funnelStage?: FunnelStage;

  @IsOptional()
  @IsIsoDate()
  dueDate?: string;

  @IsOptional()
  @IsMinorUnits()
  budgetEstimateMinor?: number;

  @ApiPropertyOptional({ type: [DeliverableSpecInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ITEM_LIMITS.deliverableSpecs)
  @NestedObjects(() => DeliverableSpecInputDto)
  specs?: DeliverableSpecInputDto[];
}

export class ReasonDto implements DeclineBriefRequest, BudgetOverrideRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.reason)
  reason!: string;
}

export class BriefListQueryDto extends ListQueryDto implements BriefListQuery {
  @ListSort(BRIEF_SORT_KEYS, 'dueDate')
  sort?: string;

  @OptionalDate()
  dueFrom?: string;

  @OptionalDate()
  dueTo?: string;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @IsOptional()
  @IsUUID()
  goalId?: string;

  @OptionalIn(BRIEF_STATUSES)
  status?: BriefStatus;
}

export class BudgetOverrideResponse implements BudgetOverrideDto {
  reason!: string;
  by!: UserRefResponse;
  at!: string;
}

export class GoalRefResponse {
  id!: string;
  name!: string;
}

export class BriefResponse implements BriefDto {
  id!: string;
  contractId!: string;
  contractReference!: string;
  agencyId!: string;
  agencyName!: string;
  currency!: string;
  @ApiProperty({ type: [GoalRefResponse] })
  goals!: GoalRefResponse[];
  title!: string;
  objective!: string;
  audience!: string;
  keyMessages!: string[];
  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels!: Channel[];
  @ApiProperty({ enum: FUNNEL_STAGES })
  funnelStage!: FunnelStage;
  dueDate!: string;
  budgetEstimateMinor!: number;
  @ApiProperty({ enum: BRIEF_STATUSES })
  status!: BriefStatus;
  declineReason!: string | null;
  budgetOverride!: BudgetOverrideResponse | null;
  sentAt!: string | null;
  answeredAt!: string | null;
  createdBy!: UserRefResponse;
  createdAt!: string;
  updatedAt!: string;
}

export class BriefPage extends PageOf(BriefResponse, 'BriefPage') {}

export class DeliverableSpecResponse implements DeliverableSpecDto {
  id!: string;
  rateCardItemId!: string;
  rateCardCode!: string;
  description!: string;
  quantity!: number;
  dueDate!: string;
  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;
  estimateMinor!: number;
}

export class BriefDetailResponse extends BriefResponse implements BriefDetailDto {
  @ApiProperty({ enum: BRIEF_ACTIONS, isArray: true })
  allowedActions!: BriefAction[];
  @ApiProperty({ type: [DeliverableSpecResponse] })
  specs!: DeliverableSpecResponse[];
  @ApiProperty({ type: [DeliverableSummaryResponse] })
  deliverables!: DeliverableSummaryResponse[];
  deliverableCount!: number;
}
