/**
 * The languages the portal speaks. The codes are BCP 47 language tags: they name the web app's
 * localized builds in URLs (`/ko/briefs`), the `locale` on the user record, and the API's message
 * catalogs. Dates, numbers and money are formatted with the same tag.
 */
export const SUPPORTED_LOCALES = ['en', 'ko', 'id'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Cookie that remembers the language picked before signing in (read by the API when serving the app). */
export const LOCALE_COOKIE = 'ap_locale';

/** Each language named in itself, for language pickers. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
  en: 'English',
  ko: '한국어',
  id: 'Bahasa Indonesia',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The language tags of an `Accept-Language` header, most preferred first (q=0 entries dropped). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * The best supported locale for a list of preferred language tags (`navigator.languages`, or a
 * parsed `Accept-Language`): the first whose primary language we speak (`ko-KR` → `ko`,
 * `in` → `id`, the legacy code for Indonesian), otherwise English.
 */
export function negotiateLocale(preferences: readonly string[]): Locale {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    const candidate = primary === 'in' ? 'id' : primary;
    if (isLocale(candidate)) return candidate;
  }
  return DEFAULT_LOCALE;
}
