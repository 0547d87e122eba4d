import { DOCUMENT } from '@angular/common';
import { DestroyRef, type Signal, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { describeError } from '../../core/http/api-error';
import { Notifier } from '../../core/notify/notifier';
import { saveBlob } from './save-file';

/** A file a page fetches with the access token and saves: `pending` while it comes, a notice if it fails. */
export interface Download {
  readonly pending: Signal<boolean>;
  save(request: Observable<Blob>, fileName: string): void;
}

/**
 * Creates a page's download (in a field initializer). Leaving the page cancels a download under
 * way: nothing would be there to save it.
 */
export function createDownload(): Download {
  const document = inject(DOCUMENT);
  const notifier = inject(Notifier);
  const destroyRef = inject(DestroyRef);
  const pending = signal(false);
  return {
    pending: pending.asReadonly(),
    save: (request, fileName) => {
      pending.set(true);
      request.pipe(takeUntilDestroyed(destroyRef)).subscribe({
        next: (blob) => {
          pending.set(false);
          saveBlob(document, blob, fileName);
        },
        error: (error: unknown) => {
          pending.set(false);
          notifier.error(describeError(error));
        },
      });
    },
  };
}
