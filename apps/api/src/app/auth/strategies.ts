import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import type { Request } from 'express';
import { DomainError } from '../common/errors/domain-error';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { SessionsService, type AccessTokenPayload } from './sessions.service';

/** Email + password sign-in (passport-local). */
@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({
      usernameField: 'email',
      passwordField: 'password',
      passReqToCallback: true,
    });
  }

  validate(request: Request, email: string, password: string): Promise<User> {
    if (
      typeof email !== 'string' ||
      typeof password !== 'string' ||
      email.length > 320 ||
      password.length > 1000
    ) {
      throw new DomainError('validation_failed', 'Email and password are required.');
    }
    return this.auth.verifyCredentials(email, password, request.ip ?? 'unknown');
  }
}

/** Bearer access tokens; the session and user are re-checked on every request. */
@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: ResolvedConfig,
    private readonly sessions: SessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string or a Buffer, jsonwebtoken first tries it as a
      // PEM public key on every request (a failed createPublicKey), a sixth of the API's CPU on
      // lists in a profile. passport-jwt's types stop at string | Buffer; it hands the key to
      // jsonwebtoken's verify unchanged, which takes a KeyObject.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<Actor> {
    const actor = await this.sessions.resolveActor(payload);
    if (!actor) throw new DomainError('session_expired', 'Your session has ended. Sign in again.');
    return actor;
  }
}
