import { type Signal, computed, inject } from '@angular/core';
import type { ListQuery, Page, Permission } from '@agency-portal/shared';
import { isAgencyRole } from '@agency-portal/shared';
import type { Observable } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { type ListLoader, createListLoader } from './list-loader';
import { type ListParams, type ListQueryConfig, ListQueryState, oneOf } from './list-query-state';

/** Turns a filter's URL value into the route's typed filter; undefined leaves it out. */
export type FilterParser = (value: string) => unknown;

/** The typed filters a list page's parsers make of the URL. */
export type ParsedFilters<P extends Record<string, FilterParser>> = { [K in keyof P]: ReturnType<P[K]> };

export interface ListPageConfig<P extends Record<string, FilterParser>, T> {
  sortKeys: ListQueryConfig<string>['sortKeys'];
  defaultSort: string;
  /** Filters typed as text (wait for typing to rest like the search). */
  textFilters?: readonly NoInfer<keyof P & string>[];
  pageSize?: number;
  load: (query: ParsedFilters<NoInfer<P>> & ListParams & Pick<ListQuery, 'withTotal'>) => Observable<Page<T>>;
}

/**
 * A list page's state and data in one: the URL-bound filters, search, sort and page
 * (`ListQueryState`, for `<ap-list-filters [list]>` and `<ap-list-view [list]>`) and the loader of
 * the page they describe (`loader`, for `<ap-list-view [loader]>` and the table's rows).
 */
export class ListPage<F extends string, T> extends ListQueryState<F> {
  readonly loader: ListLoader<T>;

  constructor(parsers: Record<F, FilterParser>, config: ListPageConfig<Record<F, FilterParser>, T>) {
    super({ ...config, filters: Object.keys(parsers) as F[] });
    this.loader = createListLoader(
      this,
      (filters) => {
        const query = {} as Record<F, unknown>;
        for (const name of Object.keys(parsers) as F[]) {
          query[name] = parsers[name](filters[name]);
        }
        return query as ParsedFilters<typeof parsers>;
      },
      config.load,
    );
  }
}

/**
 * Creates a list page's state and loader (in a field initializer of the routed component):
 * `filters` by query parameter name, each with its parser (`uuid`, `isoDate`, `oneOfThese`…). They
 * come first and apart, so `load` is typed with the filters they make.
 */
export function createListPage<P extends Record<string, FilterParser>, T>(
  filters: P,
  config: ListPageConfig<P, T>,
): ListPage<keyof P & string, T> {
  return new ListPage<keyof P & string, T>(
    filters,
    config as unknown as ListPageConfig<Record<keyof P & string, FilterParser>, T>,
  );
}

/** A parser for a filter of one of `options` (a stale or hand-edited value shows the unfiltered list). */
export function oneOfThese<T extends string>(options: readonly T[]): (value: string) => T | undefined {
  return (value) => oneOf(options, value);
}

/** A yes-only filter: `true` when the URL says so, else left out. */
export function onlyWhenTrue(value: string): true | undefined {
  return value === 'true' ? true : undefined;
}

/**
 * Who is looking at a list, for the filters and columns it shows: agency users only ever see their
 * own agency's records, so in-house filters (`inHouseCan`) are hidden from them.
 */
export interface ListViewer {
  readonly isAgencyUser: Signal<boolean>;
  can(permission: Permission): Signal<boolean>;
  inHouseCan(permission: Permission): Signal<boolean>;
}

/** The signed-in person as a list sees them (in a field initializer). */
export function listViewer(): ListViewer {
  const auth = inject(AuthService);
  const isAgencyUser = computed(() => {
    const user = auth.user();
    return user !== null && isAgencyRole(user.role);
  });
  return {
    isAgencyUser,
    can: (permission) => computed(() => auth.hasPermission(permission)),
    inHouseCan: (permission) => computed(() => !isAgencyUser() && auth.hasPermission(permission)),
  };
}
