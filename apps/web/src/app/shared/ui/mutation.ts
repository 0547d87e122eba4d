import { type Signal, signal } from '@angular/core';
import type { ApiErrorBody } from '@agency-portal/shared';
import { type Observable, filter } from 'rxjs';
import { toApiError } from '../../core/http/api-error';

export interface MutationRun<T> {
  /** The answer, once the change is made. */
  next?: (value: T) => void;
  /** The failure, as an error body (also in `error`), and as it was thrown (to describe it). */
  error?: (error: ApiErrorBody, cause: unknown) => void;
  /**
   * The change ends on another page (a save that navigates): stay pending after it succeeds, so
   * nothing can be sent twice while the page is leaving.
   */
  leaves?: boolean;
}

/**
 * A change sent to the API, instead of a hand-rolled busy flag: `pending` while it is under way
 * (bind it to the buttons that would send it again) and `error`, the failure of the last run
 * (cleared when the next one starts). The interceptors still show what they show (offline, an
 * ended session); a page that words failures itself reads `error` or passes `error` to `run`.
 *
 * A change is not cancelled when its page goes away: once sent it is the server's to finish.
 */
export class Mutation {
  private readonly pendingState = signal(false);
  private readonly errorState = signal<ApiErrorBody | null>(null);

  readonly pending: Signal<boolean> = this.pendingState.asReadonly();
  readonly error: Signal<ApiErrorBody | null> = this.errorState.asReadonly();

  run<T>(request: Observable<T>, handlers: MutationRun<T> = {}): void {
    this.pendingState.set(true);
    this.errorState.set(null);
    request.subscribe({
      next: (value) => {
        if (!handlers.leaves) this.pendingState.set(false);
        handlers.next?.(value);
      },
      error: (failure: unknown) => {
        const body = toApiError(failure);
        this.pendingState.set(false);
        this.errorState.set(body);
        handlers.error?.(body, failure);
      },
      complete: () => {
        if (!handlers.leaves) this.pendingState.set(false);
      },
    });
  }

  /**
   * Runs the change once a dialog's `answer` says go (true, a reason, a payment); Cancel (false,
   * '' or undefined) runs nothing. Pending starts with the request, not while the dialog is open.
   */
  runConfirmed<A, T>(
    answer: Observable<A>,
    request: (answer: NonNullable<A>) => Observable<T>,
    handlers: MutationRun<T> = {},
  ): void {
    answer
      .pipe(filter((value): value is NonNullable<A> => !!value))
      .subscribe((value) => this.run(request(value), handlers));
  }
}

/** Creates the state of one kind of change a page makes (in a field initializer). */
export function createMutation(): Mutation {
  return new Mutation();
}
