import type { ListQuery, Page, PageTotal } from '@agency-portal/shared';
import { DEFAULT_PAGE_SIZE, parseSort, TOTAL_COUNT_CAP } from '@agency-portal/shared';
import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { fieldError } from '../errors/domain-error';
import { escapeLike } from '../like';
import { msg } from '../../i18n/message';

/** A sortable column: the SQL expression and its PostgreSQL type (to read a cursor back). NOT NULL columns only. */
export interface SortColumn {
  expression: string;
  type: 'text' | 'date' | 'timestamptz' | 'integer' | 'bigint';
}

/** How one list route pages: its root alias (whose `id` breaks ties), sort keys and default sort. */
export interface ListSpec<K extends string> {
  alias: string;
  sorts: Record<K, SortColumn>;
  defaultSort: K | `-${K}`;
}

/** One page of rows plus what the client needs to read on. */
export interface RowPage<T> {
  rows: T[];
  /** Each row's raw result by id, for values selected beside the entity (counts, aggregates). */
  raw: Map<string, Record<string, unknown>>;
  nextCursor: string | null;
  limit: number;
  total?: PageTotal;
}

interface Cursor {
  /** The sort the cursor belongs to. */
  s: string;
  /** The last row's sort value, as PostgreSQL printed it. */
  k: string;
  /** The last row's id. */
  i: string;
}

const invalidCursor = () =>
  fieldError('cursor', 'The cursor is not valid for this list and sort; start again from the first page.');

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const cursor = parsed as Partial<Cursor> | null;
  if (
    typeof cursor !== 'object' ||
    cursor === null ||
    cursor.s !== sort ||
    typeof cursor.k !== 'string' ||
    typeof cursor.i !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(cursor.i)
  ) {
    throw invalidCursor();
  }
  return cursor as Cursor;
}

/**
 * Keyset pagination for a TypeORM query: orders by the chosen sort column and the id (same
 * direction, so one row comparison `(key, id) > (…)` continues after the cursor on an index),
 * reads one row more than the page to know whether there is a next page, and optionally counts the
 * matching rows up to TOTAL_COUNT_CAP. The query must join only to-one relations (one raw row per
 * entity); to-many data is loaded for the page's ids afterwards.
 */
export async function paginate<T extends ObjectLiteral, K extends string>(
  query: SelectQueryBuilder<T>,
  spec: ListSpec<K>,
  params: ListQuery,
): Promise<RowPage<T>> {
  const sort = params.sort ?? spec.defaultSort;
  const { key, direction } = parseSort(sort);
  const column = (spec.sorts as Record<string, SortColumn | undefined>)[key];
  if (!column) throw fieldError('sort', msg('The list cannot be sorted by {key}.', { key }));
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  const id = `${spec.alias}.id`;

  const total = params.withTotal ? await countCapped(query.clone(), id) : undefined;

  if (params.cursor) {
    const cursor = decodeCursor(params.cursor, sort);
    const comparison = direction === 'asc' ? '>' : '<';
    query.andWhere(
      `(${column.expression}, ${id}) ${comparison} (CAST(:pageKey AS ${column.type}), CAST(:pageId AS uuid))`,
      { pageKey: cursor.k, pageId: cursor.i },
    );
  }
  const order = direction === 'asc' ? 'ASC' : 'DESC';
  query
    .addSelect(`CAST(${column.expression} AS text)`, 'page_key')
    .orderBy(column.expression, order)
    .addOrderBy(id, order)
    .limit(limit + 1);

  const result = await query.getRawAndEntities<Record<string, unknown>>();
  const raw = new Map(result.raw.map((row) => [String(row[`${spec.alias}_id`]), row]));
  const rows = result.entities.slice(0, limit);
  const last = rows[rows.length - 1];
  let nextCursor: string | null = null;
  if (result.entities.length > limit && last && typeof last.id === 'string') {
    nextCursor = encodeCursor({
      s: sort,
      k: String((raw.get(last.id)?.['page_key'] as string | number | Date | null | undefined) ?? ''),
      i: last.id,
    });
  }
  return { rows, raw, nextCursor, limit, ...(total ? { total } : {}) };
}

