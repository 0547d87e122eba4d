import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '@agency-portal/shared';
import type { Request } from 'express';
import type { Actor } from './actor';

export const IS_PUBLIC = 'auth:isPublic';
export const REQUIRED_PERMISSION = 'auth:permission';
export const ANY_SIGNED_IN = 'auth:anySignedIn';

/** The route needs no sign-in. Every other route does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The route needs this permission from the shared permission table. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** The route is for any signed-in user (their own profile, sign-out). Must be said explicitly. */
export const AnySignedIn = (): MethodDecorator & ClassDecorator => SetMetadata(ANY_SIGNED_IN, true);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
  if (!request.user) {
    throw new Error('CurrentActor used on a route without an authenticated user');
  }
  return request.user;
});
