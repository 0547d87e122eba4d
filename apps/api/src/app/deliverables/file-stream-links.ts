import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { FileStreamLinkDto } from '@agency-portal/shared';
import type { Actor } from '../auth/actor';
import { SessionsService } from '../auth/sessions.service';
import { notFound } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';

/** How long a stream link works: a long review sitting, never past the session that asked. */
const LINK_SECONDS = 4 * 60 * 60;

interface LinkClaims {
  /** file id */
  f: string;
  /** user id */
  u: string;
  /** session id */
  s: string;
  /** expiry, seconds since the epoch */
  e: number;
}

/**
 * Links a `<video>` element can play directly, so the browser asks for byte ranges itself (it
 * cannot send the Bearer token). A link names one file, its user and session, and an expiry, and
 * is signed with a key derived from the JWT secret for this purpose only (it is no access token).
 * Each request re-checks the session (signed out or deactivated: refused) and the file's access
 * rule; a bad, expired or foreign link is the same 404 as a file that does not exist.
 */
@Injectable()
export class FileStreamLinks {
  private readonly key: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly sessions: SessionsService,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', config.jwtSecret, Buffer.alloc(0), 'file-stream-link', 32));
  }

  issue(actor: Actor, fileId: string, now = Date.now()): FileStreamLinkDto {
    const expires = Math.floor(now / 1000) + LINK_SECONDS;
    const claims: LinkClaims = { f: fileId, u: actor.id, s: actor.sessionId, e: expires };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const token = `${body}.${this.sign(body)}`;
    return {
      url: `/api/files/${fileId}/stream?token=${encodeURIComponent(token)}`,
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  /** The actor the link was issued to, while it and their session last. */
  async actorFor(token: string, fileId: string, now = Date.now()): Promise<Actor> {
    const claims = this.verified(token);
    if (!claims || claims.f !== fileId || claims.e * 1000 <= now) throw notFound('File');
    const actor = await this.sessions.resolveActor({ sub: claims.u, sid: claims.s, role: '' });
    if (!actor) throw notFound('File');
    return actor;
  }

  private verified(token: string): LinkClaims | null {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<LinkClaims>;
      const valid =
        typeof claims.f === 'string' &&
        typeof claims.u === 'string' &&
        typeof claims.s === 'string' &&
        typeof claims.e === 'number';
      return valid ? (claims as LinkClaims) : null;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
