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
  DeliverableStatus,
  DeliverableSummaryDto,
  DeliverableThumbnailDto,
  FunnelStage,
  UpdateBriefRequest,
} from '@agency-portal/shared';
import {
  BRIEF_SORT_KEYS,
  BRIEF_STATUSES,
  CHANNELS,
  DELIVERABLE_STATUSES,
  FUNNEL_STAGES,
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
import { trim } from '../../common/http/transformers';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import { IsIsoDate, IsMinorUnits, NestedObjects } from '../../common/http/validators';

export class DeliverableSpecInputDto implements DeliverableSpecInput {
  @IsUUID()
  rateCardItemId!: string;

  @IsInt()
  @Min(1)
  @Max(500)
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
  @MaxLength(200)
  title!: string;

  @IsString()
  @MaxLength(5000)
  objective!: string;

  @IsString()
  @MaxLength(5000)
  audience!: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  keyMessages!: string[];

  @ApiProperty({ enum: CHANNELS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
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
  @ArrayMaxSize(50)
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
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  objective?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  audience?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  keyMessages?: string[];

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];

  @ApiPropertyOptional({ enum: FUNNEL_STAGES })
  @IsOptional()
  @IsIn(FUNNEL_STAGES)
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
  @ArrayMaxSize(50)
  @NestedObjects(() => DeliverableSpecInputDto)
  specs?: DeliverableSpecInputDto[];
}

export class ReasonDto implements DeclineBriefRequest, BudgetOverrideRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class BriefListQueryDto extends ListQueryDto implements BriefListQuery {
  @ListSort(BRIEF_SORT_KEYS, 'dueDate')
  override sort?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
  dueFrom?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsIsoDate()
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

  @ApiPropertyOptional({ enum: BRIEF_STATUSES })
  @IsOptional()
  @IsIn(BRIEF_STATUSES)
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

export class DeliverableThumbnailResponse implements DeliverableThumbnailDto {
  fileId!: string;
  fileName!: string;
  contentType!: string;
}

export class DeliverableSummaryResponse implements DeliverableSummaryDto {
  id!: string;
  briefId!: string;
  title!: string;
  rateCardCode!: string | null;
  @ApiProperty({ enum: CHANNELS, nullable: true })
  channel!: Channel | null;
  dueDate!: string;
  @ApiProperty({ enum: DELIVERABLE_STATUSES })
  status!: DeliverableStatus;
  derivedFromId!: string | null;
  latestVersionNumber!: number | null;
  currentStep!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  stepDueAt!: string | null;
  @ApiProperty({ type: DeliverableThumbnailResponse, nullable: true })
  thumbnail!: DeliverableThumbnailResponse | null;
}

export class BriefDetailResponse extends BriefResponse implements BriefDetailDto {
  @ApiProperty({ type: [DeliverableSpecResponse] })
  specs!: DeliverableSpecResponse[];
  @ApiProperty({ type: [DeliverableSummaryResponse] })
  deliverables!: DeliverableSummaryResponse[];
  deliverableCount!: number;
}
