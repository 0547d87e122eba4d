import { DestroyRef, type Signal, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';
import type { ListQuery } from '@agency-portal/shared';
import { DEFAULT_PAGE_SIZE, MAX_SEARCH_LENGTH, parseSort } from '@agency-portal/shared';
import { debounceTime, merge } from 'rxjs';

/** How long typing in the search (or a text filter) rests before the list follows it. */
export const SEARCH_DEBOUNCE_MS = 300;

/** Query parameters the list itself owns; a page's filters must use other names. */
export const LIST_PARAMS = { search: 'q', sort: 'sort', cursor: 'cursor', previous: 'prev' } as const;

/** Cursors are opaque base64url text; anything else in the URL is ignored (first page). */
const CURSOR = /^[A-Za-z0-9_-]{1,2000}$/;
/** Separates the cursors of earlier pages in `prev` (not a base64url character). */
const CURSOR_SEPARATOR = '.';

export interface ListSort {
  key: string;
  direction: 'asc' | 'desc';
}

/** What MatSort emits, and what a table hands back when a header is clicked. */
export interface SortChange {
  active: string;
  direction: 'asc' | 'desc' | '';
}

export interface ListQueryConfig<F extends string> {
  /** The page's filters: query parameter names, each '' when unset. */
  filters: readonly F[];
  /** The route's sort keys (without `-`). */
  sortKeys: readonly string[];
  /** The route's default sort, e.g. `-startDate`; it is left out of the URL. */
  defaultSort: string;
  /** Filters typed as text (wait for typing to rest like the search). */
  textFilters?: readonly F[];
  pageSize?: number;
}

/** The list parameters for the API, before the page's own filters are added. */
export type ListParams = Required<Pick<ListQuery, 'limit' | 'sort'>> & Pick<ListQuery, 'cursor' | 'q'>;

/**
 * A list page's state — filters, search, sort and the keyset page — kept in the URL, so a filtered
 * view can be shared and the back button returns to it. The URL is the source of truth: the
 * filter form follows it (back, forward, a shared link), and changing the form, the sort or the page
 * navigates. Earlier pages' cursors ride along in `prev`, so "Previous" works on a shared link too.
 *
 * Must be created in an injection context under a routed component (a field initializer).
 */
export class ListQueryState<F extends string = string> {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params: Signal<ParamMap>;

  readonly pageSize: number;
  /** Each filter's value from the URL ('' when unset). */
  readonly filters: Signal<Record<F, string>>;
  /** The text search from the URL ('' when none). */
  readonly search: Signal<string>;
  /** The sort in effect: the URL's when the route offers it, else the default. */
  readonly sort: Signal<string>;
  readonly sortState: Signal<ListSort>;
  /** The current page's cursor; undefined on the first page. */
  readonly cursor: Signal<string | undefined>;
  /** Cursors of the pages between the first and the current one. */
  private readonly previousCursors: Signal<string[]>;
  /** 0 for the first page. */
  readonly pageIndex: Signal<number>;
  /** Whether anything narrows the list (a filter or a search): decides which empty state shows. */
  readonly hasFilters: Signal<boolean>;
  /** The list parameters for the API (add the page's filters). */
  readonly listParams: Signal<ListParams>;
  /** What the total count depends on: the filters and the search, not the sort or the page. */
  readonly countKey: Signal<string>;

  /** Bound to the filter fields; changing one navigates. */
  readonly form: FormGroup<Record<F, FormControl<string>>>;
  readonly searchControl = new FormControl('', { nonNullable: true });

  constructor(private readonly config: ListQueryConfig<F>) {
    this.pageSize = config.pageSize ?? DEFAULT_PAGE_SIZE;
    this.params = toSignal(this.route.queryParamMap, { requireSync: true });
    this.filters = computed(
      () => {
        const params = this.params();
        const values = {} as Record<F, string>;
        for (const name of config.filters) {
          values[name] = params.get(name)?.trim() ?? '';
        }
        return values;
      },
      { equal: sameRecord },
    );
    this.search = computed(() =>
      (this.params().get(LIST_PARAMS.search) ?? '').trim().slice(0, MAX_SEARCH_LENGTH),
    );
    this.sort = computed(() => {
      const sort = this.params().get(LIST_PARAMS.sort);
      return sort && config.sortKeys.includes(parseSort(sort).key) ? sort : config.defaultSort;
    });
    this.sortState = computed(() => parseSort(this.sort()), {
      equal: (a, b) => a.key === b.key && a.direction === b.direction,
    });
    this.cursor = computed(() => validCursor(this.params().get(LIST_PARAMS.cursor)));
    this.previousCursors = computed(
      () => {
        if (!this.cursor()) return [];
        const previous = (this.params().get(LIST_PARAMS.previous) ?? '').split(CURSOR_SEPARATOR);
        return previous.filter((cursor) => validCursor(cursor) !== undefined);
      },
      { equal: (a, b) => a.join(CURSOR_SEPARATOR) === b.join(CURSOR_SEPARATOR) },
    );
    this.pageIndex = computed(() => (this.cursor() ? this.previousCursors().length + 1 : 0));
    this.hasFilters = computed(
      () => this.search() !== '' || Object.values<string>(this.filters()).some((value) => value !== ''),
    );
    this.listParams = computed(
      () => ({
        limit: this.pageSize,
        sort: this.sort(),
        cursor: this.cursor(),
        q: this.search() || undefined,
      }),
      { equal: sameRecord },
    );
    this.countKey = computed(() => JSON.stringify([this.filters(), this.search()]));

    const controls = {} as Record<F, FormControl<string>>;
    for (const name of config.filters) {
      controls[name] = new FormControl('', { nonNullable: true });
    }
    this.form = new FormGroup(controls);
    this.bindForm(controls);
  }

  /** Sets some filters (others stay) and goes back to the first page. */
  setFilters(values: Partial<Record<F, string>>): void {
    const queryParams: Record<string, string | null> = {};
    for (const [name, value] of Object.entries<string | undefined>(values)) {
      queryParams[name] = value?.trim() || null;
    }
    this.navigate({ ...queryParams, ...FIRST_PAGE });
  }

  setSearch(search: string): void {
    this.navigate({ [LIST_PARAMS.search]: search.trim() || null, ...FIRST_PAGE }, true);
  }

  /** A header was clicked: sort by it (its cursors no longer apply, so back to the first page). */
  setSort(change: SortChange): void {
    const sort =
      change.direction === ''
        ? this.config.defaultSort
        : `${change.direction === 'desc' ? '-' : ''}${change.active}`;
    this.navigate({ [LIST_PARAMS.sort]: sort === this.config.defaultSort ? null : sort, ...FIRST_PAGE });
  }

  /** To the page after the current one, whose cursor the current page answered. */
  nextPage(nextCursor: string): void {
    const current = this.cursor();
    const previous = current ? [...this.previousCursors(), current] : [];
    this.navigate({
      [LIST_PARAMS.cursor]: nextCursor,
      [LIST_PARAMS.previous]: previous.length > 0 ? previous.join(CURSOR_SEPARATOR) : null,
    });
  }

  previousPage(): void {
    const previous = this.previousCursors();
    const cursor = previous[previous.length - 1];
    const rest = previous.slice(0, -1);
    this.navigate({
      [LIST_PARAMS.cursor]: cursor ?? null,
      [LIST_PARAMS.previous]: rest.length > 0 ? rest.join(CURSOR_SEPARATOR) : null,
    });
  }

  /** Removes every filter and the search; the sort stays. */
  clearFilters(): void {
    const queryParams: Record<string, null> = { [LIST_PARAMS.search]: null, ...FIRST_PAGE };
    for (const name of this.config.filters) {
      queryParams[name] = null;
    }
    this.navigate(queryParams);
  }

  private navigate(queryParams: Record<string, string | null>, replaceUrl = false): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }

  /**
   * The URL fills the fields (without echoing back); a changed field changes the URL. A field whose
   * URL value is the one it sent itself is left alone, so typing ahead of a navigation is not undone.
   */
  private bindForm(controls: Record<F, FormControl<string>>): void {
    const sent = new Map<string, string>();
    const follow = (name: string, control: FormControl<string>, value: string): void => {
      if (sent.get(name) === value && control.value.trim() !== value) return;
      if (control.value !== value) control.setValue(value, { emitEvent: false });
    };
    effect(() => {
      const filters = this.filters();
      const search = this.search();
      untracked(() => {
        for (const name of this.config.filters) follow(name, controls[name], filters[name]);
        follow(LIST_PARAMS.search, this.searchControl, search);
      });
    });
    const text = new Set<string>(this.config.textFilters ?? []);
    const changes = this.config.filters.map((name) => {
      const changed = controls[name].valueChanges;
      return text.has(name) ? changed.pipe(debounceTime(SEARCH_DEBOUNCE_MS)) : changed;
    });
    const subscription = merge(...changes).subscribe(() => {
      const current = this.filters();
      const changed: Partial<Record<F, string>> = {};
      for (const name of this.config.filters) {
        const next = controls[name].value.trim();
        if (next !== current[name]) {
          changed[name] = next;
          sent.set(name, next);
        }
      }
      if (Object.keys(changed).length > 0) this.setFilters(changed);
    });
    const searches = this.searchControl.valueChanges
      .pipe(debounceTime(SEARCH_DEBOUNCE_MS))
      .subscribe((value) => {
        const search = value.trim().slice(0, MAX_SEARCH_LENGTH);
        if (search !== this.search()) {
          sent.set(LIST_PARAMS.search, search);
          this.setSearch(search);
        }
      });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      searches.unsubscribe();
    });
  }
}

/** Creates the URL-bound state of a list page (in a field initializer). */
export function listQueryState<F extends string>(config: ListQueryConfig<F>): ListQueryState<F> {
  return new ListQueryState(config);
}

const FIRST_PAGE = { [LIST_PARAMS.cursor]: null, [LIST_PARAMS.previous]: null };

function validCursor(value: string | null | undefined): string | undefined {
  return value && CURSOR.test(value) ? value : undefined;
}

function sameRecord(a: object, b: object): boolean {
  const left = Object.entries(a);
  const right = b as Record<string, unknown>;
  return left.length === Object.keys(b).length && left.every(([key, value]) => right[key] === value);
}

/** One of the allowed values, or undefined (a stale or hand-edited URL shows the unfiltered list). */
export function oneOf<T extends string>(options: readonly T[], value: string): T | undefined {
  return options.find((option) => option === value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isoDate(value: string): string | undefined {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id filter: a UUID or nothing (a bad id would only earn a 400). */
export function uuid(value: string): string | undefined {
  return UUID.test(value) ? value : undefined;
}
