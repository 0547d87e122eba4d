import {
  LOCALE_COOKIE,
  isLocale,
  negotiateLocale,
  parseAcceptLanguage,
  type Locale,
} from '@agency-portal/shared';

export interface LocaleSource {
  user?: unknown;
  cookies?: Record<string, unknown>;
  headers: { 'accept-language'?: string | string[] | undefined };
}

/**
 * The reader's language for an HTTP answer: the signed-in person's own language, else the one they
 * picked before signing in (the `ap_locale` cookie), else `Accept-Language`, else English.
 */
export function requestLocale(request: LocaleSource): Locale {
  const userLocale = (request.user as { locale?: unknown } | undefined)?.locale;
  if (isLocale(userLocale)) return userLocale;
  const picked = request.cookies?.[LOCALE_COOKIE];
  if (isLocale(picked)) return picked;
  const header = request.headers['accept-language'];
  return negotiateLocale(parseAcceptLanguage(Array.isArray(header) ? header.join(',') : header));
}
