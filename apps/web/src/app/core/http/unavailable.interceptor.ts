import {
  HttpErrorResponse,
  HttpResponse,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { retry, tap, throwError, timer } from 'rxjs';
import { ServiceStatus } from './service-status';

/** Retries of one request before its error is shown; with the delays below, about a minute. */
export const UNAVAILABLE_RETRIES = 6;
const MAX_DELAY_MS = 30_000;

/**
 * Reads, the refresh (a repeated refresh gets the same answer) and changes sent with an
 * Idempotency-Key (the server answers a repeat with the first answer) are safe to repeat; other
 * changes are not retried behind the person's back: they see the message and try again.
 */
function isSafeToRepeat(request: HttpRequest<unknown>): boolean {
  return (
    request.method === 'GET' ||
    request.method === 'HEAD' ||
    request.url === '/api/auth/refresh' ||
    request.headers.has('Idempotency-Key')
  );
}

/** Retry-After when the API sends it, else 2, 4, 8 … seconds; never more than 30 s. */
export function retryDelayMs(error: HttpErrorResponse, attempt: number): number {
  const header = Number(error.headers.get('Retry-After'));
  const base = Number.isFinite(header) && header > 0 ? header * 1000 : 1000 * 2 ** attempt;
  return Math.min(MAX_DELAY_MS, base);
}

/**
 * When the API answers 503 (its database is down or frozen) the person stays where they are:
 * a lasting message says the service is unavailable, reads are retried until it is back, and
 * nobody is sent to the sign-in page.
 */
export const unavailableInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) {
    return next(request);
  }
  const status = inject(ServiceStatus);
  const repeatable = isSafeToRepeat(request);
  return next(request).pipe(
    retry({
      count: repeatable ? UNAVAILABLE_RETRIES : 0,
      delay: (error: unknown, attempt: number) => {
        if (!(error instanceof HttpErrorResponse) || error.status !== 503) {
          return throwError(() => error);
        }
        status.markUnavailable();
        return timer(retryDelayMs(error, attempt));
      },
    }),
    tap({
      next: (event) => {
        if (event instanceof HttpResponse) status.markAvailable();
      },
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 503) status.markUnavailable();
      },
    }),
  );
};
