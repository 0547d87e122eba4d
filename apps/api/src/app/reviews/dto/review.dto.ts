import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CommentDto,
  CommentListQuery,
  CommentPin,
  RequestedChangeDto,
  RequestedChangesDto,
} from '@agency-portal/shared';
import { COMMENT_SORT_KEYS, NUMBER_LIMITS, TEXT_LIMITS } from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import {
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
import { NestedObject } from '../../common/http/validators';
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
  @Min(NUMBER_LIMITS.pinSeconds.min)
  @Max(NUMBER_LIMITS.pinSeconds.max)
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
  sort?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  resolved?: boolean;
}

export class RequestedChangeResponse implements RequestedChangeDto {
  decisionId!: string;
  versionId!: string;
  versionNumber!: number;
  stepIndex!: number;
  stepName!: string;
  requestedBy!: UserRefResponse;
  comment!: string | null;
  decidedAt!: string;
  @ApiProperty({ type: [CommentResponse] })
  openComments!: CommentResponse[];
  openCommentCount!: number;
}

export class RequestedChangesResponse implements RequestedChangesDto {
  @ApiProperty({ type: [RequestedChangeResponse] })
  items!: RequestedChangeResponse[];
  total!: number;
}
