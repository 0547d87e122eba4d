import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AppliedPolicyDto,
  ApprovalPolicyDto,
  ApprovalPolicyListQuery,
  ApprovalStepDto,
  ApprovalStepInput,
  PolicySource,
  UpsertApprovalPolicyRequest,
} from '@agency-portal/shared';
import {
  APPROVAL_POLICY_SORT_KEYS,
  POLICY_SOURCES,
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
  IsBoolean,
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
import { trim } from '../../common/http/transformers';
import { NestedObjects } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

export class ApprovalStepInputDto implements ApprovalStepInput {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.approvalStepName)
  name!: string;

  @ApiPropertyOptional({ enum: ['social_lead', 'reviewer', 'admin'], nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(['social_lead', 'reviewer', 'admin'])
  approverRole!: 'social_lead' | 'reviewer' | 'admin' | null;

  @IsArray()
  @ArrayMaxSize(ITEM_LIMITS.namedApprovers)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  approverUserIds!: string[];

  @ApiPropertyOptional({ description: "The contract's owner decides (besides any role or named people)." })
  @IsOptional()
  @IsBoolean()
  contractOwner?: boolean;

  @ApiPropertyOptional({
    description:
      'Someone who decided an earlier step of the version may decide this one too (default false).',
  })
  @IsOptional()
  @IsBoolean()
  allowEarlierApprovers?: boolean;

  @IsInt()
  @Min(NUMBER_LIMITS.approvalStepSlaHours.min)
  @Max(NUMBER_LIMITS.approvalStepSlaHours.max)
  slaHours!: number;
}

export class UpsertApprovalPolicyDto implements UpsertApprovalPolicyRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.name)
  name!: string;

  @ApiProperty({ type: [ApprovalStepInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ITEM_LIMITS.approvalSteps)
  @NestedObjects(() => ApprovalStepInputDto)
  steps!: ApprovalStepInputDto[];
}

export class ApprovalStepResponse implements ApprovalStepDto {
  name!: string;
  @ApiProperty({ enum: ['social_lead', 'reviewer', 'admin'], nullable: true })
  approverRole!: 'social_lead' | 'reviewer' | 'admin' | null;
  approverUserIds!: string[];
  contractOwner!: boolean;
  allowEarlierApprovers!: boolean;
  slaHours!: number;
}

export class ApprovalPolicyResponse implements ApprovalPolicyDto {
  id!: string;
  businessUnitId!: string | null;
  contractId!: string | null;
  name!: string;
  @ApiProperty({ type: [ApprovalStepResponse] })
  steps!: ApprovalStepResponse[];
  updatedAt!: string;
}

export class AppliedPolicyResponse implements AppliedPolicyDto {
  @ApiProperty({ enum: POLICY_SOURCES })
  source!: PolicySource;
  explanation!: string;
  policyId!: string | null;
  name!: string;
  @ApiProperty({ type: [ApprovalStepResponse] })
  steps!: ApprovalStepResponse[];
}

export class ApprovalPolicyPage extends PageOf(ApprovalPolicyResponse, 'ApprovalPolicyPage') {}

export class ApprovalPolicyListQueryDto extends ListQueryDto implements ApprovalPolicyListQuery {
  @ListSort(APPROVAL_POLICY_SORT_KEYS, 'name')
  sort?: string;

  @IsOptional()
  @IsUUID()
  businessUnitId?: string;

  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({ enum: ['business_unit', 'contract'] })
  @IsOptional()
  @IsIn(['business_unit', 'contract'])
  kind?: 'business_unit' | 'contract';
}
