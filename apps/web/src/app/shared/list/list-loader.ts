import { type Signal, computed, signal } from '@angular/core';
import type { ListQuery, Page, PageTotal } from '@agency-portal/shared';
import { type Observable, tap } from 'rxjs';
import { type Loader, createLoader } from '../../core/data/loader';
import type { ListParams, ListQueryState } from './list-query-state';

/** A list page's data: the current page, and the count of the whole filtered list once known. */
export interface ListLoader<T> extends Loader<Page<T>> {
  /** Counted once per filter and search (paging and sorting do not change it). */
  readonly total: Signal<PageTotal | undefined>;
  readonly items: Signal<T[]>;
}

/**
 * Loads the page the list state describes: `query(filters)` turns the URL's filter values into
 * the route's typed filters (undefined: nothing to load yet), and `load` asks the API. The total is
 * asked for (`withTotal`) only when the filters or the search changed, not on every page.
 * Must be called in an injection context.
 */
export function createListLoader<F extends string, Q extends object, T>(
  state: ListQueryState<F>,
  query: (filters: Record<F, string>) => Q | undefined,
  load: (query: Q & ListParams & Pick<ListQuery, 'withTotal'>) => Observable<Page<T>>,
): ListLoader<T> {
  const counted = signal<{ key: string; total: PageTotal } | null>(null);
  const request = computed(() => {
    const filters = query(state.filters());
    return filters === undefined
      ? undefined
      : { filters, params: state.listParams(), countKey: state.countKey() };
  });
  const loader = createLoader(request, ({ filters, params, countKey }) => {
    const known = counted()?.key === countKey;
    return load({ ...filters, ...params, ...(known ? {} : { withTotal: true }) }).pipe(
      tap((page) => {
        if (page.total) counted.set({ key: countKey, total: page.total });
      }),
    );
  });
  return {
    ...loader,
    total: computed(() => {
      const known = counted();
      return known?.key === state.countKey() ? known.total : undefined;
    }),
    items: computed(() => loader.value()?.items ?? []),
    // A reload is someone asking for fresh data: count again too.
    reload: () => {
      counted.set(null);
      loader.reload();
    },
  };
}
