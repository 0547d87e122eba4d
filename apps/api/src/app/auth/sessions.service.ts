import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { DomainError } from '../common/errors/domain-error';
import { User } from '../users/user.entity';
import type { Actor } from './actor';
import { hashToken, newOpaqueToken, seal, unseal } from './secrets';
import { RefreshToken, Session } from './session.entity';

export interface AccessTokenPayload {
  sub: string;
  sid: string;
  role: string;
}

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  userId: string;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** The HKDF purpose of the key that seals a spent refresh token's answer. */
const SUCCESSOR_PURPOSE = 'agency-portal refresh successor v1';

const sessionExpired = (): DomainError =>
  new DomainError('session_expired', 'Your session has ended. Sign in again.');

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
  ) {}

  /** Starts a session for a verified user: one transaction with its audit record. */
  async start(user: User, client: ClientInfo): Promise<IssuedTokens> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.save(
        manager.create(Session, {
          userId: user.id,
          expiresAt: this.refreshExpiry(),
          revokedAt: null,
          revokeReason: null,
          ip: client.ip,
          userAgent: client.userAgent?.slice(0, 500) ?? null,
        }),
      );
      await manager.update(User, { id: user.id }, { lastLoginAt: new Date() });
      await this.audit.record(manager, user, {
        action: 'session.created',
        entity: 'session',
        entityId: session.id,
        after: { userId: user.id, ip: client.ip },
      });
      return this.issue(manager, session, user);
    });
  }

  /**
   * Rotates a refresh token: the presented one is spent and a new one issued. The answer is kept
   * with the spent token, sealed with it, so the same cookie presented again within the grace
   * window (two tabs refreshing at once, a retried request) gets the same answer. Presented
   * again later, or after its successor was spent too, it means the token leaked: the whole
   * session is revoked.
   */
  async rotate(presented: string): Promise<IssuedTokens> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      // Locked: a second refresh with the same cookie waits here until the first has committed.
      const token = await manager
        .getRepository(RefreshToken)
        .createQueryBuilder('token')
        .setLock('pessimistic_write')
        .where('token.token_hash = :hash', { hash: hashToken(presented) })
        .getOne();
      if (!token) throw sessionExpired();
      const session = await manager.findOneBy(Session, { id: token.sessionId });
      if (!session || session.revokedAt) throw sessionExpired();
      if (token.usedAt) {
        const again = await this.answerWithinGrace(manager, token, presented);
        if (again) return again;
        await this.revokeSessions(manager, { sessionId: session.id }, 'refresh_token_reuse', null);
        return 'reuse' as const;
      }
      if (token.expiresAt.getTime() <= Date.now() || session.expiresAt.getTime() <= Date.now()) {
        throw sessionExpired();
      }
      const user = await this.loadActiveUser(manager, session.userId);
      if (!user) throw sessionExpired();
      const issued = await this.issue(manager, session, user);
      await manager.update(
        RefreshToken,
        { id: token.id },
        { usedAt: new Date(), successorSealed: seal(presented, SUCCESSOR_PURPOSE, JSON.stringify(issued)) },
      );
      return issued;
    });
    if (outcome === 'reuse') throw sessionExpired();
    return outcome;
  }

  /** The answer a spent token was exchanged for, while the grace window lasts and that answer is unspent. */
  private async answerWithinGrace(
    manager: EntityManager,
    token: RefreshToken,
    presented: string,
  ): Promise<IssuedTokens | null> {
    const graceMs = this.config.refreshReuseGraceSeconds * 1000;
    if (!token.usedAt || !token.successorSealed || Date.now() - token.usedAt.getTime() > graceMs) return null;
    const opened = unseal(presented, SUCCESSOR_PURPOSE, token.successorSealed);
    if (!opened) return null;
    const sealed = JSON.parse(opened) as IssuedTokens & { refreshExpiresAt: string };
    const successor = await manager.findOneBy(RefreshToken, { tokenHash: hashToken(sealed.refreshToken) });
    if (!successor || successor.usedAt) return null;
    return { ...sealed, refreshExpiresAt: new Date(sealed.refreshExpiresAt) };
  }

  /**
   * Sign-out: revokes the session behind the refresh cookie or the access token presented,
   * whichever came (a script holding only the bearer token signs out too). An access token past
   * its expiry still names its session, which is ended all the same.
   */
  async signOut(credentials: { refreshToken?: string; accessToken?: string }): Promise<void> {
    const sessionIds = new Set<string>();
    if (credentials.accessToken) {
      const payload = await this.jwt
        .verifyAsync<AccessTokenPayload>(credentials.accessToken, {
          algorithms: ['HS256'],
          ignoreExpiration: true,
        })
        .catch(() => null);
      if (payload?.sid) sessionIds.add(payload.sid);
    }
    await this.dataSource.transaction(async (manager) => {
      if (credentials.refreshToken) {
        const token = await manager.findOneBy(RefreshToken, {
          tokenHash: hashToken(credentials.refreshToken),
        });
        if (token) sessionIds.add(token.sessionId);
      }
      for (const sessionId of sessionIds) {
        await this.revokeSessions(manager, { sessionId }, 'sign_out', null);
      }
    });
  }

  async endSession(sessionId: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.revokeSessions(manager, { sessionId }, 'sign_out', actor);
    });
  }

  /**
   * Revokes every live session matching the filter, inside the caller's transaction, with one audit
   * record per session. Access tokens name their session, so they stop working at once.
   */
  async revokeSessions(
    manager: EntityManager,
    filter: { sessionId: string } | { userId: string } | { agencyId: string },
    reason: string,
    actor: Actor | null,
  ): Promise<number> {
    const qb = manager
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: () => 'now()', revokeReason: reason })
      .where('revoked_at IS NULL');
    if ('sessionId' in filter) qb.andWhere('id = :id', { id: filter.sessionId });
    if ('userId' in filter) qb.andWhere('user_id = :userId', { userId: filter.userId });
    if ('agencyId' in filter) {
      qb.andWhere('user_id IN (SELECT id FROM users WHERE agency_id = :agencyId)', {
        agencyId: filter.agencyId,
      });
    }
    const result = await qb.returning(['id', 'user_id']).execute();
    const rows = (result.raw as { id: string; user_id: string }[]) ?? [];
    for (const row of rows) {
      await this.audit.record(manager, actor, {
        action: 'session.revoked',
        entity: 'session',
        entityId: row.id,
        after: { userId: row.user_id, reason },
      });
    }
    return rows.length;
  }

  /**
   * Resolves an access token's claims to the acting user, or null when the session is no longer valid.
   * Runs on every authenticated request, so it is one fixed statement read as plain rows: building
   * it with the query builder and hydrating a User entity cost more CPU than the query itself.
   */
  async resolveActor(payload: AccessTokenPayload): Promise<Actor | null> {
    const rows: {
      id: string;
      email: string;
      name: string;
      role: Actor['role'];
      agency_id: string | null;
      locale: Actor['locale'];
    }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, u.agency_id, u.locale
           FROM users u
           JOIN sessions s ON s.user_id = u.id
           LEFT JOIN agencies a ON a.id = u.agency_id
          WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
            AND u.active = true AND (u.agency_id IS NULL OR a.status = 'active')`,
      [payload.sid, payload.sub],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      agencyId: row.agency_id,
      sessionId: payload.sid,
      locale: row.locale,
    };
  }

  private async loadActiveUser(manager: EntityManager, userId: string): Promise<User | null> {
    return manager
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoin('user.agency', 'agency')
      .where('user.id = :userId', { userId })
      .andWhere('user.active = true')
      .andWhere("(user.agency_id IS NULL OR agency.status = 'active')")
      .getOne();
  }

  private async issue(manager: EntityManager, session: Session, user: User): Promise<IssuedTokens> {
    const refreshToken = newOpaqueToken();
    const refreshExpiresAt = new Date(Math.min(session.expiresAt.getTime(), this.refreshExpiry().getTime()));
    await manager.insert(RefreshToken, {
      sessionId: session.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      usedAt: null,
    });
    const payload: AccessTokenPayload = {
      sub: user.id,
      sid: session.id,
      role: user.role,
    };
    const accessToken = await this.jwt.signAsync(payload, {
      expiresIn: this.config.accessTokenTtlSeconds,
    });
    return {
      accessToken,
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken,
      refreshExpiresAt,
      userId: user.id,
    };
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 24 * 3600 * 1000);
  }
}
