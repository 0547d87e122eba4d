/**
 * The list convention every list endpoint follows (see docs/lists.md).
 *
 * Pages are keyset pages: the server sorts by a whitelisted column plus the record id (a unique
 * tie-breaker) and hands back an opaque `nextCursor` that encodes where the page ended. A deep page
 * costs what the first page costs, and a row added while someone pages never shifts what they see.
 */
export interface ListQuery {
  /** Page size; DEFAULT_PAGE_SIZE when absent, at most MAX_PAGE_SIZE (a bigger one is refused with 400). */
  limit?: number;
  /** `nextCursor` of the previous page, unchanged; only valid with the same `sort`. */
  cursor?: string;
  /** A sort key the route lists, ascending; prefix `-` for descending (`-dueDate`). */
  sort?: string;
  /** Text search over the fields the route names (titles, references, names, e-mails). */
  q?: string;
  /** Also count the matching rows, up to TOTAL_COUNT_CAP. */
  withTotal?: boolean;
}

/** How many matching rows the list counted: exactly, or "more than TOTAL_COUNT_CAP". */
export interface PageTotal {
  count: number;
  exact: boolean;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to read on; null on the last page. */
  nextCursor: string | null;
  limit: number;
  /** Present when the query asked `withTotal=true`. */
  total?: PageTotal;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** Counting stops here: "10,000+" is as useful to a person as the exact figure, and stays cheap. */
export const TOTAL_COUNT_CAP = 10_000;
/**
 * Collections inside a detail answer (a brief's deliverables, a goal's contracts, a deliverable's
 * versions) hold at most this many rows; the answer says how many there are, and the full set is a
 * paged list (`GET /api/deliverables?briefId=`, `GET /api/contracts?goalId=`).
 */
export const NESTED_LIST_LIMIT = 100;
/** Longest text search accepted. */
export const MAX_SEARCH_LENGTH = 200;

/** Sort direction of a `sort` value: `-dueDate` → ['dueDate', 'desc']. */
export function parseSort(sort: string): { key: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-') ? { key: sort.slice(1), direction: 'desc' } : { key: sort, direction: 'asc' };
}

/** Every accepted `sort` value for a set of sort keys: each key ascending and descending. */
export function sortValues<K extends string>(keys: readonly K[]): (K | `-${K}`)[] {
  return keys.flatMap((key) => [key, `-${key}` as const]);
}
