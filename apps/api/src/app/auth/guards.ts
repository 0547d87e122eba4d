import { ExecutionContext, Injectable, Logger, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { can, type Permission } from '@agency-portal/shared';
import type { Request } from 'express';
import { DomainError, forbidden } from '../common/errors/domain-error';
import { asError } from '../common/errors/as-error';
import type { Actor } from './actor';
import { ANY_SIGNED_IN, IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';

function isPublic(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true;
}

/** Global guard 1: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): ReturnType<CanActivate['canActivate']> {
    if (isPublic(this.reflector, context)) return true;
    return super.canActivate(context);
  }

  override handleRequest<TUser = Actor>(err: unknown, user: TUser | false, info: unknown): TUser {
    // A failure while checking the session (the database is down, say) is not a bad token: it
    // goes to the exception filter as it is (503), so clients keep their session and retry.
    if (err) throw asError(err);
    if (!user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw new DomainError(
        expired ? 'session_expired' : 'unauthenticated',
        expired ? 'Your session has expired. Sign in again.' : 'Sign in to continue.',
      );
    }
    return user;
  }
}

/**
 * Global guard 2, deny by default: a signed-in route must name a permission from the shared
 * table (@RequirePermission) or say it is for anyone signed in (@AnySignedIn). A route that says
 * neither is refused, so forgetting the rule can never open a route.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  private readonly logger = new Logger(PermissionGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (isPublic(this.reflector, context)) return true;
    const targets = [context.getHandler(), context.getClass()];
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const anySignedIn = this.reflector.getAllAndOverride<boolean>(ANY_SIGNED_IN, targets) === true;
    const actor = context.switchToHttp().getRequest<Request & { user?: Actor }>().user;
    if (!actor) throw new DomainError('unauthenticated', 'Sign in to continue.');
    if (permission) {
      if (can(actor.role, permission)) return true;
      throw forbidden();
    }
    if (anySignedIn) return true;
    this.logger.error(
      `Route ${context.getClass().name}.${context.getHandler().name} has no access rule; refused`,
    );
    throw forbidden();
  }
}

/** Runs the passport-local strategy on the sign-in route; a body without both fields is a 400. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<TUser>(err: unknown, user: TUser | false): TUser {
    if (err) throw asError(err);
    if (!user) throw new DomainError('validation_failed', 'Email and password are required.');
    return user;
  }
}
