import { HttpClient, HttpEventType } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import type { NotificationDto } from '@agency-portal/shared';
import { createParser } from 'eventsource-parser';
import { EMPTY, Observable, distinctUntilChanged, map, retry, share, switchMap, timer } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { silentErrors } from '../../core/http/http-context';

/** A notice as the stream brings it: worded for the reader, with their unread count. */
export interface LiveNotice {
  notice: NotificationDto;
  unread: number;
}

/** The longest wait before connecting again after the stream failed. */
export const NOTICE_STREAM_MAX_RETRY_MS = 60_000;

/**
 * New notices as they arrive: GET /api/notifications/stream, server-sent events read through the
 * HTTP client (so the access token, its refresh and the 503 retry apply as to every request;
 * EventSource cannot send a Bearer token), parsed by `eventsource-parser`. One connection however
 * many listen (the bell, the home page), open only while someone listens and someone is signed
 * in: signing out closes it. When it fails it connects again with a growing delay, and
 * `connected` is false meanwhile, so the bell's poll takes over.
 */
@Injectable({ providedIn: 'root' })
export class NoticeStream {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly connectedState = signal(false);
  readonly connected = this.connectedState.asReadonly();

  readonly notices: Observable<LiveNotice> = toObservable(this.auth.user).pipe(
    map((user) => user?.id ?? null),
    distinctUntilChanged(),
    switchMap((userId) =>
      userId === null
        ? EMPTY
        : this.connect().pipe(
            retry({
              delay: (_error: unknown, attempt: number) =>
                timer(Math.min(NOTICE_STREAM_MAX_RETRY_MS, 1_000 * 2 ** (attempt - 1))),
              resetOnSuccess: true,
            }),
          ),
    ),
    share(),
  );

  private connect(): Observable<LiveNotice> {
    return new Observable<LiveNotice>((subscriber) => {
      const parser = createParser({
        onEvent: (message) => {
          if (message.event === 'ready') this.connectedState.set(true);
          if (message.event !== 'notice') return;
          try {
            subscriber.next(JSON.parse(message.data) as LiveNotice);
          } catch {
            // A message this version cannot read: the next poll or notice brings the state.
          }
        },
      });
      let read = 0;
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const request = this.http
        .get('/api/notifications/stream', {
          context: silentErrors(),
          observe: 'events',
          reportProgress: true,
          responseType: 'text',
          params: timeZone ? { timeZone } : {},
        })
        .subscribe({
          next: (event) => {
            if (event.type !== HttpEventType.DownloadProgress || event.partialText === undefined) return;
            parser.feed(event.partialText.slice(read));
            read = event.partialText.length;
          },
          error: (error: unknown) => {
            this.connectedState.set(false);
            subscriber.error(error);
          },
          // The server ends a stream now and then (or with the session): connect again.
          complete: () => {
            this.connectedState.set(false);
            subscriber.error(new Error('The notice stream ended.'));
          },
        });
      return () => {
        request.unsubscribe();
        this.connectedState.set(false);
      };
    });
  }
}
