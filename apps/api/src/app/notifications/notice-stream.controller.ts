import { Controller, Query, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  catchError,
  concatMap,
  EMPTY,
  filter,
  from,
  interval,
  map,
  merge,
  of,
  share,
  takeUntil,
  timer,
  type Observable,
} from 'rxjs';
import type { Actor } from '../auth/actor';
import { AnySignedIn, CurrentActor } from '../auth/decorators';
import { SessionsService } from '../auth/sessions.service';
import { NoticeStreamQueryDto } from './dto/notification.dto';
import { NoticeListener } from './notice-listener';
import { NotificationsService } from './notifications.service';

/** A comment-free heartbeat every 25 s keeps proxies (and their idle timeouts) from closing the stream. */
export const NOTICE_HEARTBEAT_MS = 25_000;
/** A stream ends after this long; the client connects again (with a fresh token if it needs one). */
export const NOTICE_STREAM_MAX_MS = 30 * 60_000;

/**
 * New notices as server-sent events, for the bell to show without a reload. Authenticated like
 * every route (a Bearer token: the web app reads the stream with its HTTP client, not
 * EventSource, which cannot send one). Each heartbeat re-checks the session, so signing out,
 * deactivation or offboarding ends the stream within a heartbeat.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@AnySignedIn()
@Controller('notifications')
export class NoticeStreamController {
  constructor(
    private readonly listener: NoticeListener,
    private readonly notifications: NotificationsService,
    private readonly sessions: SessionsService,
  ) {}

  @Sse('stream')
  @ApiOkResponse({
    description: 'An open stream of server-sent events.',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    description:
      "Server-sent events: `ready` once, `notice` with each new notice of the caller (worded for them) and their unread count, `ping` every 25 s. Ends when the caller's session does, or after 30 minutes.",
  })
  stream(@CurrentActor() actor: Actor, @Query() query: NoticeStreamQueryDto): Observable<MessageEvent> {
    const checks = interval(NOTICE_HEARTBEAT_MS).pipe(
      concatMap(() =>
        from(this.sessions.resolveActor({ sub: actor.id, sid: actor.sessionId, role: actor.role })).pipe(
          // The database unavailable for a moment is no reason to end the stream.
          catchError(() => of(actor)),
        ),
      ),
      share(),
    );
    const ended = merge(checks.pipe(filter((current) => current === null)), timer(NOTICE_STREAM_MAX_MS));
    const notices = this.listener.notices.pipe(
      filter((announcement) => announcement.userId === actor.id),
      concatMap((announcement) =>
        from(this.notifications.worded(actor, announcement.notificationId, query.timeZone ?? null)).pipe(
          catchError(() => EMPTY),
        ),
      ),
      filter((worded) => worded !== null),
      map((data): MessageEvent => ({ type: 'notice', data })),
    );
    const pings = checks.pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(of<MessageEvent>({ type: 'ready', data: {} }), notices, pings).pipe(takeUntil(ended));
  }
}
