import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthService } from '../../core/auth/auth.service';
import { aNotification } from '../../testing/fixtures';
import { NoticeStream, type LiveNotice } from './notice-stream';

describe('NoticeStream', () => {
  const user = signal<{ id: string } | null>({ id: 'user-1' });
  let http: HttpTestingController;
  let stream: NoticeStream;

  beforeEach(() => {
    user.set({ id: 'user-1' });
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { user } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    stream = TestBed.inject(NoticeStream);
  });

  /** The stream request, once the signed-in user has been seen. */
  function streamRequest() {
    TestBed.tick();
    return http.expectOne((request) => request.url === '/api/notifications/stream');
  }

  it('should pass on each notice as its event arrives, split across chunks, and say when it is connected', () => {
    const received: LiveNotice[] = [];
    const subscription = stream.notices.subscribe((live) => received.push(live));
    const request = streamRequest();
    const notice = aNotification({ id: 'live-1' });
    const first = `event: ready\ndata: {}\n\nevent: notice\ndata: ${JSON.stringify({ notice, unread: 4 }).slice(0, 20)}`;
    const whole = `event: ready\ndata: {}\n\nevent: notice\ndata: ${JSON.stringify({ notice, unread: 4 })}\n\nevent: ping\ndata: {}\n\n`;

    request.event({ type: HttpEventType.DownloadProgress, loaded: first.length, partialText: first });
    const connectedAfterReady = stream.connected();
    const beforeTheRest = received.length;
    request.event({ type: HttpEventType.DownloadProgress, loaded: whole.length, partialText: whole });

    expect(connectedAfterReady).toBe(true);
    expect(beforeTheRest).toBe(0);
    expect(received).toEqual([{ notice, unread: 4 }]);
    expect(request.request.headers.has('Authorization')).toBe(false); // added by the auth interceptor
    subscription.unsubscribe();
  });

  it('should close the stream when the person signs out, and say it is no longer connected', () => {
    const subscription = stream.notices.subscribe();
    const request = streamRequest();
    request.event({
      type: HttpEventType.DownloadProgress,
      loaded: 20,
      partialText: 'event: ready\ndata: {}\n\n',
    });

    user.set(null);
    TestBed.tick();

    expect(request.cancelled).toBe(true);
    expect(stream.connected()).toBe(false);
    http.verify();
    subscription.unsubscribe();
  });

  it('should connect again after the stream fails, while not connected meanwhile', () => {
    jest.useFakeTimers();
    try {
      const subscription = stream.notices.subscribe();
      const request = streamRequest();
      request.error(new ProgressEvent('error'));

      const connectedAfterFailure = stream.connected();
      jest.advanceTimersByTime(1_000);
      const again = http.match((candidate) => candidate.url === '/api/notifications/stream');

      expect(connectedAfterFailure).toBe(false);
      expect(again).toHaveLength(1);
      subscription.unsubscribe();
    } finally {
      jest.useRealTimers();
    }
  });
});
