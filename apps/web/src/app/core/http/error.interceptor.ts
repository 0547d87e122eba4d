import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { Notifier } from '../notify/notifier';
import { describeError } from './api-error';
import { SILENT_ERRORS } from './http-context';

/**
 * Shows the server's message in a snackbar for failed requests whose caller does not
 * display errors itself. 401s are left to the auth interceptor (refresh or sign-in).
 */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  const notifier = inject(Notifier);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status !== 401 && !request.context.get(SILENT_ERRORS)) {
        notifier.error(describeError(error));
      }
      return throwError(() => error);
    }),
  );
};
