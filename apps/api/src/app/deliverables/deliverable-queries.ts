import type { DeliverableThumbnailDto } from '@agency-portal/shared';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../auth/actor';
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

/** The jsonb step awaiting a decision, of the policy snapshot the review runs on. */
export function currentStepSql(alias = 'deliverable'): string {
  return `(${alias}.review_policy->'steps'->${alias}.current_step)`;
}

/** When the step awaiting a decision runs out of its SLA (in-review rows only), as SQL. */
export function stepDueAtSql(alias = 'deliverable'): string {
  return `(${alias}.review_started_at + make_interval(hours => CAST(${currentStepSql(alias)}->>'slaHours' AS integer)))`;
}

/**
 * The versions awaiting the actor's decision, in SQL, by the rule of the shared `stepRefusal`: the
 * current step of the snapshotted policy names them by role, by id, or as the contract's owner, and
 * they decided no earlier step of the version unless the step allows it. Indexed by the partial
 * indexes on in-review rows (and approval_decisions by version). The review queue
 * (`GET /api/deliverables?awaitingMe=true`) and the home's review queue both use it;
 * `test/home/home-queues.int-spec.ts` holds it to `stepRefusal`.
 */
export function whereAwaitingDecisionOf<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Pick<Actor, 'id' | 'role'>,
  alias = 'deliverable',
): SelectQueryBuilder<T> {
  const step = currentStepSql(alias);
  return qb
    .andWhere(`${alias}.status = 'in_review'`)
    .andWhere(
      `((${step}->>'approverRole') = :queueRole
        OR (${step}->'approverUserIds') @> jsonb_build_array(CAST(:queueUser AS text))
        OR ((${step}->>'contractOwner') = 'true' AND ${alias}.brief_id IN (
             SELECT owned.id FROM briefs owned JOIN contracts owning ON owning.id = owned.contract_id
              WHERE owning.owner_id = CAST(:queueUser AS uuid))))`,
      { queueRole: actor.role, queueUser: actor.id },
    )
    .andWhere(
      `((${step}->>'allowEarlierApprovers') = 'true' OR NOT EXISTS (
         SELECT 1 FROM approval_decisions earlier
          WHERE earlier.version_id = ${alias}.current_version_id
            AND earlier.approver_id = CAST(:queueUser AS uuid)))`,
    );
}
