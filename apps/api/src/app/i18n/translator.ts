import { DEFAULT_LOCALE, isLocale, type Locale } from '@agency-portal/shared';
import { IntlMessageFormat } from 'intl-messageformat';
import id from '../../locale/messages.id.json';
import ko from '../../locale/messages.ko.json';
import { toMessage, type MessageParams, type Text } from './message';

/** English source text (ICU MessageFormat) → its translation. */
export type Catalog = Readonly<Record<string, string>>;

/** English is the source language: its catalog is empty, the keys are the text. */
export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en: {}, ko, id };

/**
 * Puts texts into a language, independent of HTTP (errors, e-mails and notices alike). A key
 * missing in a catalog, an unknown locale or a translation that cannot be formatted falls back to
 * the English source, so a reader always gets a sentence.
 */
export class Translator {
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(private readonly catalogs: Readonly<Record<Locale, Catalog>> = CATALOGS) {}

  t(locale: string | null | undefined, key: string, params?: MessageParams): string {
    const language: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
    const translated = this.catalogs[language][key];
    if (translated !== undefined && language !== DEFAULT_LOCALE) {
      const text = this.format(language, translated, params);
      if (text !== null) return text;
    }
    return this.format(DEFAULT_LOCALE, key, params) ?? key;
  }

  render(locale: string | null | undefined, text: Text): string {
    const message = toMessage(text);
    return this.t(locale, message.key, message.params);
  }

  private format(locale: Locale, source: string, params: MessageParams | undefined): string | null {
    const cacheKey = `${locale}\u0000${source}`;
    try {
      let format = this.compiled.get(cacheKey);
      if (!format) {
        format = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
        this.compiled.set(cacheKey, format);
      }
      const result = format.format<string>(params);
      return typeof result === 'string' ? result : String(result);
    } catch {
      return null;
    }
  }
}

export const translator = new Translator();

/** `t('ko', 'You cannot assign the role {role}.', { role })`. */
export function t(locale: string | null | undefined, key: string, params?: MessageParams): string {
  return translator.t(locale, key, params);
}

export function render(locale: string | null | undefined, text: Text): string {
  return translator.render(locale, text);
}
