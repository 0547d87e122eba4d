import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  Channel,
  CreateGoalRequest,
  FunnelStage,
  GoalContractRef,
  GoalDetailDto,
  GoalDto,
  GoalListQuery,
  GoalStatus,
  KpiMetric,
  UpdateGoalRequest,
} from '@agency-portal/shared';
import {
  CHANNELS,
  FUNNEL_STAGES,
  GOAL_SORT_KEYS,
  GOAL_STATUSES,
  KPI_METRICS,
  TEXT_LIMITS,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { trim } from '../../common/http/transformers';
import {
  DistinctValues,
  IsCurrencyCode,
  IsIsoDate,
  OptionalDate,
  OptionalIn,
} from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';
import { UserRefResponse } from '../../agencies/dto/agency.dto';

export class CreateGoalDto implements CreateGoalRequest {
  @IsUUID()
  businessUnitId!: string;

  /** An active in-house user. */
  @IsUUID()
  ownerId!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.title)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  description?: string;

  @ApiProperty({ enum: KPI_METRICS })
  @IsIn(KPI_METRICS)
  kpiMetric!: KpiMetric;

  /** Whole units of the KPI; for revenue, minor units of targetCurrency. */
  @IsInt()
  @Min(1)
  targetValue!: number;

  /** Required for revenue goals, refused otherwise. */
  @ApiPropertyOptional({ nullable: true, example: 'KRW' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCurrencyCode()
  targetCurrency?: string | null;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  periodStart!: string;

  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  periodEnd!: string;

  @DistinctValues(CHANNELS)
  channels!: Channel[];

  @ApiProperty({ enum: FUNNEL_STAGES })
  @IsIn(FUNNEL_STAGES)
  funnelStage!: FunnelStage;

  @OptionalIn(GOAL_STATUSES)
  status?: GoalStatus;
}

export class UpdateGoalDto implements UpdateGoalRequest {
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
  @MaxLength(TEXT_LIMITS.title)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.longText)
  description?: string;

  @OptionalIn(KPI_METRICS)
  kpiMetric?: KpiMetric;

  @IsOptional()
  @IsInt()
  @Min(1)
  targetValue?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCurrencyCode()
  targetCurrency?: string | null;

  @OptionalDate()
  periodStart?: string;

  @OptionalDate()
  periodEnd?: string;

  @DistinctValues(CHANNELS, { optional: true })
  channels?: Channel[];

  @OptionalIn(FUNNEL_STAGES)
  funnelStage?: FunnelStage;

  @OptionalIn(GOAL_STATUSES)
  status?: GoalStatus;
}

export class GoalListQueryDto extends ListQueryDto implements GoalListQuery {
  @ListSort(GOAL_SORT_KEYS, '-periodStart')
  sort?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @OptionalIn(KPI_METRICS)
  kpiMetric?: KpiMetric;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @OptionalIn(GOAL_STATUSES)
  status?: GoalStatus;

  @OptionalIn(CHANNELS)
  channel?: Channel;

  @OptionalDate()
  periodFrom?: string;

  @OptionalDate()
  periodTo?: string;
}

export class GoalResponse implements GoalDto {
  id!: string;
  businessUnitId!: string;
  businessUnitName!: string;
  owner!: UserRefResponse;
  name!: string;
  description!: string;
  @ApiProperty({ enum: KPI_METRICS })
  kpiMetric!: KpiMetric;
  targetValue!: number;
  targetCurrency!: string | null;
  @ApiProperty({ format: 'date' })
  periodStart!: string;
  @ApiProperty({ format: 'date' })
  periodEnd!: string;
  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels!: Channel[];
  @ApiProperty({ enum: FUNNEL_STAGES })
  funnelStage!: FunnelStage;
  @ApiProperty({ enum: GOAL_STATUSES })
  status!: GoalStatus;
  createdAt!: string;
  updatedAt!: string;
}

export class GoalContractRefResponse implements GoalContractRef {
  contractId!: string;
  reference!: string;
  title!: string;
  agencyId!: string;
  agencyName!: string;
  status!: string;
  currency!: string;
  percent!: number;
  allocatedMinor!: number;
  mayOpen!: boolean;
}

export class GoalPage extends PageOf(GoalResponse, 'GoalPage') {}

export class GoalDetailResponse extends GoalResponse implements GoalDetailDto {
  @ApiProperty({ type: [GoalContractRefResponse] })
  contracts!: GoalContractRefResponse[];
  contractCount!: number;
}
