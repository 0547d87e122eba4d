import { DestroyRef, type Signal, effect, inject, signal, untracked } from '@angular/core';
import type { ApiErrorBody } from '@agency-portal/shared';
import type { Observable, Subscription } from 'rxjs';
import { toApiError } from '../http/api-error';

/** Reactive state of data a page loads from the API. */
export interface Loader<T> {
  /** Last loaded value; kept while a reload is under way so tables do not flicker. */
  readonly value: Signal<T | undefined>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<ApiErrorBody | null>;
  /** Loads again with the current request. */
  reload(): void;
  /** Replaces the value, e.g. with the answer of a mutation. */
  set(value: T): void;
}

/**
 * Loads `load(request())` now and whenever the signals read by `request` change, cancelling
 * a load still in flight. A request of `undefined` means "nothing to load yet".
 * Must be called in an injection context (a field initializer of a component).
 */
export function createLoader<R, T>(
  request: () => R | undefined,
  load: (request: R) => Observable<T>,
): Loader<T> {
  const value = signal<T | undefined>(undefined);
  const loading = signal(false);
  const error = signal<ApiErrorBody | null>(null);
  const reloads = signal(0);
  let subscription: Subscription | undefined;

  effect(() => {
    const current = request();
    reloads();
    untracked(() => {
      subscription?.unsubscribe();
      if (current === undefined) {
        loading.set(false);
        return;
      }
      loading.set(true);
      error.set(null);
      subscription = load(current).subscribe({
        next: (result) => {
          value.set(result);
          loading.set(false);
        },
        error: (failure: unknown) => {
          error.set(toApiError(failure));
          loading.set(false);
        },
      });
    });
  });
  inject(DestroyRef).onDestroy(() => subscription?.unsubscribe());

  return {
    value: value.asReadonly(),
    loading: loading.asReadonly(),
    error: error.asReadonly(),
    reload: () => reloads.update((count) => count + 1),
    set: (next: T) => value.set(next),
  };
}
