import type { EntityManager } from 'typeorm';
import { Deliverable } from './deliverable.entity';

/**
 * Deliverables with what a summary shows (rate card code, latest version number), all to-one joins:
 * one row per deliverable, so it pages and bounds like any list.
 */
export function deliverableSummaryQuery(manager: EntityManager, alias = 'deliverable') {
  return manager
    .getRepository(Deliverable)
    .createQueryBuilder(alias)
    .leftJoinAndSelect(`${alias}.spec`, 'spec')
    .leftJoinAndSelect('spec.rateCardItem', 'rateCardItem')
    .leftJoinAndSelect(`${alias}.currentVersion`, 'currentVersion');
}
