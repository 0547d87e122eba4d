import { HttpClient } from '@angular/common/http';
import { Injectable, type Signal, computed, effect, inject, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type {
  AgencyDto,
  AgencyListQuery,
  BusinessUnitDto,
  BusinessUnitListQuery,
  ContractDto,
  ContractListQuery,
  GoalDto,
  GoalListQuery,
  ListQuery,
  Page,
  UserDto,
  UserListQuery,
} from '@agency-portal/shared';
import {
  type Observable,
  catchError,
  combineLatest,
  map,
  of,
  shareReplay,
  startWith,
  switchMap,
  tap,
} from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { silentErrors } from '../http/http-context';
import { toHttpParams } from '../http/query-params';

/** One choice of a picker or a filter: the record's id, its name, and a second line. */
export interface LookupItem {
  id: string;
  label: string;
  detail?: string;
}

/** How many choices a picker offers before the person narrows them by typing. */
export const LOOKUP_PAGE_SIZE = 20;
/** How long an answer is reused before it is asked again. */
export const LOOKUP_TTL_MS = 5 * 60_000;
/** Answers and records kept per set; the oldest goes first. */
const MAX_CACHED_SEARCHES = 50;
const MAX_CACHED_RECORDS = 500;

/** A page of choices, and whether more match than were listed (the person should type to narrow). */
export interface LookupResult {
  items: LookupItem[];
  more: boolean;
}

interface Cached<T> {
  at: number;
  value: Observable<T>;
}

/**
 * Choices of one kind of record (units, agencies, people, …) for pickers and filters, searched on
 * the list route with `q` (never the whole set) and cached for a few minutes, so every page and
 * form that names a unit or a person does not ask again. A record seen in any answer is also
 * known by id, so a picker shows the chosen name without another request.
 */
export class LookupSet<T extends { id: string }, F extends object> {
  private readonly searches = new Map<string, Cached<LookupResult>>();
  private readonly byId = new Map<string, Cached<LookupItem>>();

  constructor(
    private readonly http: HttpClient,
    private readonly url: string,
    private readonly sort: string,
    private readonly toItem: (record: T) => LookupItem,
    private readonly now: () => number = Date.now,
  ) {}

  /** The first choices matching `term` (all when blank) within `filter`, by name. */
  search(term: string, filter: F = {} as F): Observable<LookupResult> {
    const q = term.trim();
    const key = JSON.stringify([q, filter]);
    const cached = this.fresh(this.searches, key);
    if (cached) return cached;
    const value = this.http
      .get<Page<T>>(this.url, {
        params: toHttpParams({ ...filter, q: q || undefined, sort: this.sort, limit: LOOKUP_PAGE_SIZE }),
        context: silentErrors(),
      })
      .pipe(
        map((page) => ({
          items: page.items.map((record) => this.remember(record)),
          more: page.nextCursor !== null,
        })),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    this.store(this.searches, key, value, MAX_CACHED_SEARCHES);
    // A failed answer is not kept: the next search asks again.
    return value.pipe(tap({ error: () => this.searches.delete(key) }));
  }

  /** One record's choice, from what was seen already or from its own route. */
  get(id: string): Observable<LookupItem> {
    const cached = this.fresh(this.byId, id);
    if (cached) return cached;
    const value = this.http.get<T>(`${this.url}/${encodeURIComponent(id)}`, { context: silentErrors() }).pipe(
      map((record) => this.toItem(record)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    this.store(this.byId, id, value, MAX_CACHED_RECORDS);
    return value.pipe(tap({ error: () => this.byId.delete(id) }));
  }

  /** After a change to one of these records (a rename, a new one): ask again next time. */
  invalidate(): void {
    this.searches.clear();
    this.byId.clear();
  }

  private remember(record: T): LookupItem {
    const item = this.toItem(record);
    this.store(this.byId, record.id, of(item), MAX_CACHED_RECORDS);
    return item;
  }

  private fresh<V>(cache: Map<string, Cached<V>>, key: string): Observable<V> | undefined {
    const entry = cache.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.at > LOOKUP_TTL_MS) {
      cache.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private store<V>(cache: Map<string, Cached<V>>, key: string, value: Observable<V>, max: number): void {
    cache.delete(key);
    cache.set(key, { at: this.now(), value });
    if (cache.size > max) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  }
}

export type UnitLookup = LookupSet<
  BusinessUnitDto,
  Pick<BusinessUnitListQuery, 'operatingModel' | 'parentId'>
>;
export type AgencyLookup = LookupSet<AgencyDto, Pick<AgencyListQuery, 'status' | 'service'>>;
export type UserLookup = LookupSet<UserDto, Omit<UserListQuery, keyof ListQuery>>;
export type ContractLookup = LookupSet<
  ContractDto,
  Pick<ContractListQuery, 'status' | 'agencyId' | 'businessUnitId'>
>;
export type GoalLookup = LookupSet<GoalDto, Pick<GoalListQuery, 'businessUnitId' | 'status'>>;

/**
 * The cached lookups of the signed-in session: business units, agencies and people (and the
 * contracts and goals some forms pick), shared by every filter bar and form.
 */
@Injectable({ providedIn: 'root' })
export class Lookups {
  private readonly http = inject(HttpClient);

  readonly units: UnitLookup = new LookupSet(this.http, '/api/business-units', 'name', (unit) => ({
    id: unit.id,
    label: unit.name,
    detail: unit.parentName ?? undefined,
  }));
  readonly agencies: AgencyLookup = new LookupSet(this.http, '/api/agencies', 'name', (agency) => ({
    id: agency.id,
    label: agency.name,
    detail: agency.legalName,
  }));
  readonly users: UserLookup = new LookupSet(this.http, '/api/users', 'name', (user) => ({
    id: user.id,
    label: user.name,
    detail: user.email,
  }));
  readonly contracts: ContractLookup = new LookupSet(
    this.http,
    '/api/contracts',
    'reference',
    (contract) => ({
      id: contract.id,
      label: contract.reference,
      detail: `${contract.title} · ${contract.agencyName}`,
    }),
  );
  readonly goals: GoalLookup = new LookupSet(this.http, '/api/goals', 'name', (goal) => ({
    id: goal.id,
    label: goal.name,
    detail: goal.businessUnitName,
  }));

  constructor() {
    // What one person may see is not another's: a new session starts empty.
    const auth = inject(AuthService);
    const sessionUserId = computed(() => auth.user()?.id ?? null);
    effect(() => {
      sessionUserId();
      untracked(() => this.clear());
    });
  }

  /** Everything cached goes (signing out, another person signing in). */
  clear(): void {
    for (const set of [this.units, this.agencies, this.users, this.contracts, this.goals]) {
      set.invalidate();
    }
  }
}

/**
 * The names of some records of one kind (the approvers named by a policy's steps, the units and
 * contracts a page of policies applies to), each asked once and cached: a map from id to name that
 * fills in as the answers arrive. Records that cannot be named (gone, out of reach) are left out.
 * Must be called in an injection context.
 */
export function lookupNames(
  source: () => Pick<LookupSet<{ id: string }, object>, 'get'> | null,
  ids: () => readonly string[],
): Signal<ReadonlyMap<string, string>> {
  const wanted = computed(
    () => {
      const set = source();
      return set ? { set, ids: [...new Set(ids())].sort() } : null;
    },
    { equal: (a, b) => a?.set === b?.set && a?.ids.join() === b?.ids.join() },
  );
  return toSignal(
    toObservable(wanted).pipe(
      switchMap((request) =>
        !request || request.ids.length === 0
          ? of([])
          : combineLatest(
              request.ids.map((id) =>
                request.set.get(id).pipe(
                  map((item): [string, string] | null => [id, item.label]),
                  catchError(() => of(null)),
                  startWith(null),
                ),
              ),
            ),
      ),
      map((entries) => new Map(entries.filter((entry): entry is [string, string] => entry !== null))),
    ),
    { initialValue: new Map<string, string>() },
  );
}
