import { applyDecorators, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { Permission } from '@agency-portal/shared';
import { AnySignedIn, RequirePermission } from './decorators';

/** Who may call a route: a permission from the shared table, or anyone signed in. */
export type RouteAccess = Permission | 'any-signed-in';

type RouteMethod = (path?: string) => MethodDecorator;

function endpoint(method: RouteMethod) {
  return (path: string, access: RouteAccess, description: string, status?: number): MethodDecorator =>
    applyDecorators(
      method(path === '' ? undefined : path),
      ...(status === undefined ? [] : [HttpCode(status)]),
      ApiOperation({ description }),
      access === 'any-signed-in' ? AnySignedIn() : RequirePermission(access),
    );
}

/**
 * A route's method and path (`''` for the controller's own), who may call it, what it does (the
 * OpenAPI description) and, where it is not Nest's default, its status code, in one decorator:
 * `@Endpoint.post(':id/send', 'brief:manage', 'Sends a draft brief to the agency.', 200)`.
 */
export const Endpoint = {
  get: endpoint(Get),
  post: endpoint(Post),
  put: endpoint(Put),
  patch: endpoint(Patch),
  delete: endpoint(Delete),
};
