import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { static as serveStatic } from 'express';
import {
  LOCALE_COOKIE,
  SUPPORTED_LOCALES,
  isLocale,
  negotiateLocale,
  parseAcceptLanguage,
  type Locale,
} from '@agency-portal/shared';

/** True when the web app was built per locale (`<dist>/<locale>/index.html` for every locale). */
export function hasLocalizedBuilds(webDistDir: string): boolean {
  return SUPPORTED_LOCALES.every((locale) => existsSync(join(webDistDir, locale, 'index.html')));
}

/** The language a request should see: the `ap_locale` cookie, else `Accept-Language`, else English. */
export function requestLocale(request: Request): Locale {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const cookie = cookies?.[LOCALE_COOKIE];
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(parseAcceptLanguage(request.headers['accept-language']));
}

/**
 * Serves the localized builds of the web app: `/<locale>/…` from that locale's folder, with the
 * locale's `index.html` for any path without a file extension (the app's own routes), and 404 for a
 * missing file. Every other non-API path is redirected into the reader's locale, keeping path and
 * query, so `/briefs/42` opens `/ko/briefs/42` for a Korean reader. Needs cookie-parser before it.
 *
 * Minimal on purpose; the hardening branch owns the full static serving (caching headers and the like).
 */
export function localizedWebApp(webDistDir: string, apiPrefix: string): RequestHandler {
  const statics = new Map(
    SUPPORTED_LOCALES.map((locale) => [
      locale,
      serveStatic(join(webDistDir, locale), { index: false, redirect: false, fallthrough: true }),
    ]),
  );
  const apiPath = `/${apiPrefix}`;

  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = request.path;
    if (path === apiPath || path.startsWith(`${apiPath}/`)) return next();

    const [, first = '', ...rest] = path.split('/');
    if (!isLocale(first)) {
      const query = request.originalUrl.slice(request.originalUrl.split('?')[0]?.length ?? 0);
      response.redirect(302, `/${requestLocale(request)}${path}${query}`);
      return;
    }
    const locale = first;
    const served = statics.get(locale);
    if (!served) return next();
    const inner = `/${rest.join('/')}`;
    const fallBack = (): void => {
      if (extname(inner) !== '') {
        response.status(404).type('text/plain').send('Not found');
        return;
      }
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(join(webDistDir, locale, 'index.html'));
    };
    if (inner === '/' || extname(inner) === '') return fallBack();
    const originalUrl = request.url;
    request.url = request.url.slice(locale.length + 1) || '/';
    served(request, response, () => {
      request.url = originalUrl;
      fallBack();
    });
  };
}