async function countCapped<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  id: string,
): Promise<PageTotal> {
  const [sql, parameters] = query
    .select(id)
    .orderBy()
    .limit(TOTAL_COUNT_CAP + 1)
    .getQueryAndParameters();
  const rows: { count: number }[] = await query.connection.query(
    `SELECT count(*)::int AS count FROM (${sql}) counted`,
    parameters,
  );
  const count = rows[0]?.count ?? 0;
  return count > TOTAL_COUNT_CAP ? { count: TOTAL_COUNT_CAP, exact: false } : { count, exact: true };
}

/**
 * Case-insensitive substring search (`q`) over some columns, or conditions that use the pattern
 * parameter `:searchTerm` themselves (e.g. `brief.contract_id IN (SELECT … WHERE reference ILIKE
 * :searchTerm)`, which keeps each side on its own trigram index). A blank term matches everything.
 */
export function whereSearch<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  term: string | undefined,
  columns: readonly string[],
): SelectQueryBuilder<T> {
  const trimmed = term?.trim();
  if (!trimmed) return query;
  const pattern = `%${escapeLike(trimmed)}%`;
  return query.andWhere(
    new Brackets((where) => {
      for (const column of columns) {
        const condition = column.includes(':searchTerm') ? column : `${column} ILIKE :searchTerm`;
        where.orWhere(condition, { searchTerm: pattern });
      }
    }),
  );
}

/** A filter value as it arrives in a list query; absent (or empty) filters nothing. */
type FilterValue = string | number | boolean | null | undefined;

function given(value: FilterValue): value is string | number | boolean {
  return value !== undefined && value !== null && value !== '';
}

function parameterOf(column: string): string {
  return `filter_${column.replace(/\W/g, '_')}`;
}

/** `column = value` for each filter the caller gave: `whereEqual(qb, { 'brief.status': query.status })`. */
export function whereEqual<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  filters: Record<string, FilterValue>,
): SelectQueryBuilder<T> {
  for (const [column, value] of Object.entries(filters)) {
    const name = parameterOf(column);
    if (given(value)) query.andWhere(`${column} = :${name}`, { [name]: value });
  }
  return query;
}

/** `column >= from` and `column <= to` for the bounds the caller gave (both inclusive). */
export function whereBetween<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  from: FilterValue,
  to: FilterValue,
): SelectQueryBuilder<T> {
  const name = parameterOf(column);
  if (given(from)) query.andWhere(`${column} >= :${name}_from`, { [`${name}_from`]: from });
  if (given(to)) query.andWhere(`${column} <= :${name}_to`, { [`${name}_to`]: to });
  return query;
}

/** A row page's paging fields, for building the `Page` answer around mapped items. */
export function pageMeta<T>(page: RowPage<T>): Omit<Page<never>, 'items'> {
  return { nextCursor: page.nextCursor, limit: page.limit, ...(page.total ? { total: page.total } : {}) };
}

/** Maps a row page to the `Page` answer. */
export function toPage<T, R>(page: RowPage<T>, map: (row: T) => R): Page<R> {
  return { ...pageMeta(page), items: page.rows.map(map) };
}

/**
 * Joins a to-one relation selecting only the named properties (and its id), for list and detail
 * reads that show a few fields of a related record: less SQL, fewer bytes, less hydration.
 */
export function joinSome<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  relation: string,
  alias: string,
  properties: readonly string[],
  inner = false,
): SelectQueryBuilder<T> {
  if (inner) query.innerJoin(relation, alias);
  else query.leftJoin(relation, alias);
  return query.addSelect([`${alias}.id`, ...properties.map((property) => `${alias}.${property}`)]);
}

/** The fields a person reference (owner, author, uploader) shows. */
export const PERSON = ['name', 'email'] as const;

/** A text selected beside the entity (a joined name): '' when the row has none. */
export function rawText(raw: Record<string, unknown> | undefined, name: string): string {
  const value = raw?.[name];
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}
