import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  LOCALE_COOKIE,
  SUPPORTED_LOCALES,
  isLocale,
  negotiateLocale,
  parseAcceptLanguage,
  type Locale,
} from '@agency-portal/shared';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { API_PREFIX } from '../common/http/api-prefix';

/**
 * How the built web app lies on disk:
 * - `localized`: one build per language, `<root>/<locale>/index.html` (baseHref `/<locale>/`);
 * - `flat`: a single build, `<root>/index.html`.
 */
export type WebAppLayout =
  { kind: 'localized'; root: string; locales: readonly Locale[] } | { kind: 'flat'; root: string };

/** Angular's output hashing: `main-4KX3N2QJ.js`, `media/font-7ZQ2V1XA.woff2`. Such a file never changes. */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
const PRECOMPRESSED = /\.(br|gz)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else may change with the next release: revalidate (cheap, with the ETag) on every use. */
const REVALIDATE = 'no-cache';

export function detectWebAppLayout(root: string): WebAppLayout | null {
  const locales = SUPPORTED_LOCALES.filter((locale) => existsSync(join(root, locale, 'index.html')));
  if (locales.length > 0) return { kind: 'localized', root, locales };
  return existsSync(join(root, 'index.html')) ? { kind: 'flat', root } : null;
}

/** Cache-Control for a file served from the build (called with the precompressed file's path too). */
export function cacheControlFor(filePath: string): string {
  const name = basename(filePath).replace(PRECOMPRESSED, '');
  return name !== 'index.html' && HASHED_FILE.test(name) ? IMMUTABLE : REVALIDATE;
}

/** True for `/robots.txt` or `/main.js`: a path asking for a file, which never falls back to the app page. */
export function asksForFile(path: string): boolean {
  const last = path.split('/').pop() ?? '';
  return /\.[A-Za-z0-9]+$/.test(last);
}

/** The language to send someone to: their `ap_locale` cookie, else their browser's languages, else English. */
export function chooseLocale(request: Request, available: readonly Locale[]): Locale {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const cookie = cookies?.[LOCALE_COOKIE];
  if (isLocale(cookie) && available.includes(cookie)) return cookie;
  const negotiated = negotiateLocale(parseAcceptLanguage(request.get('accept-language')));
  return available.includes(negotiated) ? negotiated : (available[0] ?? negotiated);
}

function isApiPath(path: string): boolean {
  return path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`);
}

/**
 * Serves one build folder: precompressed brotli/gzip files when the client takes them (generated
 * at build time), immutable caching for hashed files, and the app page (`index.html`, never
 * cached without revalidation) for any path without a file extension. A missing file is a 404.
 */
function serveBuild(folder: string): RequestHandler {
  const files = expressStaticGzip(folder, {
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    index: false,
    serveStatic: {
      index: false,
      redirect: false,
      fallthrough: true,
      setHeaders: (response, filePath) => response.setHeader('Cache-Control', cacheControlFor(filePath)),
    },
  }) as RequestHandler;
  return (request, response, next) => {
    files(request, response, (error?: unknown) => {
      if (error) return next(error);
      if (asksForFile(request.path)) return next(); // the API's JSON 404
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      request.url = `/index.html${query}`;
      files(request, response, next);
    });
  };
}

/** Strips `/<locale>` from the request's URL so the locale's folder serves the rest. */
function withinLocale(request: Request, localeLength: number): void {
  const rest = request.url.slice(localeLength + 1);
  request.url = rest.startsWith('/') ? rest : `/${rest}`;
}

/**
 * The web app beside the API, for GET and HEAD outside `/api`. With one build per language,
 * `/<locale>/…` is served from that language's folder, and any other path is redirected to
 * `/<locale><path>?<query>` for the visitor's language; with a single build, it is served as is.
 */
export function webAppHandler(layout: WebAppLayout): RequestHandler {
  if (layout.kind === 'flat') {
    const build = serveBuild(layout.root);
    return (request, response, next): void => {
      if (!['GET', 'HEAD'].includes(request.method) || isApiPath(request.path)) return next();
      void build(request, response, next);
    };
  }
  const builds = new Map(layout.locales.map((locale) => [locale, serveBuild(join(layout.root, locale))]));
  const atRoot = serveBuild(layout.root);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!['GET', 'HEAD'].includes(request.method) || isApiPath(request.path)) return next();
    const first = request.path.split('/')[1] ?? '';
    const build = isLocale(first) ? builds.get(first) : undefined;
    if (build) {
      withinLocale(request, first.length);
      void build(request, response, next);
      return;
    }
    if (asksForFile(request.path)) {
      // A file at the top of the build (rare: each language's folder has its own), else the JSON 404.
      void atRoot(request, response, next);
      return;
    }
    const locale = chooseLocale(request, layout.locales);
    response.setHeader('Vary', 'Cookie, Accept-Language');
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, `/${locale}${request.url}`);
  };
}
