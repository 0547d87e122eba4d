import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { AuthService, sessionHasEnded } from './auth.service';

/** Endpoints that must not carry a Bearer token nor trigger a refresh-and-retry on 401. */
const PUBLIC_AUTH_ENDPOINTS = [
  '/api/auth/login',
  '/api/auth/refresh',
  '/api/auth/set-password',
  '/api/auth/invitations/',
];

function isApiRequest(url: string): boolean {
  return url.startsWith('/api/');
}

function withBearer<T>(request: HttpRequest<T>, token: string): HttpRequest<T> {
  return request.clone({ setHeaders: { Authorization: `Bearer ${token}` } });
}

/**
 * Adds the in-memory access token to API calls and sends cookies to /api/auth. When a call
 * answers 401 it refreshes the token once and repeats the call; when the refresh fails too,
 * the session is over and the user is sent to sign in.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) {
    return next(request);
  }
  const auth = inject(AuthService);
  const router = inject(Router);

  const prepared = request.url.startsWith('/api/auth/') ? request.clone({ withCredentials: true }) : request;
  if (PUBLIC_AUTH_ENDPOINTS.some((endpoint) => request.url.startsWith(endpoint))) {
    return next(prepared);
  }

  const token = auth.accessToken();
  const isLogout = request.url.startsWith('/api/auth/logout');
  return next(token ? withBearer(prepared, token) : prepared).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || isLogout) {
        return throwError(() => error);
      }
      return auth.refresh().pipe(
        catchError((refreshError: unknown) => {
          // Signed out only when the session has ended, not while the service is unavailable.
          if (sessionHasEnded(refreshError)) sendToSignIn(router);
          return throwError(() => (sessionHasEnded(refreshError) ? error : refreshError));
        }),
        switchMap((freshToken) => next(withBearer(prepared, freshToken))),
      );
    }),
  );
};

function sendToSignIn(router: Router): void {
  const current = router.url;
  if (current.startsWith('/login')) {
    return;
  }
  void router.navigate(['/login'], {
    queryParams: {
      notice: 'session-expired',
      returnUrl: current === '/' ? null : current,
    },
  });
}
