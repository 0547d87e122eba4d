import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ANY_SIGNED_IN, IS_PUBLIC, REQUIRED_PERMISSION } from '../../src/app/auth/decorators';
import { createTestApp, type TestApp } from '../support/test-app';

interface Route {
  name: string;
  method: string;
  path: string;
  isPublic: boolean;
  permission: string | undefined;
  anySignedIn: boolean;
}

/** Every route the application registered, read from Nest's own metadata. */
function discoverRoutes(t: TestApp): Route[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prefix = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    for (const methodName of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[methodName] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const targets = [handler as () => void, wrapper.metatype as () => void];
      routes.push({
        name: `${wrapper.metatype.name}.${methodName}`,
        method,
        path: `/api/${[prefix, path].filter((part) => part && part !== '/').join('/')}`.replace(/\/+/g, '/'),
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true,
        permission: reflector.getAllAndOverride<string>(REQUIRED_PERMISSION, targets),
        anySignedIn: reflector.getAllAndOverride<boolean>(ANY_SIGNED_IN, targets) === true,
      });
    }
  }
  return routes;
}

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('route contract', () => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp();
    routes = discoverRoutes(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should discover the application routes when the app boots', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toContain('POST /api/auth/login');
  });

  it('should give every route an explicit access rule when routes are registered', () => {
    const withoutRule = routes.filter((route) => !route.isPublic && !route.permission && !route.anySignedIn);
    expect(withoutRule.map((route) => route.name)).toEqual([]);
  });

  it('should keep the public routes to the known sign-in and health entry points', () => {
    const publicRoutes = routes
      .filter((route) => route.isPublic)
      .map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'GET /api/auth/invitations/:token',
        // A stream link stands for the sign-in (checked on every request): FileStreamLinks.
        'GET /api/files/:id/stream',
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/auth/refresh',
        'POST /api/auth/set-password',
      ].sort(),
    );
  });

  it('should answer 401 without a token on every route that is not public', async () => {
    const protectedRoutes = routes.filter((route) => !route.isPublic);
    const answers: string[] = [];
    for (const route of protectedRoutes) {
      const path = route.path.replace(/:[A-Za-z]+/g, SAMPLE_ID);
      const method = route.method.toLowerCase() as
        'get' | 'post' | 'patch' | 'put' | 'delete' | 'head' | 'options';
      const request = t.http()[method](path);
      // HEAD answers have no body to carry the code; their status says it.
      const response =
        method === 'head' || method === 'get' || method === 'options'
          ? await request
          : await request.send({});
      const code =
        method === 'head' ? 'unauthenticated' : (response.body as { code?: string } | undefined)?.code;
      answers.push(`${route.method} ${route.path} -> ${response.status} ${code}`);
    }
    expect(answers.filter((answer) => !answer.endsWith('-> 401 unauthenticated'))).toEqual([]);
  });

  it('should answer 401 with a forged token on a protected route', async () => {
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4Iiwic2lkIjoieCIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJl';
    const response = await t.http().get('/api/users').set('Authorization', `Bearer ${forged}`);
    expect(response.status).toBe(401);
  });

  it('should describe every route in the OpenAPI document when it is requested', async () => {
    const response = await t.http().get('/api/docs-json');
    expect(response.status).toBe(200);
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const expected = routes.map((route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    expect(expected.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it('should answer unknown API paths with a JSON 404', async () => {
    const response = await t.http().get('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });
});
