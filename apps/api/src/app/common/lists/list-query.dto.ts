import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ListQuery, Page, PageTotal } from '@agency-portal/shared';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  sortValues,
  TEXT_LIMITS,
  TOTAL_COUNT_CAP,
} from '@agency-portal/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { toBoolean, toInt, trim } from '../http/transformers';

/**
 * The query parameters every list route takes. A route's DTO extends it and declares its own
 * `sort` with `@ListSort(keys, default)` (each route has its own keys, so the base has none) and
 * its filters; `q` is searched over the columns the route names.
 */
export class ListQueryDto implements ListQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `Page size. A larger value is refused with 400 validation_failed.`,
  })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, unchanged (same sort).' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.cursor)
  cursor?: string;

  @ApiPropertyOptional({
    maxLength: MAX_SEARCH_LENGTH,
    description: 'Text search (case-insensitive substring).',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH)
  q?: string;

  @ApiPropertyOptional({ description: `Also count matching rows (up to ${TOTAL_COUNT_CAP}).` })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  withTotal?: boolean;
}

/** Declares a route's `sort` parameter: one of its keys, `-` for descending. */
export function ListSort(keys: readonly string[], defaultSort: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: sortValues(keys),
      default: defaultSort,
      description: 'Sort key; prefix - for descending. Ties are broken by id.',
    }),
    IsOptional(),
    IsIn(sortValues(keys)),
  );
}

export class PageTotalResponse implements PageTotal {
  count!: number;
  @ApiProperty({ description: `False when more than ${TOTAL_COUNT_CAP} rows match.` })
  exact!: boolean;
}

/** The OpenAPI schema of a page of `item` (one named class per route, e.g. `BriefPage`). */
export function PageOf<T>(item: Type<T>, name: string): Type<Page<T>> {
  class PageResponse implements Page<T> {
    @ApiProperty({ type: [item] })
    items!: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to read on; null on the last page.',
    })
    nextCursor!: string | null;

    @ApiProperty()
    limit!: number;

    @ApiPropertyOptional({ type: PageTotalResponse })
    total?: PageTotal;
  }
  Object.defineProperty(PageResponse, 'name', { value: name });
  return PageResponse;
}
