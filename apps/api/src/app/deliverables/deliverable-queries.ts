import type { DeliverableThumbnailDto } from '@agency-portal/shared';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { joinSome } from '../common/lists/paginate';
import { Deliverable } from './deliverable.entity';

/**
 * Deliverables with what a summary shows (rate card code, latest version number), all to-one joins:
 * one row per deliverable, so it pages and bounds like any list.
 */
export function deliverableSummaryQuery(manager: EntityManager, alias = 'deliverable') {
  const query = manager.getRepository(Deliverable).createQueryBuilder(alias);
  joinSome(query, `${alias}.spec`, 'spec', []);
  joinSome(query, 'spec.rateCardItem', 'rateCardItem', ['code']);
  return joinSome(query, `${alias}.currentVersion`, 'currentVersion', ['number']);
}

/** The raw column `withThumbnail` selects. */
const THUMBNAIL = 'thumbnail';

/**
 * Adds each row's thumbnail to a deliverable list query: the current version's first image, else its
 * first file, as one JSON value per row. A correlated subquery on `stored_files (version_id)`, so a
 * page of 25 costs 25 index probes and the list stays one statement.
 */
export function withThumbnail<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias = 'deliverable',
): SelectQueryBuilder<T> {
  return query.addSelect(
    `(SELECT json_build_object('fileId', file.id, 'fileName', file.original_name, 'contentType', file.content_type)
        FROM stored_files file
       WHERE file.version_id = ${alias}.current_version_id
       ORDER BY (file.content_type LIKE 'image/%') DESC, file.created_at, file.id
       LIMIT 1)`,
    THUMBNAIL,
  );
}

/** The thumbnail `withThumbnail` selected, from the row's raw result. */
export function thumbnailOf(raw: Record<string, unknown> | undefined): DeliverableThumbnailDto | null {
  const value = raw?.[THUMBNAIL] as Partial<DeliverableThumbnailDto> | null | undefined;
  return value && typeof value.fileId === 'string'
    ? { fileId: value.fileId, fileName: value.fileName ?? '', contentType: value.contentType ?? '' }
    : null;
}

/** The same choice among files already loaded (a version's, oldest first). */
export function thumbnailAmong(
  files: readonly { id: string; originalName: string; contentType: string }[],
): DeliverableThumbnailDto | null {
  const file = files.find((candidate) => candidate.contentType.startsWith('image/')) ?? files[0];
  return file ? { fileId: file.id, fileName: file.originalName, contentType: file.contentType } : null;
}
