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
import {
  APPROVAL_POLICY_SORT_KEYS,
  COMMENT_SORT_KEYS,
  POLICY_SOURCES,
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
  @MaxLength(TEXT_LIMITS.longText)
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
