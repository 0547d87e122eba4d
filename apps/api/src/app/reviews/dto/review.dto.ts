import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CommentDto,
  CommentListQuery,
  CommentPin,
  RequestedChangeDto,
  RequestedChangesDto,
} from '@agency-portal/shared';
import {
  COMMENT_SORT_KEYS,
  MIN_REGION_SIZE,
  NUMBER_LIMITS,
  PIN_KINDS,
  TEXT_LIMITS,
  type PinKind,
} from '@agency-portal/shared';
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
  ValidateBy,
  ValidateIf,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { UserRefResponse } from '../../agencies/dto/agency.dto';
import { toBoolean, trim } from '../../common/http/transformers';
import { NestedObject } from '../../common/http/validators';
import { ListQueryDto, ListSort, PageOf } from '../../common/lists/list-query.dto';

/** Rounding slack for fractions computed in a browser, as in the shared `regionProblem`. */
const EPSILON = 1e-9;

/** A region's width (or height) reaches no further than the preview's edge from its x (or y). */
function FitsFrom(origin: 'x' | 'y', options: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'fitsFrom',
      validator: {
        validate: (size: unknown, args?: ValidationArguments) => {
          const start = (args?.object as Record<string, unknown> | undefined)?.[origin];
          // A missing or wrong number is reported by IsNumber.
          if (typeof size !== 'number' || typeof start !== 'number') return true;
          return start + size <= 1 + EPSILON;
        },
      },
    },
    options,
  );
}

const TOO_SMALL = 'The region is too small: drag a larger rectangle, or click to pin a point.';

const hasPosition = (pin: CommentPinDto): boolean => pin.kind === 'point' || pin.kind === 'region';

export class CommentPinDto {
  @ApiProperty({ enum: PIN_KINDS })
  @IsIn(PIN_KINDS)
  kind!: PinKind;

  @IsUUID()
  fileId!: string;

  /** Fraction of the width, 0–1, from the left (points; a region's left edge). */
  @ValidateIf(hasPosition)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'The pin is outside the image: x must be between 0 and 1.' })
  @Max(1, { message: 'The pin is outside the image: x must be between 0 and 1.' })
  x?: number;

  /** Fraction of the height, 0–1, from the top (points; a region's top edge). */
  @ValidateIf(hasPosition)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0, { message: 'The pin is outside the image: y must be between 0 and 1.' })
  @Max(1, { message: 'The pin is outside the image: y must be between 0 and 1.' })
  y?: number;

  /** A region's width, as a fraction of the preview's (x + w ≤ 1). */
  @ValidateIf((pin: CommentPinDto) => pin.kind === 'region')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_REGION_SIZE, { message: TOO_SMALL })
  @FitsFrom('x', { message: 'The region reaches past the right edge: x + w must be at most 1.' })
  w?: number;

  /** A region's height, as a fraction of the preview's (y + h ≤ 1). */
  @ValidateIf((pin: CommentPinDto) => pin.kind === 'region')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_REGION_SIZE, { message: TOO_SMALL })
  @FitsFrom('y', { message: 'The region reaches past the bottom edge: y + h must be at most 1.' })
  h?: number;

  /** PDF page, from 1: required on points and regions on a PDF, refused elsewhere. */
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;

  /** Seconds into the video: timecode pins, and the frame a region on a video is drawn on. */
  @ValidateIf((pin: CommentPinDto) => pin.kind === 'timecode' || pin.seconds !== undefined)
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
