import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Permission } from '@agency-portal/shared';
import type { Request } from 'express';
import type { Actor } from './actor';

export const IS_PUBLIC = 'auth:isPublic';
export const REQUIRED_PERMISSION = 'auth:permission';
export const ANY_SIGNED_IN = 'auth:anySignedIn';

/** The route needs no sign-in. Every other route does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** OpenAPI extensions that tell integrators (and the hostile-input walk) who may call an operation. */
export const OPENAPI_PERMISSION = 'x-required-permission';
export const OPENAPI_ANY_SIGNED_IN = 'x-any-signed-in';

/** The route needs this permission from the shared permission table (and a Bearer token). */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiExtension(OPENAPI_PERMISSION, permission),
  );

/** The route is for any signed-in user (their own profile, sign-out). Must be said explicitly. */
export const AnySignedIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ANY_SIGNED_IN, true),
    ApiBearerAuth(),
    ApiExtension(OPENAPI_ANY_SIGNED_IN, true),
  );

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<Request & { user?: Actor }>();
  if (!request.user) {
    throw new Error('CurrentActor used on a route without an authenticated user');
  }
  return request.user;
});
