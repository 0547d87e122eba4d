import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  AppliedPolicyDto,
  ApprovalPolicyDto,
  ApprovalPolicyListQuery,
  ApprovalStepDto,
  CommentDto,
  CommentListQuery,
  CommentPin,
  PolicySource,
  UpsertApprovalPolicyRequest,
} from '@agency-portal/shared';
import { APPROVAL_POLICY_SORT_KEYS, COMMENT_SORT_KEYS, POLICY_SOURCES } from '@agency-portal/shared';
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
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { UserRefResponse } from '../../agencies/dto/agency.dto';
import { toBoolean, trim } from '../../common/http/transformers';
import { NestedObject, NestedObjects } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

export class ApprovalStepInputDto implements ApprovalStepDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ enum: ['social_lead', 'reviewer', 'admin'], nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsIn(['social_lead', 'reviewer', 'admin'])
  approverRole!: 'social_lead' | 'reviewer' | 'admin' | null;

  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  approverUserIds!: string[];

  @IsInt()
  @Min(1)
  @Max(720)
  slaHours!: number;
}

export class UpsertApprovalPolicyDto implements UpsertApprovalPolicyRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({ type: [ApprovalStepInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @NestedObjects(() => ApprovalStepInputDto)
  steps!: ApprovalStepInputDto[];
}

export class ApprovalStepResponse implements ApprovalStepDto {
  name!: string;
  @ApiProperty({ enum: ['social_lead', 'reviewer', 'admin'], nullable: true })
  approverRole!: 'social_lead' | 'reviewer' | 'admin' | null;
  approverUserIds!: string[];
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

export class CommentPinDto {
  @ApiProperty({ enum: ['point', 'timecode'] })
  @IsIn(['point', 'timecode'])
  kind!: 'point' | 'timecode';

  @IsUUID()
  fileId!: string;

  /** Fraction of the width, 0–1 (point pins). */
  @ValidateIf((pin: CommentPinDto) => pin.kind === 'point')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'The pin is outside the image: x must be between 0 and 1.' })
  @Max(1, { message: 'The pin is outside the image: x must be between 0 and 1.' })
  x?: number;

  /** Fraction of the height, 0–1 (point pins). */
  @ValidateIf((pin: CommentPinDto) => pin.kind === 'point')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'The pin is outside the image: y must be between 0 and 1.' })
  @Max(1, { message: 'The pin is outside the image: y must be between 0 and 1.' })
  y?: number;

  /** PDF page, from 1: required on point pins on a PDF, refused on images. */
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  /** Seconds into the video (timecode pins). */
  @ValidateIf((pin: CommentPinDto) => pin.kind === 'timecode')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(86400)
  seconds?: number;
}

export class CreateCommentDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  body!: string;

  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: CommentPinDto, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @NestedObject(() => CommentPinDto)
  pin?: CommentPinDto | null;
}

export class CommentResponse implements CommentDto {
  id!: string;
  versionId!: string;
  parentId!: string | null;
  author!: UserRefResponse;
  body!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  pin!: CommentPin | null;
  resolved!: boolean;
  resolvedBy!: UserRefResponse | null;
  createdAt!: string;
}

export class CommentPage extends PageOf(CommentResponse, 'CommentPage') {}

export class CommentListQueryDto extends ListQueryDto implements CommentListQuery {
  @ListSort(COMMENT_SORT_KEYS, 'createdAt')
  override sort?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  resolved?: boolean;
}

export class ApprovalPolicyPage extends PageOf(ApprovalPolicyResponse, 'ApprovalPolicyPage') {}

export class ApprovalPolicyListQueryDto extends ListQueryDto implements ApprovalPolicyListQuery {
  @ListSort(APPROVAL_POLICY_SORT_KEYS, 'name')
  override sort?: string;

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
