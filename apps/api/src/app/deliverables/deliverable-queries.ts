import type { EntityManager } from 'typeorm';
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
