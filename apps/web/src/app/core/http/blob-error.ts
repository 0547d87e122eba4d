import { HttpErrorResponse } from '@angular/common/http';
import { type MonoTypeOperatorFunction, catchError, from, switchMap, throwError } from 'rxjs';

/** A failed blob request carries its JSON error body as a Blob; read it so the message can be shown. */
export async function withJsonErrorBody(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) {
    return error;
  }
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({
      error: body,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}

/** For `responseType: 'blob'` requests: errors come out with their `{ code, message }` body readable. */
export function readableBlobErrors<T>(): MonoTypeOperatorFunction<T> {
  return catchError((error: unknown) =>
    from(withJsonErrorBody(error)).pipe(switchMap((readable) => throwError(() => readable))),
  );
}
