import { Injectable } from '@nestjs/common';
import type {
  AgencyScorecardDto,
  ScorecardPage,
  ScorecardRow,
  ScorecardSortKey,
} from '@agency-portal/shared';
import {
  DEFAULT_PAGE_SIZE,
  DEFAULT_TREND_QUARTERS,
  MINIMUM_SAMPLE,
  TOTAL_COUNT_CAP,
  isQuarter,
  isQuarterOpen,
  parseSort,
  quarterOf,
  quarterRange,
  quartersEndingWith,
  scorecardSortValue,
} from '@agency-portal/shared';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import type { Actor } from '../auth/actor';
import { fieldError, notFound } from '../common/errors/domain-error';
import { todayIso } from '../common/http/validators';
import { escapeLike } from '../common/like';
import { decodeCursor, encodeCursor } from '../common/lists/paginate';
import { msg } from '../i18n/message';
import type { AgencyScorecardQueryDto, ScorecardQueryDto } from './dto/scorecard.dto';
import { ScorecardFactsStore } from './scorecard-facts.store';
import { factsOf } from './scorecard-sql';
import { type AgencyRecord, toScorecardAgency, toScorecardQuarter, toScorecardRow } from './scorecard.mapper';

/**
 * Agencies compared: every agency the reader may see (one for an agency user) with its figures
 * for a quarter, a page at a time; and one agency's trend over its last quarters. All figures come
 * from three aggregate statements (scorecard-sql.ts) for the agencies in question.
 *
 * Sorting by a figure needs every compared agency's figures, so the comparison computes the
 * matching agencies' facts at once (agencies are an admin-kept list of tens, not a growing
 * table; the statements stay bounded by their ids and the quarter) and pages the sorted rows with
 * the list convention's keyset cursor. Sorted by name, only the page's agencies are computed.
 */
@Injectable()
export class ScorecardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly store: ScorecardFactsStore,
  ) {}

  async list(actor: Actor, query: ScorecardQueryDto): Promise<ScorecardPage> {
    const today = todayIso();
    const quarter = this.quarter(query.quarter, today, 'quarter');
    const range = quarterRange(quarter);
    const sort = query.sort ?? 'name';
    const { key, direction } = parseSort(sort);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = query.cursor ? decodeCursor(query.cursor, sort) : null;
    const agencies = await this.agencies(actor, query.q);
    if (cursor && !agencies.some((agency) => agency.id === cursor.i)) {
      // The agency the last page ended on is gone from the comparison (renamed out of the
      // search): the reader starts again rather than silently skipping rows.
      throw fieldError(
        'cursor',
        msg('The cursor is not valid for this list and sort; start again from the first page.'),
      );
    }

    const byName = (a: AgencyRecord, b: AgencyRecord) =>
      a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
    let rows: ScorecardRow[];
    let ordered: { row: ScorecardRow; key: string }[];
    let asOf: Date | null;
    if (key === 'name') {
      const sorted = [...agencies].sort(byName);
      if (direction === 'desc') sorted.reverse();
      const start = cursor ? sorted.findIndex((agency) => agency.id === cursor.i) + 1 : 0;
      const page = sorted.slice(start, start + limit + 1);
      const stored = await this.store.facts(
        page.slice(0, limit).map((agency) => agency.id),
        [quarter],
        today,
      );
      const facts = stored.facts;
      asOf = stored.asOf;
      ordered = page.map((agency) => ({
        row: toScorecardRow(agency, quarter, factsOf(facts, agency.id, quarter)),
        key: agency.name,
      }));
      rows = ordered.map((entry) => entry.row);
    } else {
      const stored = await this.store.facts(
        agencies.map((agency) => agency.id),
        [quarter],
        today,
      );
      const facts = stored.facts;
      asOf = stored.asOf;
      const figureKey = key as Exclude<ScorecardSortKey, 'name'>;
      const all = agencies.map((agency) => {
        const row = toScorecardRow(agency, quarter, factsOf(facts, agency.id, quarter));
        return { row, value: scorecardSortValue(row.figures, figureKey) };
      });
      const sign = direction === 'asc' ? 1 : -1;
      // Too little data sorts last in either direction; ties are broken by the id, in the sort's direction.
      all.sort(
        (a, b) =>
          (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) ||
          (a.value !== null && b.value !== null ? sign * (a.value - b.value) : 0) ||
          sign * a.row.agencyId.localeCompare(b.row.agencyId),
      );
      const start = cursor ? all.findIndex((entry) => entry.row.agencyId === cursor.i) + 1 : 0;
      ordered = all
        .slice(start, start + limit + 1)
        .map((entry) => ({ row: entry.row, key: entry.value === null ? '' : String(entry.value) }));
      rows = ordered.map((entry) => entry.row);
    }
    const last = ordered[limit - 1];
    const nextCursor =
      ordered.length > limit && last ? encodeCursor({ s: sort, k: last.key, i: last.row.agencyId }) : null;
    return {
      quarter,
      start: range.start,
      end: range.end,
      open: isQuarterOpen(quarter, today),
      items: rows.slice(0, limit),
      nextCursor,
      limit,
      ...(query.withTotal
        ? {
            total: {
              count: Math.min(agencies.length, TOTAL_COUNT_CAP),
              exact: agencies.length <= TOTAL_COUNT_CAP,
            },
          }
        : {}),
      figuresAsOf: asOf?.toISOString() ?? null,
    };
  }

  async agency(actor: Actor, agencyId: string, query: AgencyScorecardQueryDto): Promise<AgencyScorecardDto> {
    await this.access.require(actor, 'scorecard', agencyId);
    const today = todayIso();
    const last = this.quarter(query.quarter, today, 'quarter');
    const quarters = quartersEndingWith(last, query.quarters ?? DEFAULT_TREND_QUARTERS);
    const rows = await this.dataSource.query<AgencyRecord[]>(
      `SELECT id, name, status FROM agencies WHERE id = $1`,
      [agencyId],
    );
    const agency = rows[0];
    if (!agency) throw notFound('Agency');
    const { facts, asOf } = await this.store.facts([agencyId], quarters, today);
    return {
      ...toScorecardAgency(agency),
      quarters: quarters.map((quarter) =>
        toScorecardQuarter(quarter, factsOf(facts, agencyId, quarter), today),
      ),
      minimumSample: MINIMUM_SAMPLE,
      figuresAsOf: asOf?.toISOString() ?? null,
    };
  }

  /** The agencies the reader may compare, matching the search; agencies are a short, admin-kept list. */
  private async agencies(actor: Actor, q: string | undefined): Promise<AgencyRecord[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select(['agency.id AS id', 'agency.name AS name', 'agency.status AS status'])
      .from('agencies', 'agency');
    this.access.scope(query, actor, 'scorecard', 'agency');
    const term = q?.trim();
    if (term) query.andWhere('agency.name ILIKE :searchTerm', { searchTerm: `%${escapeLike(term)}%` });
    return query.getRawMany<AgencyRecord>();
  }

  /** A quarter parameter that exists and has started; the current quarter when absent. */
  private quarter(value: string | undefined, today: string, field: string): string {
    const current = quarterOf(today);
    if (value === undefined) return current;
    if (!isQuarter(value)) throw fieldError(field, msg('Choose a quarter as YYYY-Qn, e.g. 2026-Q3.'));
    if (value > current)
      throw fieldError(field, msg('A scorecard can only show a quarter that has started.'));
    return value;
  }
}
